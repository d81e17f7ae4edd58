import { createHash } from 'node:crypto';
import type { ChannelSetup, SourceHealth, SourcePreview } from '../commands/setup.js';
import { decodeText } from '../sources/charset.js';
import type { parseFeedText } from '../sources/feed.js';
import type { HttpClient } from '../sources/http.js';
import { CHAT_ID_PREFIX, type ChannelConfig, type Config, type SourceConfig } from '../config/schema.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { CommandContext } from '../commands/types.js';
import type { Caller, PlatformServices } from '../platforms/types.js';
import { scheduleProblem } from '../config/schedule.js';
import { CronSchedule } from '../scheduler/cron.js';
import type { ChatChannel, ChatChannelStore } from '../store/chat-channels.js';
import { StoreLibrary } from '../store/library.js';
import type { Logger } from '../log.js';
import type { TenantFeeds } from './feeds.js';
import type { Store } from '../store/types.js';

type FeedSource = Extract<SourceConfig, { type: 'feed' }>;

/** A chat channel's id in the ledger and digests; "chat-" keeps it apart from the config's ids. */
export function chatChannelId(platform: ChatChannel['platform'], channel: string): string {
  return `${CHAT_ID_PREFIX}${platform}-${channel}`;
}

/**
 * A subscribed URL as a feed source; the id is the same on every replica and after a restart.
 * A URL the config file already reads is that source: polling remembers what it has seen per URL,
 * so two sources of one URL would split its items between them.
 */
