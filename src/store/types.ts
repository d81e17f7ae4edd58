import type { StoryRecord } from '../digest/follow.js';
import type { Digest, DigestItem } from '../digest/types.js';
import type { Summary } from '../summarize/types.js';
import type { FeedStateStore } from '../sources/state.js';
import type { ChatChannelStore } from './chat-channels.js';
import type { SlackWorkspaceStore } from './installations.js';

/** An article as kept by the store: its normalised text and its summary (offsets into `text`). */
export interface StoredArticle {
  id: string;
  /** Source id from the config ("seeds", "bbc-world"). */
  sourceId: string;
  /** File path, feed URL or page URL it came from. */
  origin: string;
  url?: string;
  title: string;
  text: string;
  /** sha256 of the normalised body, for de-duplication across URLs. */
  contentHash: string;
  publication?: string;
  agency?: string;
  author?: string;
  publishedAt?: string;
  ingestedAt: string;
  /** Articles about the same story share a storyId (the id of the story's first article). */
  storyId: string;
  summary: Summary;
}

/** A digest for one channel and local date; the unique key of the delivery ledger. */
export interface DeliveryKey {
  channelId: string;
  /** Local date in the channel's time zone, YYYY-MM-DD. */
  date: string;
}

export type DeliveryStatus = 'claimed' | 'posted' | 'failed';

export interface Delivery extends DeliveryKey {
  status: DeliveryStatus;
  /** Process/replica that holds the claim. */
  owner: string;
  claimedAt: string;
  postedAt?: string;
  /** Platform message ids, first one first: every part once posted, the parts posted so far before. */
  messageIds: string[];
  attempts: number;
  lastError?: string;
  /** Whether the last failure is worth retrying soon (an outage) rather than after a person fixes something. */
  retryable: boolean;
}

/** An article as handed to the store: its story is found by the store when not given. */
export type ArticleInput = Omit<StoredArticle, 'storyId'> & { storyId?: string };

/** Which articles a listing keeps, by their source; the database does the filtering, not the caller. */
export interface ArticleFilter {
  /** Only these sources (none: nothing). */
  sourceIds?: readonly string[];
  /**
   * Leaves out the sources whose id starts with this, ignoring case ("chat-": the feeds tenants
   * subscribed from chat, which no config file id may start with in any case).
   */
  excludeSourcePrefix?: string;
}

/** The articles read so far, with their summaries; the digest builder's and `/article`'s input. */
export interface ArticleStore {
  /** Saves an article unless one with the same URL or content hash exists. */
  saveArticle(article: ArticleInput): Promise<{ stored: boolean; id: string }>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Articles ingested at or after `since`, oldest first; only those the filter lets through when given. */
  articlesSince(since: Date, filter?: ArticleFilter): Promise<StoredArticle[]>;
  /** Full-text-ish search over headline and text, best first; only articles of these sources when given. */
  searchArticles(query: string, limit: number, sourceIds?: readonly string[]): Promise<StoredArticle[]>;
  /** Every article of a story (same storyId), the story's lead article first, then oldest first. */
  storyArticles(storyId: string): Promise<StoredArticle[]>;
}

/** The digests as they were built for each channel and date. */
export interface DigestStore {
  saveDigest(channelId: string, digest: Digest): Promise<void>;
  /** The digest for a channel and date, or the latest one (any channel when channelId is omitted). */
  getDigest(options: { channelId?: string; date?: string }): Promise<Digest | null>;
  /** A story as it appeared in the most recent stored digest that carries it (optionally one channel's). */
  findDigestItem(itemId: string, channelId?: string): Promise<DigestItem | null>;
}

/** The delivery ledger: one row per channel and date, so every digest goes out once. */
export interface DeliveryLedger {
  /**
   * Claims the delivery (unique key). Returns the new claim, or null when another process holds
   * it or it was posted. A `failed` delivery may be claimed again.
   */
  claimDelivery(key: DeliveryKey, owner: string, now: Date): Promise<Delivery | null>;
  completeDelivery(key: DeliveryKey, messageIds: string[], now: Date): Promise<void>;
  /**
   * Releases a claim after a failed post so a later attempt can claim it again; true when this call
   * released it. With `expected` (a Delivery read earlier, e.g. from staleClaims) it releases only
   * that very claim — same owner and attempt — so two processes resolving one stale claim at once
   * cannot release the fresh claim one of them has just made. `retryable` (default true) is kept
   * so the schedule retries an outage soon and a wrong channel or token only after a long wait.
   */
  failDelivery(key: DeliveryKey, error: string, now: Date, expected?: Pick<Delivery, 'owner' | 'attempts'>, retryable?: boolean): Promise<boolean>;
  /**
   * Records the message ids of the parts posted so far while the claim is live (a long digest
   * goes out as several messages), so that a retry posts only the rest. Only the very claim
   * given (owner and attempt) is updated; true when it was.
   */
  recordDeliveryParts(key: DeliveryKey, messageIds: string[], claim: Pick<Delivery, 'owner' | 'attempts'>): Promise<boolean>;
  getDelivery(key: DeliveryKey): Promise<Delivery | null>;
  /** Claims left `claimed` (a crash between claim and post), for resolution at start. */
  staleClaims(olderThan: Date): Promise<Delivery[]>;
  listDeliveries(channelId?: string): Promise<Delivery[]>;
}

/** Named leases for coordinating replicas. */
/** What each channel's digests showed of each story, to follow stories across days. */
export interface StoryDayStore {
  /**
   * Records what a channel's digest for `date` showed of each story, replacing what an earlier
   * build of that date recorded.
   */
  saveStoryDays(channelId: string, date: string, records: StoryRecord[]): Promise<void>;
  /**
   * What the channel's posted digests (delivery `posted`) showed of their stories on dates from
   * `since` up to, not including, `before` (YYYY-MM-DD), oldest first.
   */
  storyDays(channelId: string, range: { since: string; before: string }): Promise<StoryRecord[]>;
}

export interface LeaseStore {
  /** True when `owner` holds the lease until now + ttl (taken free, taken over expired, or renewed). */
  tryLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives a lease back early (clean shutdown); does nothing unless `owner` holds it. */
  releaseLease(name: string, owner: string): Promise<void>;
}

export type { FeedStateStore };

/** The small stores over one database, each handed only to the code that needs it. */
export interface Stores {
  articles: ArticleStore;
  digests: DigestStore;
  ledger: DeliveryLedger;
  leases: LeaseStore;
  feedState: FeedStateStore;
  storyDays: StoryDayStore;
  chatChannels: ChatChannelStore;
  /** Slack workspaces installed with "Add to Slack", and which workspace each channel is in. */
  slackWorkspaces: SlackWorkspaceStore;
}

/** One database (SQLite default, PostgreSQL for several replicas): its schema, health and the stores over it. */
export interface StoreDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies versioned migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly stores: Stores;
}

/**
 * Every small store at once, for callers that need them all (tests, one-off tools). The two
 * implementations pass the same contract tests, one per small store.
 */
export interface Store extends StoreDatabase, ArticleStore, DigestStore, DeliveryLedger, LeaseStore, FeedStateStore, StoryDayStore {}
