import type { Secrets } from '../config/env.js';
import type { Config } from '../config/schema.js';
import type { HttpRoute, PlatformFactory, PlatformServices } from '../platforms/types.js';
import type { DeliveryOutcome } from '../scheduler/deliver.js';
import type { Scheduler, SweepReport } from '../scheduler/scheduler.js';
import type { Store } from '../store/types.js';
import { createContainer, type Container, type ContainerOptions } from './container.js';
import { healthRoutes, serveRoutes } from './http.js';
import type { ServiceMetrics } from './metrics.js';

export { createContainer, defaultPlatformFactories, type Container, type ContainerOptions } from './container.js';
export type { PlatformFactory, PlatformServices };

/** How the service runs its container: what it starts and where it listens. */
export interface RunOptions {
  /** Start node-cron tasks and the feed polls between digests (default true). */
  cron?: boolean;
  /** Serve the HTTP routes: /healthz, /readyz, /metrics and the platforms' endpoints (default true). */
  http?: boolean;
  /** Listen here instead of PORT / http.port (0: any free port). */
  port?: number;
  host?: string;
  /** Start the platform connections (default true; `newsdigest post` only needs to post). */
  connect?: boolean;
}

export type ServiceOptions = ContainerOptions & RunOptions;

export interface Service {
  readonly config: Config;
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly metrics: ServiceMetrics;
  readonly routes: HttpRoute[];
  /** Catch-up report of the start (stale claims settled, missed digests posted). */
  start(): Promise<SweepReport>;
  /** Reads the file sources into the store (also done before each digest is built). */
  ingest(): Promise<void>;
  /** One feed tick: polls the feeds due now, as listed at this call (the minute timer calls it; never throws). */
  pollFeeds(): Promise<void>;
  postNow(channelId: string, options?: { date?: string; force?: boolean }): Promise<DeliveryOutcome>;
  /** The HTTP port once started, else null. */
  port(): number | null;
  /** Stops new fires, finishes or hands back deliveries in flight, stops platforms, closes the store. */
  stop(): Promise<void>;
}

/** The long-running service over a container wired from the config (see createContainer). */
export async function createService(config: Config, secrets: Secrets, options: ServiceOptions = {}): Promise<Service> {
  return runService(await createContainer(config, secrets, options), { ...options, port: options.port ?? secrets.port });
}

/** Feeds are polled every minute between digests too; each feed's own interval and back-off decide. */
const FEED_TICK_MS = 60_000;

/**
 * Start and stop over a container: the platform connections, the one HTTP server (the platforms'
 * routes beside /healthz, /readyz and /metrics), the schedule and the feed polls.
 */
export function runService(container: Container, options: RunOptions = {}): Service {
  const { config, logger, scheduler, metrics, store, publishers, adapters } = container;
  let live = true;
  const routes: HttpRoute[] = [...container.routes, ...healthRoutes({ store, publishers, metrics, live: () => live })];
  let feedTimer: NodeJS.Timeout | undefined;
  let server: Awaited<ReturnType<typeof serveRoutes>> | undefined;
  let started = false;
  let stopped: Promise<void> | undefined;
  const pollFeeds = () =>
    container
      .pollFeeds()
      .catch((error: unknown) =>
        logger.error({ err: error }, `feed tick failed (${error instanceof Error ? error.message : String(error)}); trying again next minute`),
      );

  return {
    config,
    store,
    scheduler,
    metrics,
    routes,
    ingest: () => container.ingest(),
    pollFeeds,
    async start() {
      started = true;
      await container.ingest();
      if (options.connect !== false) for (const adapter of adapters) await adapter.start();
      if (options.http !== false) {
        server = await serveRoutes(routes, options.port ?? config.http.port, logger, options.host);
        logger.info({ port: server.port }, `serving ${listPaths(routes)} on port ${server.port}`);
      }
      const report = await scheduler.start();
      if (options.cron !== false) {
        // The feeds are listed again at each tick: a channel set up from chat since is polled at the next one.
        feedTimer = setInterval(() => void pollFeeds(), FEED_TICK_MS);
        feedTimer.unref();
      }
      for (const { channel, next } of scheduler.nextRuns()) {
        logger.info({ channel, next: next?.toISOString() }, `channel ${channel}: next digest at ${next?.toISOString() ?? 'never'}`);
      }
      return report;
    },
    postNow: (channelId, postOptions) => scheduler.postNow(channelId, postOptions),
    port: () => server?.port ?? null,
    stop() {
      stopped ??= (async () => {
        live = false;
        clearInterval(feedTimer);
        await container.stopScheduler();
        if (started && options.connect !== false) {
          for (const adapter of adapters)
            await adapter.stop().catch((error: unknown) => logger.warn({ err: error }, `stopping ${adapter.platform} failed`));
        }
        await server?.close();
        await container.close();
        logger.info('stopped');
      })();
      return stopped;
    },
  };
}

/** "/slack/events, /healthz, /readyz and /metrics" */
function listPaths(routes: readonly HttpRoute[]): string {
  const paths = [...new Set(routes.map((route) => route.path))];
  return paths.length > 1 ? `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}` : (paths[0] ?? 'nothing');
}
