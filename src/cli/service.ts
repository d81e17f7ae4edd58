import type { Command } from 'commander';
import { UserError } from '../errors.js';

// The service (Bolt, discord.js, pg…), the config code and the logger load only when a command
// needs them, so `npm start`, `preview` and `summarize` stay quick.
const loadService = () => import('../service/service.js');
const loadSetup = async () => {
  const [{ readSecrets }, { loadConfig }, { createLogger }] = await Promise.all([
    import('../config/env.js'),
    import('../config/load.js'),
    import('../log.js'),
  ]);
  return { readSecrets, loadConfig, createLogger };
};

/** Adds `run` (the long-running service) and `post` (one digest now, exactly once). */
export function register(program: Command): void {
  program
    .command('run')
    .description('run the service: scheduled digests, platform connections, /healthz /readyz /metrics')
    .action(async () => {
      const { readSecrets, loadConfig, createLogger } = await loadSetup();
      const configPath = program.opts<{ config: string }>().config;
      const config = loadConfig(configPath);
      const logger = createLogger();
      const secrets = readSecrets();
      const { createService } = await loadService();
      const service = await createService(config, secrets, { logger, origin: configPath });
      // PORT (the platform's convention: containers, PaaS) wins over http.port; say so once, after
      // the config and secrets passed their checks (a refused start prints its one line alone).
      if (secrets.port !== undefined && secrets.port !== config.http.port) {
        logger.warn(
          { port: secrets.port, configPort: config.http.port },
          `PORT=${secrets.port} overrides http.port ${config.http.port} from the config`,
        );
      }
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, `${signal}: stopping (finishing deliveries in flight)`);
        service.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'stopping failed');
            process.exit(1);
          },
        );
      };
      // SIGHUP reads the config file again: its channels' schedules and sources change without a restart.
      process.on('SIGHUP', () => {
        void (async () => {
          try {
            const next = loadConfig(configPath);
            const { assertServiceConfig } = await import('../service/validate.js');
            assertServiceConfig(next, secrets, configPath ?? 'the config');
            const { reloadConfigChannels } = await import('../service/setup.js');
            const { channels, sources } = reloadConfigChannels(service, next);
            logger.info(
              { channels, sources },
              `SIGHUP: reloaded the config file: ${channels} channel(s), ${sources} source(s); other settings apply at the next start`,
            );
          } catch (error) {
            logger.error(`SIGHUP: kept the running config; the file was not reloaded: ${(error as Error).message.split('\n').join(' ')}`);
          }
        })();
      });
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      try {
        await service.start();
      } catch (error) {
        await service.stop().catch(() => undefined);
        throw error instanceof Error && !(error instanceof UserError) && /port .* is in use|cannot listen/.test(error.message)
          ? new UserError(error.message)
          : error;
      }
      // Runs until a signal; the timers and connections keep the process alive.
    });

  program
    .command('post')
    .description("post one channel's digest now, through the same exactly-once ledger as the schedule")
    .requiredOption('--channel <id>', 'channel id from the config')
    .option('--date <YYYY-MM-DD>', "local date of the digest (default today in the channel's zone)")
    .option('--force', 'post again even if the ledger says it was posted')
    .action(async (options: { channel: string; date?: string; force?: boolean }) => {
      const { readSecrets, loadConfig, createLogger } = await loadSetup();
      const configPath = program.opts<{ config: string }>().config;
      const config = loadConfig(configPath);
      // One post needs the wiring only: no schedule, no HTTP server, no platform connections.
      const { createContainer } = await loadService();
      const container = await createContainer(config, readSecrets(), { logger: createLogger(), origin: configPath, cron: false });
      try {
        await container.ingest();
        const outcome = await container.scheduler.postNow(options.channel, { date: options.date, force: options.force });
        if (outcome.status === 'skipped') {
          process.stderr.write(
            outcome.reason === 'posted'
              ? `newsdigest: the digest for ${options.channel} was already posted; use --force to post it again\n`
              : `newsdigest: another process is posting the digest for ${options.channel} right now\n`,
          );
        } else if (outcome.status === 'failed') {
          process.stderr.write(`newsdigest: ${outcome.error}\n`);
          process.exitCode = 1;
        } else if (outcome.status === 'unknown') {
          process.stderr.write('newsdigest: the platform did not answer in time; `newsdigest run` checks it at its next start\n');
          process.exitCode = 1;
        }
      } finally {
        await container.close();
      }
    });
}
