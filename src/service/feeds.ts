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
  const result = await pollFeed(source, { client: deps.client, store: deps.feedState, now: deps.now });
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
