import type { StoryRecord } from '../digest/follow.js';
import type { Digest, DigestItem } from '../digest/types.js';
import type { FeedState } from '../sources/state.js';
import { SqlArticleStore } from './articles.js';
import { SqlChatChannelStore } from './chat-channels.js';
import { SqlDigestStore } from './digests.js';
import { SqlFeedStateStore } from './feed-state.js';
import { SqlSlackWorkspaceStore } from './installations.js';
import { SqlDeliveryLedger } from './ledger.js';
import { SqlLeaseStore } from './leases.js';
import { SqlStoryDayStore } from './story-days.js';
import type { Dialect, Row, SqlConnection } from './rows.js';
import type { ArticleFilter, ArticleInput, Delivery, DeliveryKey, Store, StoredArticle, Stores } from './types.js';

/**
 * One database and the small stores over it. Each subclass supplies the driver calls, the
 * migrations and the few statements that differ; the small stores share everything else.
 * The flat methods hand each call to its small store, for callers that need them all.
 */
export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  protected abstract readonly dialect: Dialect;
  private smallStores: Stores | undefined;

  /** Runs a statement and returns its rows (RETURNING included). */
  protected abstract all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  protected abstract run(sql: string, params?: unknown[]): Promise<number>;
  protected abstract insertSeenKeys(url: string, keys: string[]): Promise<string[]>;

  abstract migrate(): Promise<void>;
  abstract close(): Promise<void>;

  protected async one(sql: string, params?: unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.one('SELECT 1 AS ok'))?.ok !== undefined;
    } catch {
      return false;
    }
  }

  /** Built on first use: the subclass's kind and dialect are set only after this constructor. */
  get stores(): Stores {
    if (!this.smallStores) {
      const connection: SqlConnection = {
        kind: this.kind,
        dialect: this.dialect,
        all: (sql, params) => this.all(sql, params),
        one: (sql, params) => this.one(sql, params),
        run: (sql, params) => this.run(sql, params),
        insertSeenKeys: (url, keys) => this.insertSeenKeys(url, keys),
      };
      this.smallStores = {
        articles: new SqlArticleStore(connection),
        digests: new SqlDigestStore(connection),
        ledger: new SqlDeliveryLedger(connection),
        leases: new SqlLeaseStore(connection),
        feedState: new SqlFeedStateStore(connection),
        storyDays: new SqlStoryDayStore(connection),
        chatChannels: new SqlChatChannelStore(connection),
        slackWorkspaces: new SqlSlackWorkspaceStore(connection),
      };
    }
    return this.smallStores;
  }

  // ---- articles ----
  saveArticle(article: ArticleInput): Promise<{ stored: boolean; id: string }> {
    return this.stores.articles.saveArticle(article);
  }
  getArticle(id: string): Promise<StoredArticle | null> {
    return this.stores.articles.getArticle(id);
  }
  articlesSince(since: Date, filter?: ArticleFilter): Promise<StoredArticle[]> {
    return this.stores.articles.articlesSince(since, filter);
  }
  searchArticles(query: string, limit: number, sourceIds?: readonly string[]): Promise<StoredArticle[]> {
    return this.stores.articles.searchArticles(query, limit, sourceIds);
  }
  storyArticles(storyId: string): Promise<StoredArticle[]> {
    return this.stores.articles.storyArticles(storyId);
  }

  // ---- digests ----
  saveDigest(channelId: string, digest: Digest): Promise<void> {
    return this.stores.digests.saveDigest(channelId, digest);
  }
  getDigest(options: { channelId?: string; date?: string }): Promise<Digest | null> {
    return this.stores.digests.getDigest(options);
  }
  findDigestItem(itemId: string, channelId?: string): Promise<DigestItem | null> {
    return this.stores.digests.findDigestItem(itemId, channelId);
  }

  // ---- stories followed across days ----
  saveStoryDays(channelId: string, date: string, records: StoryRecord[]): Promise<void> {
    return this.stores.storyDays.saveStoryDays(channelId, date, records);
  }
  storyDays(channelId: string, range: { since: string; before: string }): Promise<StoryRecord[]> {
    return this.stores.storyDays.storyDays(channelId, range);
  }

  // ---- delivery ledger ----
  claimDelivery(key: DeliveryKey, owner: string, now: Date): Promise<Delivery | null> {
    return this.stores.ledger.claimDelivery(key, owner, now);
  }
  completeDelivery(key: DeliveryKey, messageIds: string[], now: Date): Promise<void> {
    return this.stores.ledger.completeDelivery(key, messageIds, now);
  }
  failDelivery(key: DeliveryKey, error: string, now: Date, expected?: Pick<Delivery, 'owner' | 'attempts'>, retryable?: boolean): Promise<boolean> {
    return this.stores.ledger.failDelivery(key, error, now, expected, retryable);
  }
  recordDeliveryParts(key: DeliveryKey, messageIds: string[], claim: Pick<Delivery, 'owner' | 'attempts'>): Promise<boolean> {
    return this.stores.ledger.recordDeliveryParts(key, messageIds, claim);
  }
  getDelivery(key: DeliveryKey): Promise<Delivery | null> {
    return this.stores.ledger.getDelivery(key);
  }
  staleClaims(olderThan: Date): Promise<Delivery[]> {
    return this.stores.ledger.staleClaims(olderThan);
  }
  listDeliveries(channelId?: string): Promise<Delivery[]> {
    return this.stores.ledger.listDeliveries(channelId);
  }

  // ---- leases ----
  tryLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    return this.stores.leases.tryLease(name, owner, ttlMs, now);
  }
  releaseLease(name: string, owner: string): Promise<void> {
    return this.stores.leases.releaseLease(name, owner);
  }

  // ---- feed state ----
  getFeedState(url: string): Promise<FeedState | null> {
    return this.stores.feedState.getFeedState(url);
  }
  saveFeedState(state: FeedState): Promise<void> {
    return this.stores.feedState.saveFeedState(state);
  }
  markSeen(url: string, keys: string[]): Promise<string[]> {
    return this.stores.feedState.markSeen(url, keys);
  }
  claimPoll(url: string, owner: string, now: Date, until: Date): Promise<boolean> {
    return this.stores.feedState.claimPoll(url, owner, now, until);
  }
  notDue(urls: readonly string[], now: Date): Promise<Set<string>> {
    return this.stores.feedState.notDue(urls, now);
  }
}
