import type { CommandContext } from '../commands/types.js';
import type { Secrets } from '../config/env.js';
import type { ChannelConfig, Config } from '../config/schema.js';
import { buildDigest } from '../digest/build.js';
import { createLogger, type Logger } from '../log.js';
import { discordPlatformFromConfig } from '../platforms/discord/client.js';
import { slackPlatformFromConfig } from '../platforms/slack/app.js';
import { createTerminalPublisher } from '../platforms/terminal/publisher.js';
import type { HttpRoute, PlatformAdapter, PlatformFactory, PlatformServices, Publisher } from '../platforms/types.js';
import { systemClock, type BuildDigest, type Clock, type DeliveryOutcome } from '../scheduler/deliver.js';
import { Scheduler, type SweepReport } from '../scheduler/scheduler.js';
import { HttpClient } from '../sources/http.js';
import { StoreLibrary, storedEntry } from '../store/library.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { fetchArticle } from '../sources/page.js';
import { ingestFeedSource, ingestPageSource } from './feeds.js';
import { healthRoutes, serveRoutes } from './http.js';
import { ingestFileSource } from './ingest.js';
import { ServiceMetrics } from './metrics.js';
import { chatChannelRuntime } from './setup.js';
import { assertServiceConfig } from './validate.js';

type PlatformName = ChannelConfig['platform'];

export type { PlatformFactory, PlatformServices };

/** Each platform's factory lives in its own folder; tests swap one for a faster-timed one. */
export const defaultPlatformFactories: Partial<Record<'slack' | 'discord', PlatformFactory>> = {
  slack: slackPlatformFromConfig,
  discord: discordPlatformFromConfig,
};

export interface ServiceOptions {
  logger?: Logger;
  clock?: Clock;
  /** Where the config came from, for error messages. */
  origin?: string;
  /** Start node-cron tasks (default true); tests drive `scheduler.sweep()` with an injected clock. */
  cron?: boolean;
  /** Serve the HTTP routes: /healthz, /readyz, /metrics and the platforms' endpoints (default true). */
  http?: boolean;
  /** Listen here instead of PORT / http.port (0: any free port). */
  port?: number;
  host?: string;
  /** Process id in the ledger and leases (default host:pid:random). */
  owner?: string;
  /** An open store to use instead of opening one from the config (the service still closes it). */
  store?: Store;
  /** PostgreSQL schema (tests use a fresh one per run). */
  storeSchema?: string;
  /** Publishers replacing a platform's own (a test double at the platform edge). */
  publishers?: Partial<Record<PlatformName, Publisher>>;
  /** Platform adapters to use instead of the real Slack and Discord ones. */
  platformFactories?: Partial<Record<'slack' | 'discord', PlatformFactory>>;
  /** Where the terminal channel prints (default stdout). */
  stdout?: NodeJS.WritableStream;
  staleClaimMs?: number;
  postTimeoutMs?: number;
  onTimeGraceMs?: number;
  /** Start the platform connections (default true; `newsdigest post` only needs to post). */
  connect?: boolean;
  /** Fetch from loopback too (tests serving feeds on 127.0.0.1); never in production. */
  allowLoopbackFetch?: boolean;
}

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
  postNow(channelId: string, options?: { date?: string; force?: boolean }): Promise<DeliveryOutcome>;
  /** The HTTP port once started, else null. */
  port(): number | null;
  /** Stops new fires, finishes or hands back deliveries in flight, stops platforms, closes the store. */
  stop(): Promise<void>;
}

/**
 * Wires the long-running service: store, ingestion, publishers (terminal always; Slack and
 * Discord when configured), the scheduler, and /healthz, /readyz, /metrics. Refuses bad
 * configuration with every wrong field named, before anything starts.
 */
