import type { ChannelConfig, SourceConfig } from '../config/schema.js';
import type { Publisher } from '../platforms/types.js';
import type { HttpClient } from '../sources/http.js';
import type { FeedStateStore } from '../sources/state.js';
import { fetchArticle } from '../sources/page.js';
import { pollFeed, readFeedItems } from '../sources/poll.js';
import { storeArticles, type IngestDeps } from './ingest.js';

type FeedSourceConfig = Extract<SourceConfig, { type: 'feed' }>;
type PageSourceConfig = Extract<SourceConfig, { type: 'page' }>;

export interface RemoteIngestDeps extends IngestDeps {
  /** What polling remembers about each feed (its validators, back-off and items seen). */
  feedState: FeedStateStore;
  client: HttpClient;
  channels: ChannelConfig[];
  publisherFor(channel: ChannelConfig): Publisher | undefined;
  /** Counts a feed poll that failed, for /metrics. */
  onFeedFailure?(sourceId: string): void;
  /** This replica, as its poll claims name it. */
  owner?: string;
}

/** Tells every channel that reads a source, in one line; a notice that fails is only logged. */
async function noticeToChannels(sourceId: string, text: string, deps: RemoteIngestDeps): Promise<void> {
  for (const channel of deps.channels) {
    if (channel.sources.length && !channel.sources.includes(sourceId)) continue;
    const publisher = deps.publisherFor(channel);
    if (!publisher?.notify) continue;
    await publisher
      .notify(channel.channel, text)
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, channel: channel.id, source: sourceId }, `could not tell channel ${channel.id} about source ${sourceId}`),
      );
  }
}

/**
 * Polls one feed (its back-off and poll interval are kept in the store, so calling this often is
 * cheap) and stores its new items. A feed that keeps failing is logged, counted and announced in
 * its channels once per streak; so is its recovery. Never throws.
 */
export async function ingestFeedSource(source: FeedSourceConfig, deps: RemoteIngestDeps): Promise<number> {
  const result = await pollFeed(source, { client: deps.client, store: deps.feedState, now: deps.now, owner: deps.owner });
  if (result.status === 'failed') {
    deps.onFeedFailure?.(source.id);
    deps.logger.warn({ source: source.id, url: source.url, failures: result.consecutiveFailures }, `source ${source.id}: ${result.error}`);
    if (result.problem) {
      deps.logger.error({ source: source.id, url: source.url }, `source ${source.id}: ${result.problem.message}`);
      await noticeToChannels(source.id, `Feed “${source.id}” is failing: ${result.problem.message}`, deps);
    }
    return 0;
  }
  if (result.status !== 'ok') return 0;
  if (result.recovered) await noticeToChannels(source.id, `Feed “${source.id}” works again.`, deps);
  for (const reason of result.skipped) deps.logger.warn({ source: source.id }, `source ${source.id}: ${reason}`);
  const { articles, errors } = await readFeedItems(result.items, source.url, deps.client);
  for (const reason of errors) deps.logger.warn({ source: source.id }, `source ${source.id}: ${reason}`);
  return storeArticles(source.id, articles, deps);
}

/** Fetches a page source's article (the store keeps it once, by URL). Never throws. */
export async function ingestPageSource(source: PageSourceConfig, deps: RemoteIngestDeps): Promise<number> {
  try {
    return await storeArticles(source.id, [await fetchArticle(source.url, { client: deps.client })], deps);
  } catch (error) {
    deps.logger.warn({ source: source.id, url: source.url }, `source ${source.id}: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}

/** One tenant's feeds for the minute tick: a Slack workspace's, a Discord server's, or the config file's. */
export interface TenantFeeds {
  /** "discord:<guild id>", "slack:<team id>", "config". */
  tenant: string;
  feeds: FeedSourceConfig[];
  /** False for the operator's config file: its feeds are never held back. */
  capped: boolean;
}

/**
 * Feeds one tenant polls at most per minute tick. With at most 100 sources a tenant polled every
 * 15 minutes (about 7 a minute), 25 keeps up, and a burst (a restart) is spread over a few ticks.
 */
export const FEEDS_PER_TENANT_PER_TICK = 25;
/** Polls in flight at once on one replica, whatever the number of tenants. */
export const POLLS_AT_ONCE = 8;

/**
 * The order of one tick's polls: tenants take turns, one feed each, starting with tenant number
 * `turn` (so that no tenant is always first); each capped tenant at most `perTenant` feeds. A feed
 * several tenants read is polled once, in the turn of the first to reach it.
 */
export function pollOrder(groups: readonly TenantFeeds[], options: { perTenant: number; turn: number }): FeedSourceConfig[] {
  const start = groups.length ? options.turn % groups.length : 0;
  const rotated = [...groups.slice(start), ...groups.slice(0, start)];
  const taken = new Map<string, number>();
  const seen = new Set<string>();
  const order: FeedSourceConfig[] = [];
  const longest = Math.max(0, ...rotated.map((group) => group.feeds.length));
  for (let round = 0; round < longest; round++) {
    for (const group of rotated) {
      const feed = group.feeds[round];
      const count = taken.get(group.tenant) ?? 0;
      if (!feed || seen.has(feed.url) || (group.capped && count >= options.perTenant)) continue;
      seen.add(feed.url);
      taken.set(group.tenant, count + 1);
      order.push(feed);
    }
  }
  return order;
}

/**
 * One minute tick: the feeds due now, each tenant's in turn and within its cap (pollOrder), at most
 * POLLS_AT_ONCE at a time. Each poll is claimed in the store, so replicas ticking together fetch a
 * feed once; its items are stored once under its source and reach every channel that reads it.
 */
export async function pollDueFeeds(groups: readonly TenantFeeds[], deps: RemoteIngestDeps, turn: number): Promise<void> {
  const urls = [...new Set(groups.flatMap((group) => group.feeds.map((feed) => feed.url)))];
  const notDue = await deps.feedState.notDue(urls, deps.now());
  const due = groups.map((group) => ({ ...group, feeds: group.feeds.filter((feed) => !notDue.has(feed.url)) }));
  const queue = pollOrder(due, { perTenant: FEEDS_PER_TENANT_PER_TICK, turn });
  const worker = async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) await ingestFeedSource(feed, deps);
  };
  await Promise.all(Array.from({ length: Math.min(POLLS_AT_ONCE, queue.length) }, worker));
}
