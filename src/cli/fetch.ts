import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';

/** Adds `newsdigest fetch <feed-url|page-url>`. */
export function register(program: Command): void {
  program
    .command('fetch')
    .description('fetch a feed or an article page (with the configured limits) and print what would go into the next digest')
    .argument('<url>', 'feed URL (RSS, Atom, RDF, JSON Feed) or article page URL')
    .option('--allow-loopback', 'also fetch from this machine (127.0.0.1, ::1), e.g. a feed served locally for testing')
    .action(async (url: string, options: { allowLoopback?: boolean }) => {
      const config = loadConfig(program.opts<{ config: string }>().config);
      // The HTTP and feed code loads only for this command, so other commands start quicker.
      const [{ HttpClient }, { describeUrl }] = await Promise.all([import('../sources/http.js'), import('./describe.js')]);
      const client = new HttpClient({ ...config.fetch, allowLoopback: options.allowLoopback });
      try {
        process.stdout.write(await describeUrl(url, client));
      } finally {
        await client.close();
      }
    });
}