export async function createService(config: Config, secrets: Secrets, options: ServiceOptions = {}): Promise<Service> {
  const origin = options.origin ?? 'the config';
  assertServiceConfig(config, secrets, origin);
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  const metrics = new ServiceMetrics();
  const store =
    options.store ??
    (await openStore({ databaseUrl: secrets.databaseUrl, sqlitePath: config.storage.sqlitePath, schema: options.storeSchema, logger }));
  logger.info({ store: store.kind }, `store: ${store.kind}`);

  const httpClient = new HttpClient({
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
    userAgent: config.fetch.userAgent,
    allowLoopback: options.allowLoopbackFetch,
    // What a refused name resolves to is for the operator's log, never for the user's reply.
    log: logger,
  });
  const context: CommandContext = {
    library: new StoreLibrary(store),
    fetchArticle: (url) => fetchArticle(url, { client: httpClient }),
    now: () => clock.now(),
    timeZone: config.timeZone,
  };

  let live = true;
  const publishers: Record<string, Publisher> = {};
  const routes: HttpRoute[] = [];
  // Each chat channel answers with its own digest; channels set up from chat run beside the config's.
  const chat = chatChannelRuntime({ store, channels: config.channels, context, client: httpClient });
  const services: PlatformServices = { context, channelContext: chat.channelContext, logger, observe: metrics.observeCommand };
  const factories = { ...defaultPlatformFactories, ...options.platformFactories };
  const adapters: PlatformAdapter[] = [];
  publishers.terminal = options.publishers?.terminal ?? createTerminalPublisher({ stream: options.stdout });
  try {
    for (const name of ['discord', 'slack'] as const) {
      if (options.publishers?.[name]) {
        publishers[name] = options.publishers[name];
        continue;
      }
      const adapter = factories[name]?.(config, secrets, services);
      if (!adapter) continue;
      adapters.push(adapter);
      publishers[name] = adapter;
      // The platforms' endpoints are routes on the service's one server, beside its own.
      routes.push(...(adapter.routes ?? []));
    }
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  routes.push(...healthRoutes({ store, publishers, metrics, live: () => live }));

  const sentences = config.summary.sentences;
  const ingestDeps = { store, logger, sentences, now: () => clock.now(), onStored: (id: string, n: number) => metrics.ingested(id, n) };
  const remoteDeps = {
    ...ingestDeps,
    client: httpClient,
    channels: config.channels,
    publisherFor: (channel: ChannelConfig) => publishers[channel.platform],
    onFeedFailure: (id: string) => metrics.feedFailures.inc({ source: id }),
  };
  const pagesRead = new Set<string>();
  /** Reads sources into the store: files each time, feeds when their poll is due, pages once a run. */
  async function ingest(sourceIds?: string[]): Promise<void> {
    const sources = [...config.sources, ...chat.feeds()].filter((source) => !sourceIds?.length || sourceIds.includes(source.id));
    await Promise.all(
      sources.map(async (source) => {
        if (source.type === 'files') {
          await ingestFileSource(source, ingestDeps).catch((error: unknown) =>
            logger.error({ err: error, source: source.id }, `source ${source.id}: could not read ${source.path}`),
          );
        } else if (source.type === 'feed') {
          await ingestFeedSource(source, remoteDeps);
        } else if (!pagesRead.has(source.id)) {
          pagesRead.add(source.id);
          await ingestPageSource(source, remoteDeps);
        }
      }),
    );
  }

  /** Feeds are polled every minute between digests too; each feed's own interval and back-off decide. */
  const FEED_TICK_MS = 60_000;
  let feedTimer: NodeJS.Timeout | undefined;
  const feedIds = config.sources.filter((source) => source.type === 'feed').map((source) => source.id);

  const build: BuildDigest = async (channel, date, since) => {
    await ingest(channel.sources);
    const articles = await store.articlesSince(since, channel.sources.length ? channel.sources : undefined);
    return buildDigest(articles.map(storedEntry), {
      date,
      now: clock.now(),
      maxItems: channel.filters.maxItems,
      keywords: channel.filters.keywords,
    });
  };

  const scheduler = new Scheduler({
    channels: config.channels,
    liveChannels: chat.liveChannels,
    catchUpHours: config.scheduler.catchUpHours,
    store,
    publisherFor: (channel) => publishers[channel.platform]!,
    build,
    owner: options.owner,
    clock,
    logger,
    observer: metrics.delivery,
    cron: options.cron,
    staleClaimMs: options.staleClaimMs,
    postTimeoutMs: options.postTimeoutMs,
    onTimeGraceMs: options.onTimeGraceMs,
  });

  let server: Awaited<ReturnType<typeof serveRoutes>> | undefined;
  let started = false;
  let stopped: Promise<void> | undefined;

  return {
    config,
    store,
    scheduler,
    metrics,
    routes,
    ingest: () => ingest(),
    async start() {
      started = true;
      await ingest();
      if (options.connect !== false) for (const adapter of adapters) await adapter.start();
      if (options.http !== false) {
        server = await serveRoutes(routes, options.port ?? secrets.port ?? config.http.port, logger, options.host);
        logger.info({ port: server.port }, `serving ${listPaths(routes)} on port ${server.port}`);
      }
      const report = await scheduler.start();
      if (feedIds.length && options.cron !== false) {
        feedTimer = setInterval(() => void ingest(feedIds), FEED_TICK_MS);
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
        await scheduler.stop();
        if (started && options.connect !== false) {
          for (const adapter of adapters) await adapter.stop().catch((error: unknown) => logger.warn({ err: error }, `stopping ${adapter.platform} failed`));
        }
        for (const publisher of Object.values(publishers)) {
          if (!adapters.includes(publisher as PlatformAdapter)) await publisher.close?.().catch(() => undefined);
        }
        await server?.close();
        await httpClient.close().catch(() => undefined);
        await store.close();
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
