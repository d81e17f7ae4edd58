import type { CommandContext } from '../commands/types.js';
import { platformsInUse, type Secrets } from '../config/env.js';
import { CHAT_ID_PREFIX, type ChannelConfig, type Config, type SourceConfig } from '../config/schema.js';
import { buildDigest } from '../digest/build.js';
import { createLogger, type Logger } from '../log.js';
import { createTerminalPublisher } from '../platforms/terminal/publisher.js';
import type { HttpRoute, PlatformAdapter, PlatformFactory, PlatformServices, Publisher } from '../platforms/types.js';
import { systemClock, type BuildDigest, type Clock } from '../scheduler/deliver.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { HttpClient } from '../sources/http.js';
import { StoreLibrary, storedEntry } from '../store/library.js';
import { openStore } from '../store/open.js';
import { followedStoriesOf, recordStoryDays } from '../store/stories.js';
import type { ArticleStore, FeedStateStore, Store, Stores, StoryDayStore } from '../store/types.js';
import { channelReadsSource, ingestFeedSource, ingestPageSource, pollDueFeeds, unreadFeeds, type RemoteIngestDeps } from './feeds.js';
import { ingestFileSource, type IngestDeps } from './ingest.js';
import { ServiceMetrics } from './metrics.js';
import { chatChannelRuntime } from './setup.js';
import { assertServiceConfig } from './validate.js';

type PlatformName = ChannelConfig['platform'];

/** A platform's factory, loaded with its client library only when it is called. */
type LazyPlatformFactory = (...args: Parameters<PlatformFactory>) => Promise<PlatformAdapter | undefined>;

/**
 * Each platform's factory lives in its own folder; tests swap one for a faster-timed one. Bolt and
 * discord.js (about 35 and 50 MB of memory) load only for a platform the config or secrets ask for:
 * a Discord-only service never loads Bolt.
 */
export const defaultPlatformFactories: Record<'slack' | 'discord', LazyPlatformFactory> = {
  slack: async (config, secrets, services) =>
    platformsInUse(config, secrets).slack
      ? (await import('../platforms/slack/app.js')).slackPlatformFromConfig(config, secrets, services)
      : undefined,
  // Also with half of Discord's pair of secrets set: its factory says which one is missing.
  discord: async (config, secrets, services) =>
    platformsInUse(config, secrets).discord || secrets.discordToken || secrets.discordApplicationId
      ? (await import('../platforms/discord/client.js')).discordPlatformFromConfig(config, secrets, services)
      : undefined,
};

/** The article pages' reader (linkedom, Readability) loads at the first page fetched. */
const fetchArticle: typeof import('../sources/page.js').fetchArticle = async (url, options) =>
  (await import('../sources/page.js')).fetchArticle(url, options);

/** What to use instead of what the config and secrets would give: test doubles and one-off runs. */
export interface ContainerOptions {
  logger?: Logger;
  clock?: Clock;
  /** Where the config came from, for error messages. */
  origin?: string;
  /** An open store to use instead of opening one from the config (closing the container closes it). */
  store?: Store;
  /** PostgreSQL schema (tests use a fresh one per run). */
  storeSchema?: string;
  /** Publishers replacing a platform's own (a test double at the platform edge). */
  publishers?: Partial<Record<PlatformName, Publisher>>;
  /** Platform adapters to use instead of the real Slack and Discord ones. */
  platformFactories?: Partial<Record<'slack' | 'discord', PlatformFactory>>;
  /** Where the terminal channel prints (default stdout). */
  stdout?: NodeJS.WritableStream;
  /** Fetch from loopback too (tests serving feeds on 127.0.0.1); never in production. */
  allowLoopbackFetch?: boolean;
  // The scheduler's settings:
  /** Process id in the ledger and leases (default host:pid:random). */
  owner?: string;
  /** Start node-cron tasks (default true); tests drive `scheduler.sweep()` with an injected clock. */
  cron?: boolean;
  staleClaimMs?: number;
  postTimeoutMs?: number;
  onTimeGraceMs?: number;
  /** Deliveries in flight at once per platform (default 16). */
  deliveriesPerPlatform?: number;
}

