import { collapse } from '../article/read.js';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { Article } from '../article/types.js';
import { UserError } from '../errors.js';
import { fetchFeed, type FeedItem } from './feed.js';
import { backoffDelay } from '../timing.js';
import { displayUrl, FetchError, formatDuration, type HttpClient } from './http.js';
import { feedItemArticle } from './page.js';
import type { FeedState, FeedStateStore } from './state.js';

/** The parts of a `type: feed` source that polling reads (config's feed source fits). */
export interface FeedSource {
  id: string;
  url: string;
  /** Items to take from the first poll; 0 posts nothing old. */
  backfill?: number;
  pollMinutes?: number;
}

/** A feed that keeps failing, for a log line, a metric and a one-line notice in its channels. */
export interface FeedProblem {
  sourceId: string;
  url: string;
  /** One line: what failed, how often, and when the next try is. */
  message: string;
  consecutiveFailures: number;
}

export interface PollOptions {
  client: HttpClient;
  store: FeedStateStore;
  now?: () => Date;
  /** Failures in a row after which the feed is reported (once per streak). Default 3. */
  reportAfter?: number;
  /** Longest wait between tries of a failing feed. Default 6 hours. */
  maxBackoffMs?: number;
  /** Poll even when the back-off says to wait (the CLI's one-off fetch); no claim is taken. */
  force?: boolean;
  /** Who claims the poll in the store (a replica), for the claim's record. Default: this process. */
  owner?: string;
  /**
   * How long a claim holds when its replica never saves the outcome (it died mid-poll); longer than
   * a fetch with its item pages takes. Default 5 minutes.
   */
  claimMs?: number;
}

interface PollBase {
  sourceId: string;
  url: string;
  /** ISO 8601: when this feed should be polled next. */
  nextPollAt: string;
}

export type PollResult =
  | (PollBase & { status: 'waiting' })
  | (PollBase & { status: 'not-modified' })
  | (PollBase & {
      status: 'ok';
      /** Items not seen before, in feed order (the backfill on a first poll). */
      items: FeedItem[];
      firstPoll: boolean;
      /** Items the feed carried that could not be used, one sentence each. */
      skipped: string[];
      /** The feed had been reported as failing and works again. */
      recovered: boolean;
    })
  | (PollBase & { status: 'failed'; error: string; consecutiveFailures: number; problem?: FeedProblem });

const MINUTE = 60_000;

/** This process, as a poll claim names it unless told otherwise. */
const THIS_PROCESS = `${hostname()}:${process.pid}`;

/** Seen-key recorded after the first successful poll (a first poll that failed is still a first poll). */
const POLLED_KEY = 'newsdigest:polled';

/**
 * Polls one feed politely: waits out its back-off, sends a conditional GET, and returns only the
 * items not seen before (by guid/link and by a hash of their content). The first successful poll
 * of a feed returns its newest `backfill` items and remembers the rest as seen. Failures never
 * throw: they are counted, back the feed off exponentially, and after `reportAfter` in a row the
 * result carries a FeedProblem.
 */
export async function pollFeed(source: FeedSource, options: PollOptions): Promise<PollResult> {
  const now = (options.now ?? (() => new Date()))();
  const pollMs = (source.pollMinutes ?? 15) * MINUTE;
  const base = { sourceId: source.id, url: source.url };
  // Claimed in the store first, so that of several replicas ticking together only one fetches.
  const claimed =
    options.force ||
    (await options.store.claimPoll(source.url, options.owner ?? THIS_PROCESS, now, new Date(now.getTime() + (options.claimMs ?? 5 * MINUTE))));
  const state: FeedState = (await options.store.getFeedState(source.url)) ?? { url: source.url, consecutiveFailures: 0 };
  if (!claimed) return { ...base, status: 'waiting', nextPollAt: state.nextPollAt ?? now.toISOString() };

  let fetched: Awaited<ReturnType<typeof fetchFeed>>;
  try {
    fetched = await fetchFeed(source.url, options.client, { etag: state.etag, lastModified: state.lastModified });
  } catch (error) {
    return recordFailure(source, state, error, now, pollMs, options);
  }

  const wasReported = state.consecutiveFailures >= (options.reportAfter ?? 3);
  const nextPollAt = new Date(now.getTime() + pollMs).toISOString();
  const saved: FeedState = {
    url: source.url,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    lastPolledAt: now.toISOString(),
    nextPollAt,
    consecutiveFailures: 0,
  };
  if (fetched.notModified) {
    await options.store.saveFeedState(saved);
    return { ...base, status: 'not-modified', nextPollAt };
  }

  const firstPoll = (await options.store.markSeen(source.url, [POLLED_KEY])).length === 1;
  const fresh = await newItems(source.url, fetched.feed.items, options.store);
  const items = firstPoll ? newest(fresh, source.backfill ?? 0) : fresh;
  await options.store.saveFeedState(saved);
  return { ...base, status: 'ok', nextPollAt, items, firstPoll, skipped: fetched.feed.skipped, recovered: wasReported };
}

