import type { Command } from 'commander';

/** Adds `newsdigest fetch <feed-url|page-url>`. */
export function register(program: Command): void {
  program
    .command('fetch')
    .description('fetch a feed or an article page (with the configured limits) and print what would go into the next digest')
    .argument('<url>', 'feed URL (RSS, Atom, RDF, JSON Feed) or article page URL')
    .option('--allow-loopback', 'also fetch from this machine (127.0.0.1, ::1), e.g. a feed served locally for testing')
    .action(async (url: string, options: { allowLoopback?: boolean }) => {
      // The config, HTTP and feed code loads only for this command, so other commands start quicker.
      const [{ loadConfig }, { HttpClient }, { describeUrl }] = await Promise.all([
        import('../config/load.js'),
        import('../sources/http.js'),
        import('./describe.js'),
      ]);
      const config = loadConfig(program.opts<{ config: string }>().config);
      const client = new HttpClient({ ...config.fetch, allowLoopback: options.allowLoopback });
      try {
        process.stdout.write(await describeUrl(url, client));
      } finally {
        await client.close();
      }
    });
}