/** Everything the service runs on, wired once: stores, platforms, ingestion and the scheduler. */
export interface Container {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly metrics: ServiceMetrics;
  /** The database: its health, its schema, and every small store at once. */
  readonly store: Store;
  /** The small stores, each handed only to the code that needs it. */
  readonly stores: Stores;
  /** What the commands read and fetch, shared by every platform. */
  readonly context: CommandContext;
  /** Publishers by platform name: the terminal always, Slack and Discord when configured. */
  readonly publishers: Record<string, Publisher>;
  /** The Slack and Discord adapters, to start and stop with the service. */
  readonly adapters: readonly PlatformAdapter[];
  /** The platforms' endpoints, for the service's one HTTP server. */
  readonly routes: readonly HttpRoute[];
  readonly scheduler: Scheduler;
  /** Reads sources into the store (all, or the ones named): files each time, feeds when due, pages once. */
  ingest(sourceIds?: string[]): Promise<void>;
  /** Polls the feeds due now (the config file's and those chat channels read, as the store lists them at this call). */
  pollFeeds(): Promise<void>;
  /** Stops new fires and waits for deliveries in flight (once, however often it is called). */
  stopScheduler(): Promise<void>;
  /** Stops the scheduler if still running, then closes the publishers, the fetcher and the store. */
  close(): Promise<void>;
}

/**
 * Wires the service's parts from the config and secrets: the store, ingestion, publishers
 * (terminal always; Slack and Discord when configured), the scheduler and the HTTP routes.
 * Refuses bad configuration with every wrong field named, before anything is opened.
 */
export async function createContainer(config: Config, secrets: Secrets, options: ContainerOptions = {}): Promise<Container> {
  assertServiceConfig(config, secrets, options.origin ?? 'the config');
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  const metrics = new ServiceMetrics();
  const store =
    options.store ??
    (await openStore({ databaseUrl: secrets.databaseUrl, sqlitePath: config.storage.sqlitePath, schema: options.storeSchema, logger }));
  logger.info({ store: store.kind }, `store: ${store.kind}`);
  const stores = store.stores;

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

  // Each chat channel answers with its own digest; channels set up from chat run beside the config's.
  const chat = chatChannelRuntime({
    store,
    channels: config.channels,
    sources: config.sources,
    context,
    client: httpClient,
    logger,
    onPaused: (platform, cause, count) => metrics.channelsPaused.inc({ platform, cause }, count),
  });
  const services: PlatformServices = {
    context,
    channelContext: chat.channelContext,
    channelsGone: chat.channelsGone,
    logger,
    observe: metrics.observeCommand,
    stores,
  };
  const { publishers, adapters, routes } = await wirePlatforms(config, secrets, options, services).catch(async (error: unknown) => {
    await httpClient.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  });

  const allSources = () => [...config.sources, ...chat.feeds()];
  const ingestDeps: IngestDeps & RemoteIngestDeps = {
    articles: stores.articles,
    feedState: stores.feedState,
    logger,
    sentences: config.summary.sentences,
    now: () => clock.now(),
    onStored: (id, n) => metrics.ingested(id, n),
    client: httpClient,
    channels: config.channels,
    publisherFor: (channel) => publishers[channel.platform],
    onFeedFailure: (id) => metrics.feedFailures.inc({ source: id }),
    owner: options.owner,
  };
  const { ingest, read } = sourceIngestion(allSources, ingestDeps);
  /** What a channel's digest reads: the sources it names, else the config file's (never a feed a tenant subscribed from chat). */
  const channelSources = (channel: ChannelConfig) => allSources().filter((source) => channelReadsSource(channel, source.id));
  let tick = 0;

  const scheduler = new Scheduler({
    channels: config.channels,
    liveChannels: chat.liveChannels,
    catchUpHours: config.scheduler.catchUpHours,
    store,
    publisherFor: (channel) => publishers[channel.platform]!,
    build: digestBuilder({
      sourcesOf: channelSources,
      read,
      articles: stores.articles,
      feedState: stores.feedState,
      storyDays: stores.storyDays,
      clock,
    }),
    owner: options.owner,
    clock,
    logger,
    observer: metrics.delivery,
    cron: options.cron,
    staleClaimMs: options.staleClaimMs,
    postTimeoutMs: options.postTimeoutMs,
    onTimeGraceMs: options.onTimeGraceMs,
    deliveriesPerPlatform: options.deliveriesPerPlatform,
  });

  let schedulerStopped: Promise<void> | undefined;
  const stopScheduler = () => (schedulerStopped ??= scheduler.stop());
  let closed: Promise<void> | undefined;
  return {
    config,
    logger,
    clock,
    metrics,
    store,
    stores,
    context,
    publishers,
    adapters,
    routes,
    scheduler,
    ingest,
    async pollFeeds() {
      const own = config.sources.filter((source) => source.type === 'feed');
      await pollDueFeeds([{ tenant: 'config', feeds: own, capped: false }, ...(await chat.tenantFeeds())], ingestDeps, tick++);
    },
    stopScheduler,
    close() {
      closed ??= (async () => {
        await stopScheduler();
        for (const publisher of Object.values(publishers)) {
          if (!adapters.includes(publisher as PlatformAdapter)) await publisher.close?.().catch(() => undefined);
        }
        await httpClient.close().catch(() => undefined);
        await store.close();
      })();
      return closed;
    },
  };
}