export function chatFeedSource(url: string, configSources: readonly SourceConfig[] = []): FeedSource {
  const configured = configSources.find((source): source is FeedSource => source.type === 'feed' && source.url === url);
  if (configured) return configured;
  const id = `${CHAT_ID_PREFIX}${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
  // The first poll takes the latest items, so the first digest has news in it.
  return { id, type: 'feed', url, backfill: 10, pollMinutes: 15 };
}

/** A channel set up from chat as the scheduler runs it. */
export function chatChannelConfig(channel: ChatChannel, configSources: readonly SourceConfig[] = []): ChannelConfig {
  return {
    id: chatChannelId(channel.platform, channel.channel),
    platform: channel.platform,
    channel: channel.channel,
    schedule: channel.schedule,
    timeZone: channel.timeZone,
    sources: channel.sources.map((url) => chatFeedSource(url, configSources).id),
    filters: { keywords: channel.keywords, maxItems: channel.maxItems },
  };
}

/**
 * The set-up of one chat channel for `/newsdigest`: the config file's channel when it names this
 * one (chat only views it), else what was set up from chat, in the store every replica reads.
 */
export function channelSetup(options: {
  platform: 'slack' | 'discord';
  channel: string;
  caller: Caller;
  configured: ChannelConfig | undefined;
  chatChannels: ChatChannelStore;
  now(): Date;
  /** Told after each change is saved, so this replica answers for the channel at once. */
  onSaved?(settings: ChatChannel): void;
  /** Fetches a source once at subscribe; none, no check. */
  client?: HttpClient;
  /** Where each source's fetch state and articles are, for `sources`. */
  store?: Pick<Store, 'getFeedState' | 'articlesSince'>;
  /** The config file's sources (a subscribed URL the config file reads is its source). */
  configSources?: readonly SourceConfig[];
  /** The Slack workspace or Discord server the channel is in: saved with the channel; its other channels' sources count towards its cap. */
  tenant?: string;
}): ChannelSetup {
  const { platform, channel, caller, configured, chatChannels, tenant } = options;
  return {
    platform,
    channel,
    actor: `${platform}:${caller.id}`,
    configured: configured ? { id: configured.id, schedule: configured.schedule, timeZone: configured.timeZone, sources: configured.sources } : null,
    refusal: () => caller.refusal(),
    postingProblem: async () => (await caller.postingProblem?.()) ?? null,
    load: () => chatChannels.get(platform, channel),
    async save(settings, change) {
      const saved = await chatChannels.save(tenant ? { ...settings, tenant } : settings, change);
      if (saved) options.onSaved?.(settings);
      return saved;
    },
    changes: (limit) => chatChannels.changes(platform, channel, limit),
    tenantUsage: tenant
      ? async () => {
          const rows = (await chatChannels.list({ platform, tenant })).filter((row) => row.sources.length > 0);
          return { channels: rows.map((row) => row.channel), sources: [...new Set(rows.flatMap((row) => row.sources))] };
        }
      : undefined,
    previewSource: options.client ? (url) => previewSource(url, options.client!) : undefined,
    sourceHealth: options.store ? (url) => sourceHealth(url, options.store!, options.now(), options.configSources) : undefined,
    scheduleProblem,
    nextRun(schedule, timeZone) {
      try {
        return new CronSchedule(schedule, timeZone).next(options.now());
      } catch {
        return null;
      }
    },
  };
}

/** `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href="…">` in a page's head. */
const FEED_LINK = /<link\b[^>]*>/gi;
const FEED_TYPE = /type\s*=\s*["']?application\/(rss\+xml|atom\+xml|feed\+json)/i;

function feedLinkIn(html: string, pageUrl: string): string | null {
  for (const [tag] of html.matchAll(FEED_LINK)) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !FEED_TYPE.test(tag)) continue;
    const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (!value) continue;
    try {
      return new URL(value, pageUrl).toString();
    } catch {}
  }
  return null;
}

/**
 * `/newsdigest subscribe`'s one fetch: a feed as it is, or a page whose head names its feed. The
 * client's limits and address guard apply; its errors are already in words for users.
 */
export async function previewSource(url: string, client: HttpClient): Promise<SourcePreview | { problem: string }> {
  try {
    // The feed reader (feedsmith) loads at the first feed read, not with the service.
    const { fetchFeed, parseFeedText } = await import('../sources/feed.js');
    const response = await client.get(url, {
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5',
    });
    const text = decodeText(response.body, response.contentType);
    let feedUrl = response.url;
    let feed: ReturnType<typeof parseFeedText>;
    try {
      feed = parseFeedText(text, feedUrl);
    } catch {
      const linked = feedLinkIn(text, response.url);
      if (!linked) return { problem: `${url} is neither a feed nor a page that names one (no <link rel="alternate"> to RSS, Atom or JSON Feed)` };
      const fetched = await fetchFeed(linked, client);
      if (fetched.notModified) return { problem: `${linked} did not answer with its feed` };
      feedUrl = linked;
      feed = fetched.feed;
    }
    return { feedUrl, title: feed.title?.trim() || feedUrl, headlines: feed.items.map((item) => item.title).filter(Boolean) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A subscribed feed's fetch state and the articles it gave this week. */
export async function sourceHealth(
  url: string,
  store: Pick<Store, 'getFeedState' | 'articlesSince'>,
  now: Date,
  configSources: readonly SourceConfig[] = [],
): Promise<SourceHealth> {
  const [state, articles] = await Promise.all([
    store.getFeedState(url),
    store.articlesSince(new Date(now.getTime() - WEEK_MS), { sourceIds: [chatFeedSource(url, configSources).id] }),
  ]);
  return { lastFetchAt: state?.lastPolledAt, failures: state?.consecutiveFailures ?? 0, lastError: state?.lastError, itemsThisWeek: articles.length };
}

export interface ChatChannelRuntime {
  /** The context of a chat channel: its digest (config file's or chat's), its set-up for `/newsdigest`. */
  channelContext: NonNullable<PlatformServices['channelContext']>;
  /** The channels set up from chat that post: read from the store at each sweep, so changes need no restart. */
  liveChannels(): Promise<ChannelConfig[]>;
  /** The feeds those channels read, as the last sweep or feed tick listed them (a URL no running channel reads is not polled). */
  feeds(): FeedSource[];
  /** The same feeds by tenant, asked from the store, for the tick that polls each tenant's in turn. */
  tenantFeeds(): Promise<TenantFeeds[]>;
  /** Pauses the chat channels of a server the bot lost, or one channel it lost; logged and counted, never throws. */
  channelsGone: NonNullable<PlatformServices['channelsGone']>;
}

/** The service's side of the channels set up from chat, kept here so that the service only wires it. */
export function chatChannelRuntime(options: {
  store: Store;
  /** The config file's channels: theirs stay the operator's. */
  channels: readonly ChannelConfig[];
  /** The config file's sources: the operator's own, which every tenant may read. */
  sources: readonly SourceConfig[];
  context: CommandContext;
  client: HttpClient;
  logger: Logger;
  /** Counts channels paused because the bot lost them. */
  onPaused?(platform: ChatChannel['platform'], cause: 'server' | 'channel', count: number): void;
}): ChatChannelRuntime {
  const { store, channels, context } = options;
  const chatChannels = store.stores.chatChannels;
  const configured = (platform: string, channel: string | undefined) => channels.find((c) => c.platform === platform && c.channel === channel);
  /** Chat channels by "platform:channel" → their digest channel id; refreshed at each sweep, each feed tick and each change. */
  const chatChannelIds = new Map<string, string>();
  /** The feeds of the chat channels that post, as last listed. */
  const feeds = new Map<string, FeedSource>();
  /** Chat channels whose tenant this process has already recorded (when it was not yet known). */
  const tenantsAdopted = new Set<string>();
  const remember = (row: ChatChannel) => chatChannelIds.set(`${row.platform}:${row.channel}`, chatChannelId(row.platform, row.channel));

  /**
   * What a tenant's commands may read: the config file's sources (the operator's own) and the feeds
   * the tenant's chat channels subscribe to, paused ones included. A command with no tenant (a
   * Discord DM) reads only the config file's. Scoping by sources, not by recording which channel
   * received which article, keeps one copy of an article however many tenants read its feed.
   */
  const tenantSourceIds = async (platform: ChatChannel['platform'], tenant: string | undefined): Promise<string[]> => {
    const own = options.sources.map((source) => source.id);
    if (!tenant) return own;
    const subscribed = (await chatChannels.list({ platform, tenant })).flatMap((row) =>
      row.sources.map((url) => chatFeedSource(url, options.sources).id),
    );
    return [...new Set([...own, ...subscribed])];
  };

  const posting = (rows: ChatChannel[]) => rows.filter((row) => !row.paused && row.sources.length > 0);
  /**
   * The chat channels the config file does not name (a channel the config file names later is the
   * operator's from then on: only its entry there posts), as stored now; what this replica knows of
   * them is refreshed on the way. The sweep (one replica a minute) and the feed tick (every replica)
   * both read them, so every replica answers for a channel set up on another within a minute.
   */
  const chatRows = async () => {
    const rows = (await chatChannels.list()).filter((row) => !configured(row.platform, row.channel));
    chatChannelIds.clear();
    rows.forEach(remember);
    feeds.clear();
    for (const url of posting(rows).flatMap((row) => row.sources)) {
      const feed = chatFeedSource(url, options.sources);
      // The config file's own feeds are polled as its sources already.
      if (!options.sources.includes(feed)) feeds.set(feed.id, feed);
    }
    return rows;
  };

  return {
    async liveChannels() {
      return posting(await chatRows()).map((row) => chatChannelConfig(row, options.sources));
    },
    // A digest's build reads its sources right after the sweep listed the channels: what it saw will do.
    feeds: () => [...feeds.values()],
    async tenantFeeds() {
      // Every replica polls from the store's list, not from what its own sweep last saw (one replica sweeps).
      const byTenant = new Map<string, Set<string>>();
      for (const row of posting(await chatRows())) {
        // A channel whose tenant is not known yet is a tenant of its own.
        const tenant = `${row.platform}:${row.tenant || `channel:${row.channel}`}`;
        const urls = byTenant.get(tenant) ?? new Set<string>();
        for (const url of row.sources) urls.add(url);
        byTenant.set(tenant, urls);
      }
      return [...byTenant].map(([tenant, urls]) => ({ tenant, feeds: [...urls].map((url) => chatFeedSource(url, options.sources)), capped: true }));
    },
    async channelsGone(platform, where, reason) {
      const cause = 'tenant' in where ? 'server' : 'channel';
      try {
        const at = context.now().toISOString();
        const paused = await chatChannels.pause(platform, where, { actor: 'newsdigest', at, action: 'pause', detail: reason });
        options.onPaused?.(platform, cause, paused.length);
        const what = paused.length
          ? `paused ${paused.length} chat channel${paused.length === 1 ? '' : 's'} (${paused.join(', ')}); /newsdigest resume there posts again`
          : 'no channel set up from chat to pause';
        options.logger.warn({ platform, ...where, paused }, `${platform}: ${reason}; ${what}`);
      } catch (error) {
        options.logger.error(
          { err: error, platform, ...where },
          `${platform}: ${reason}, but its channels could not be paused: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    channelContext(platform, platformChannelId, caller, tenant) {
      const channel = configured(platform, platformChannelId);
      const digestChannel = channel?.id ?? chatChannelIds.get(`${platform}:${platformChannelId}`) ?? null;
      const sources = () => tenantSourceIds(platform, tenant);
      // A channel set up before tenants were recorded learns its tenant at its first command here (once per process).
      const key = `${platform}:${platformChannelId}`;
      if (tenant && platformChannelId && !channel && !tenantsAdopted.has(key)) {
        tenantsAdopted.add(key);
        chatChannels.adoptTenant(platform, platformChannelId, tenant).catch((error: unknown) => {
          tenantsAdopted.delete(key);
          options.logger.warn(
            { err: error, platform, channel: platformChannelId },
            'could not record the channel’s tenant; the next command there tries again',
          );
        });
      }
      const setup =
        platformChannelId && caller
          ? channelSetup({
              platform,
              channel: platformChannelId,
              caller,
              configured: channel,
              chatChannels,
              now: () => context.now(),
              onSaved: remember,
              client: options.client,
              store,
              configSources: options.sources,
              tenant,
            })
          : undefined;
      return { ...context, library: new StoreLibrary(store, { channelId: digestChannel, sources }), digestChannel, setup };
    },
  };
}

/**
 * A reload of the config file while running (SIGHUP): its channels' schedules and sources replace
 * the old ones, without a restart. Other settings (platforms, storage, port) apply at the next start.
 * The arrays are changed in place: the scheduler, the ingestion and the chat runtime hold them.
 */
export function reloadConfigChannels(
  running: { config: Config; scheduler: Pick<Scheduler, 'replaceChannels'> },
  next: Config,
): { channels: number; sources: number } {
  running.config.sources.splice(0, running.config.sources.length, ...next.sources);
  running.scheduler.replaceChannels(next.channels);
  return { channels: running.config.channels.length, sources: running.config.sources.length };
}
