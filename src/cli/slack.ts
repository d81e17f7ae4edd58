import type { Command } from 'commander';

/** Adds the `slack` subcommands to the CLI. */
export function register(program: Command): void {
  const slack = program.command('slack').description('set up the Slack app');

  slack
    .command('manifest')
    .description('print the Slack app manifest (slash commands, scopes, interactivity, request URLs) to paste into "Create an app → From a manifest"')
    .option('--url <https-url>', 'public https address of the service (default: slack.publicUrl from the config)')
    .option('--socket', 'Socket Mode: no public address needed (default: slack.mode from the config)')
    .option('--json', 'print JSON instead of YAML')
    .action(async (options: { url?: string; socket?: boolean; json?: boolean }) => {
      // Loaded for this command only, so the other commands start quicker.
      const [{ stringify }, { commands }, { loadConfig }, { buildManifest }] = await Promise.all([
        import('yaml'),
        import('../commands/index.js'),
        import('../config/load.js'),
        import('../platforms/slack/manifest.js'),
      ]);
      const config = loadConfig(program.opts<{ config: string }>().config);
      const manifest = buildManifest({
        commands,
        mode: options.socket ? 'socket' : config.slack.mode,
        url: options.url ?? config.slack.publicUrl,
      });
      process.stdout.write(options.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest));
    });
}