/** The terminal's publisher, and Slack's and Discord's adapters (or the doubles given) with their routes. */
async function wirePlatforms(
  config: Config,
  secrets: Secrets,
  options: ContainerOptions,
  services: PlatformServices,
): Promise<{ publishers: Record<string, Publisher>; adapters: PlatformAdapter[]; routes: HttpRoute[] }> {
  const publishers: Record<string, Publisher> = {};
  const adapters: PlatformAdapter[] = [];
  const routes: HttpRoute[] = [];
  const factories: Partial<Record<'slack' | 'discord', PlatformFactory | LazyPlatformFactory>> = {
    ...defaultPlatformFactories,
    ...options.platformFactories,
  };
  publishers.terminal = options.publishers?.terminal ?? createTerminalPublisher({ stream: options.stdout });
  for (const name of ['discord', 'slack'] as const) {
    const given = options.publishers?.[name];
    if (given) {
      publishers[name] = given;
      continue;
    }
    const adapter = await factories[name]?.(config, secrets, services);
    if (!adapter) continue;
    adapters.push(adapter);
    publishers[name] = adapter;
    // The platforms' endpoints are routes on the service's one server, beside its own.
    routes.push(...(adapter.routes ?? []));
  }
  return { publishers, adapters, routes };
}

/**
 * Reads sources into the store: files each time, feeds when their poll is due, pages once a run.
 * A source already being read is joined, not read again: many channels due at once share a feed's
 * one fetch instead of each fetching it (and queueing behind one another on the same host).
 */
function sourceIngestion(
  allSources: () => SourceConfig[],
  deps: IngestDeps & RemoteIngestDeps,
): { ingest(sourceIds?: string[]): Promise<void>; read(sources: readonly SourceConfig[]): Promise<void> } {
  const pagesRead = new Set<string>();
  const reading = new Map<string, Promise<void>>();
  const readOnce = (source: SourceConfig): Promise<void> => {
    let running = reading.get(source.id);
    if (!running) {
      running = readSource(source).finally(() => reading.delete(source.id));
      reading.set(source.id, running);
    }
    return running;
  };
  const read = async (sources: readonly SourceConfig[]) => {
    await Promise.all(sources.map(readOnce));
  };
  return {
    ingest: (sourceIds) => read(allSources().filter((source) => !sourceIds?.length || sourceIds.includes(source.id))),
    read,
  };

  async function readSource(source: SourceConfig): Promise<void> {
    if (source.type === 'files') {
      await ingestFileSource(source, deps).catch((error: unknown) =>
        deps.logger.error({ err: error, source: source.id }, `source ${source.id}: could not read ${source.path}`),
      );
    } else if (source.type === 'feed') {
      await ingestFeedSource(source, deps);
    } else if (!pagesRead.has(source.id)) {
      pagesRead.add(source.id);
      await ingestPageSource(source, deps);
    }
  }
}

/**
 * A channel's digest: its sources read first, then built from the articles stored since `since`.
 * A feed whose latest read failed is named in the digest: its stories are kept by the time they are
 * stored, so they come in the next digest after a poll reads them. It is not tried again here: the
 * read goes through the poller, which waits out a failing feed's back-off (longer after each
 * failure) and claims each poll once across replicas, so a digest never hammers a feed that is down.
 */
function digestBuilder(deps: {
  sourcesOf(channel: ChannelConfig): SourceConfig[];
  read(sources: readonly SourceConfig[]): Promise<void>;
  articles: ArticleStore;
  feedState: FeedStateStore;
  storyDays: StoryDayStore;
  clock: Clock;
}): BuildDigest {
  return async (channel, date, since) => {
    const sources = deps.sourcesOf(channel);
    await deps.read(sources);
    const unreadSources = await unreadFeeds(sources, deps.feedState);
    // A channel that names no sources reads every source, but not the feeds tenants subscribed
    // from chat: those are theirs, and only their own channels show them.
    const articles = await deps.articles.articlesSince(
      since,
      channel.sources.length ? { sourceIds: channel.sources } : { excludeSourcePrefix: CHAT_ID_PREFIX },
    );
    const digest = buildDigest(articles.map(storedEntry), {
      date,
      now: deps.clock.now(),
      maxItems: channel.filters.maxItems,
      keywords: channel.filters.keywords,
      // Stories the channel already saw come back only as developing, with what is new.
      followed: await followedStoriesOf(deps, channel.id, date),
    });
    await recordStoryDays(deps.storyDays, channel.id, digest);
    return unreadSources.length ? { ...digest, unreadSources } : digest;
  };
}
