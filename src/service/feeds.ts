import { isChatSourceId, type ChannelConfig, type SourceConfig } from '../config/schema.js';
import type { UnreadSource } from '../digest/types.js';
import type { Publisher } from '../platforms/types.js';
import type { HttpClient } from '../sources/http.js';
import type { FeedStateStore } from '../sources/state.js';
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

/**
 * What a channel is told of a failed read, by the error the poll recorded: plain words, without
 * the address or the error's internals (those stay in the log). The first row that matches the
 * error (its addresses taken out) gives the words.
 */
export const FEED_FAILURE_WORDS: readonly { pattern: RegExp; words: string }[] = [
  { pattern: /\btimed out\b/, words: 'timed out' },
  { pattern: /\banswered HTTP (404|410)\b/, words: 'the site no longer has it at its address' },
  { pattern: /\banswered HTTP (401|403)\b/, words: 'the site refused access' },
  { pattern: /\banswered HTTP 429\b/, words: 'the site asked for fewer requests' },
  { pattern: /\banswered HTTP 5\d\d\b/, words: 'the site had an error' },
  { pattern: /\banswered HTTP \d+/, words: 'the site answered with an error' },
  { pattern: /\brefused the connection\b/, words: 'the site refused the connection' },
  { pattern: /\bwas not found \(check the address\)/, words: 'its site was not found' },
  { pattern: /\bis not a public address\b/, words: 'its address is not one newsdigest fetches' },
  { pattern: /\bredirected more than\b/, words: 'it redirected too many times' },
  { pattern: /\b(is|unpacks to) .+ the .+ limit$/, words: 'it was larger than newsdigest reads' },
  { pattern: /\b(encoding newsdigest cannot read|sent a corrupt)\b/, words: 'what it sent could not be decoded' },
  {
    pattern: /\b(is not an RSS, Atom, RDF or JSON feed|is not well-formed XML or JSON|could not be read as a feed)\b/,
    words: 'what it sent is not a feed',
  },
];

/** A feed's last recorded error in plain words for a channel (FEED_FAILURE_WORDS); "could not be fetched" when none fits. */
export function plainFeedFailure(error: string | undefined): string {
  const text = (error ?? '').replace(/\bhttps?:\/\/\S+/gi, '');
  return FEED_FAILURE_WORDS.find((row) => row.pattern.test(text))?.words ?? 'it could not be fetched';
}

/**
 * A feed as a channel knows it: the config file's id, or for a feed subscribed from chat (whose id
 * is a hash) its site and path, without credentials or query.
 */
export function sourceName(feed: Pick<FeedSourceConfig, 'id' | 'url'>): string {
  if (!isChatSourceId(feed.id)) return feed.id;
  try {
    const url = new URL(feed.url);
    return `${url.hostname}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return feed.id;
  }
}

/**
 * The feeds among `sources` whose latest read failed, as the store records it (whichever replica
 * read them, and whether they were tried just now or are waiting out their back-off).
 */
export async function unreadFeeds(sources: readonly SourceConfig[], feedState: FeedStateStore): Promise<UnreadSource[]> {
  const feeds = sources.filter((source): source is FeedSourceConfig => source.type === 'feed');
  const states = await Promise.all(feeds.map((feed) => feedState.getFeedState(feed.url)));
  return feeds.flatMap((feed, i) => {
    const state = states[i];
    return state && state.consecutiveFailures > 0 ? [{ name: sourceName(feed), reason: plainFeedFailure(state.lastError) }] : [];
  });
}

/**
 * Whether a channel's digest reads a source: one it names, or, when it names none, any of the
 * config file's sources, never a feed a tenant subscribed from chat.
 */
export function channelReadsSource(channel: Pick<ChannelConfig, 'sources'>, sourceId: string): boolean {
  return channel.sources.length ? channel.sources.includes(sourceId) : !isChatSourceId(sourceId);
}

/** Tells every config channel that reads a source, in one line; a notice that fails is only logged. */
async function noticeToChannels(sourceId: string, text: string, deps: RemoteIngestDeps): Promise<void> {
  for (const channel of deps.channels) {
    if (!channelReadsSource(channel, sourceId)) continue;
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
  // The feed and page readers (feedsmith, linkedom, Readability) load at the first feed polled:
  // a service that reads only article files never loads them.
  const { pollFeed, readFeedItems } = await import('../sources/poll.js');
  const result = await pollFeed(source, { client: deps.client, store: deps.feedState, now: deps.now, owner: deps.owner });
  if (result.status === 'failed') {
    deps.onFeedFailure?.(source.id);
    deps.logger.warn({ source: source.id, url: source.url, failures: result.consecutiveFailures }, `source ${source.id}: ${result.error}`);
    if (result.problem) {
      deps.logger.error({ source: source.id, url: source.url }, `source ${source.id}: ${result.problem.message}`);
      // The log has the address and the error; the channel gets plain words.
      const reason = plainFeedFailure(result.error);
      await noticeToChannels(
        source.id,
        `Feed “${sourceName(source)}” is failing: ${reason}, ${result.consecutiveFailures} times in a row. newsdigest keeps trying, less often, and its stories come once it can be read.`,
        deps,
      );
    }
    return 0;
  }
  if (result.status !== 'ok') return 0;
  if (result.recovered) await noticeToChannels(source.id, `Feed “${sourceName(source)}” works again.`, deps);
  for (const reason of result.skipped) deps.logger.warn({ source: source.id }, `source ${source.id}: ${reason}`);
  const { articles, errors } = await readFeedItems(result.items, source.url, deps.client);
  for (const reason of errors) deps.logger.warn({ source: source.id }, `source ${source.id}: ${reason}`);
  return storeArticles(source.id, articles, deps);
}

/** Fetches a page source's article (the store keeps it once, by URL). Never throws. */
export async function ingestPageSource(source: PageSourceConfig, deps: RemoteIngestDeps): Promise<number> {
  try {
    const { fetchArticle } = await import('../sources/page.js');
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