async function recordFailure(
  source: FeedSource,
  state: FeedState,
  error: unknown,
  now: Date,
  pollMs: number,
  options: PollOptions,
): Promise<PollResult> {
  const message =
    error instanceof UserError
      ? error.message
      : `${displayUrl(source.url)} could not be polled: ${error instanceof Error ? error.message : String(error)}`;
  const failures = state.consecutiveFailures + 1;
  const retryAfterMs = error instanceof FetchError ? error.details.retryAfterMs : undefined;
  // The first failure already waits twice the usual interval, then four times, and so on.
  const delay = backoffDelay(failures + 1, { baseMs: pollMs, maxMs: Math.max(options.maxBackoffMs ?? 6 * 60 * MINUTE, pollMs), retryAfterMs });
  const nextPollAt = new Date(now.getTime() + delay).toISOString();
  await options.store.saveFeedState({
    ...state,
    url: source.url,
    lastPolledAt: now.toISOString(),
    nextPollAt,
    consecutiveFailures: failures,
    lastError: message,
  });
  const reportAfter = options.reportAfter ?? 3;
  const problem: FeedProblem | undefined =
    failures === reportAfter
      ? {
          sourceId: source.id,
          url: source.url,
          consecutiveFailures: failures,
          message: `Feed "${source.id}" failed ${failures} polls in a row (${message}); next try in ${formatWait(delay)}.`,
        }
      : undefined;
  return { sourceId: source.id, url: source.url, status: 'failed', error: message, consecutiveFailures: failures, nextPollAt, problem };
}

function formatWait(ms: number): string {
  if (ms >= 60 * MINUTE) return `${Math.round((ms / (60 * MINUTE)) * 10) / 10} h`;
  if (ms >= MINUTE) return `${Math.round(ms / MINUTE)} min`;
  return formatDuration(ms);
}

/** The keys an item is known by: its guid or link, and a hash of its content. */
export function itemKeys(item: FeedItem): string[] {
  const keys: string[] = [];
  const id = item.guid ?? item.link;
  if (id) keys.push(`id:${id}`);
  const content = collapse([item.title, ...item.paragraphs].join('\n').toLowerCase());
  if (content) keys.push(`hash:${createHash('sha256').update(content).digest('hex')}`);
  return keys;
}

/** Items none of whose keys were seen before; marks all of them seen. */
async function newItems(url: string, items: FeedItem[], store: FeedStateStore): Promise<FeedItem[]> {
  const keysPerItem = items.map(itemKeys);
  const fresh = new Set(await store.markSeen(url, keysPerItem.flat()));
  const result: FeedItem[] = [];
  keysPerItem.forEach((keys, i) => {
    // A key repeated within this poll is fresh only for its first item.
    if (keys.length > 0 && keys.every((key) => fresh.has(key))) {
      result.push(items[i]!);
      for (const key of keys) fresh.delete(key);
    }
  });
  return result;
}

/** The `count` newest items, in feed order. Without a date on every item, the feed's own order (newest first) decides. */
function newest(items: FeedItem[], count: number): FeedItem[] {
  if (count <= 0) return [];
  const dated = items.every((item) => item.publishedAt);
  const ranked = items
    .map((item, index) => ({ index, time: dated ? Date.parse(item.publishedAt!) : -index }))
    .sort((a, b) => b.time - a.time || a.index - b.index);
  const chosen = new Set(ranked.slice(0, count).map((entry) => entry.index));
  return items.filter((_, index) => chosen.has(index));
}

/**
 * Reads new feed items into Articles (fetching the linked page for items without text). An item
 * that cannot be read is reported in `errors` and does not stop the others.
 */
export async function readFeedItems(items: FeedItem[], feedUrl: string, client: HttpClient): Promise<{ articles: Article[]; errors: string[] }> {
  const settled = await Promise.allSettled(items.map((item) => feedItemArticle(item, feedUrl, client)));
  const articles: Article[] = [];
  const errors: string[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') articles.push(result.value);
    else errors.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
  }
  return { articles, errors };
}
