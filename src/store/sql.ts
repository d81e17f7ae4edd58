import type { Digest, DigestItem } from '../digest/types.js';
import type { FeedState } from '../sources/state.js';
import type { Summary } from '../summarize/types.js';
import type { Delivery, DeliveryKey, DeliveryStatus, Store, StoredArticle } from './types.js';

/** A row as both drivers return it: SQLite gives text, PostgreSQL gives Date and parsed JSON. */
export type Row = Record<string, unknown>;

/** Statements run on a store's own connection; `?` placeholders in both dialects. */
export interface SqlStatements {
  kind: 'sqlite' | 'postgres';
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

/** What differs between the two dialects in statements that are otherwise shared. */
export interface Dialect {
  /** Case-insensitive LIKE. */
  like: 'LIKE' | 'ILIKE';
  /** Selects `item` (JSON) from the digests' items whose id is the first parameter. */
  digestItemsWithId: string;
}

/**
 * The statements both stores share, written once with `?` placeholders (PostgreSQL's store
 * numbers them). Each subclass supplies the driver calls, migrations and the few statements
 * that differ.
 */
export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  protected abstract readonly dialect: Dialect;

  /** Runs a statement and returns its rows (RETURNING included). */
  protected abstract all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  protected abstract run(sql: string, params?: unknown[]): Promise<number>;

  abstract migrate(): Promise<void>;
  abstract close(): Promise<void>;
  abstract markSeen(url: string, keys: string[]): Promise<string[]>;

  /** Plain statements (`?` placeholders) for the small stores kept in their own modules. */
  sqlStatements(): SqlStatements {
    return { kind: this.kind, all: (sql, params) => this.all(sql, params), run: (sql, params) => this.run(sql, params) };
  }

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

  // ---- articles ----

  async saveArticle(
    article: Omit<StoredArticle, 'storyId'> & { storyId?: string },
  ): Promise<{ stored: boolean; id: string }> {
    const storyId = article.storyId ? await this.storyRoot(article.storyId) : article.id;
    // DO NOTHING without a target skips a clash on any unique key: id, URL or content hash.
    const inserted = await this.all(
      `INSERT INTO articles (id, source_id, origin, url, url_key, title, text, content_hash, publication,
         agency, author, published_at, ingested_at, story_id, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        article.id,
        article.sourceId,
        article.origin,
        article.url ?? null,
        article.url ? urlKey(article.url) : null,
        article.title,
        article.text,
        article.contentHash,
        article.publication ?? null,
        article.agency ?? null,
        article.author ?? null,
        article.publishedAt ?? null,
        isoInstant(article.ingestedAt, 'ingestedAt'),
        storyId,
        JSON.stringify(article.summary),
      ],
    );
    if (inserted.length > 0) return { stored: true, id: article.id };
    const existing = await this.one(
      `SELECT id FROM articles WHERE id = ? OR content_hash = ? OR url_key = ? LIMIT 1`,
      [article.id, article.contentHash, article.url ? urlKey(article.url) : null],
    );
    return { stored: false, id: String(existing?.id ?? article.id) };
  }

  /** A story is named by its first article: joining a story means joining that article's story. */
  private async storyRoot(storyId: string): Promise<string> {
    const row = await this.one('SELECT story_id FROM articles WHERE id = ?', [storyId]);
    return row ? String(row.story_id) : storyId;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = await this.one('SELECT * FROM articles WHERE id = ?', [id]);
    return row ? toArticle(row) : null;
  }

  async articlesSince(since: Date, sourceIds?: string[]): Promise<StoredArticle[]> {
    if (sourceIds && sourceIds.length === 0) return [];
    const sourceFilter = sourceIds ? ` AND source_id IN (${sourceIds.map(() => '?').join(', ')})` : '';
    const rows = await this.all(
      `SELECT * FROM articles WHERE ingested_at >= ?${sourceFilter} ORDER BY ingested_at, id`,
      [since.toISOString(), ...(sourceIds ?? [])],
    );
    return rows.map(toArticle);
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = await this.all(
      `SELECT * FROM articles WHERE story_id = ?
       ORDER BY CASE WHEN id = story_id THEN 0 ELSE 1 END, ingested_at, id`,
      [storyId],
    );
    return rows.map(toArticle);
  }

  /**
   * Every word must appear in the headline or the text; articles with more words in the headline
   * come first, then the newest.
   */
  async searchArticles(query: string, limit: number): Promise<StoredArticle[]> {
    const words = searchWords(query);
    const take = Math.max(0, Math.min(Math.floor(limit), 100));
    if (words.length === 0 || take === 0) return [];
    const like = this.dialect.like;
    const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const matches = patterns.map(() => `(title ${like} ? ESCAPE '\\' OR text ${like} ? ESCAPE '\\')`);
    const headlineScore = patterns.map(() => `CASE WHEN title ${like} ? ESCAPE '\\' THEN 1 ELSE 0 END`);
    const rows = await this.all(
      `SELECT * FROM articles WHERE ${matches.join(' AND ')}
       ORDER BY (${headlineScore.join(' + ')}) DESC, ingested_at DESC, id LIMIT ?`,
      [...patterns.flatMap((p) => [p, p]), ...patterns, take],
    );
    return rows.map(toArticle);
  }

  // ---- digests ----

  async saveDigest(channelId: string, digest: Digest): Promise<void> {
    await this.run(
      `INSERT INTO digests (channel_id, date, generated_at, digest) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel_id, date) DO UPDATE SET generated_at = excluded.generated_at, digest = excluded.digest`,
      [channelId, digest.date, isoInstant(digest.generatedAt, 'generatedAt'), JSON.stringify(digest)],
    );
  }

  async getDigest(options: { channelId?: string; date?: string }): Promise<Digest | null> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.channelId !== undefined) {
      where.push('channel_id = ?');
      params.push(options.channelId);
    }
    if (options.date !== undefined) {
      where.push('date = ?');
      params.push(options.date);
    }
    const row = await this.one(
      `SELECT digest FROM digests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY date DESC, generated_at DESC LIMIT 1`,
      params,
    );
    return row ? json<Digest>(row.digest) : null;
  }

  async findDigestItem(itemId: string, channelId?: string): Promise<DigestItem | null> {
    const row = await this.one(
      `${this.dialect.digestItemsWithId}${channelId === undefined ? '' : ' AND channel_id = ?'}
       ORDER BY date DESC, generated_at DESC LIMIT 1`,
      channelId === undefined ? [itemId] : [itemId, channelId],
    );
    return row ? json<DigestItem>(row.item) : null;
  }

  // ---- delivery ledger ----

  /**
   * One statement, so the unique key decides between racing claimers: a new key is inserted;
   * an existing one is taken only when its last attempt failed; otherwise nothing is returned.
   */
  async claimDelivery(key: DeliveryKey, owner: string, now: Date): Promise<Delivery | null> {
    const row = await this.one(
      `INSERT INTO deliveries (channel_id, date, status, owner, claimed_at, message_ids, attempts)
       VALUES (?, ?, 'claimed', ?, ?, '[]', 1)
       ON CONFLICT (channel_id, date) DO UPDATE
         SET status = 'claimed', owner = excluded.owner, claimed_at = excluded.claimed_at,
             posted_at = NULL, attempts = deliveries.attempts + 1
         WHERE deliveries.status = 'failed'
       RETURNING *`,
      [key.channelId, key.date, owner, now.toISOString()],
    );
    return row ? toDelivery(row) : null;
  }

  /** Marks the delivery posted; a delivery that is already posted keeps its first message ids. */
  async completeDelivery(key: DeliveryKey, messageIds: string[], now: Date): Promise<void> {
    const changed = await this.run(
      `UPDATE deliveries SET status = 'posted', posted_at = ?, message_ids = ?
       WHERE channel_id = ? AND date = ? AND status <> 'posted'`,
      [now.toISOString(), JSON.stringify(messageIds), key.channelId, key.date],
    );
    if (changed === 0 && !(await this.getDelivery(key))) {
      throw new Error(`no delivery was claimed for channel ${key.channelId} on ${key.date}; claim it before completing`);
    }
  }

  /** Only a live claim can fail (a posted delivery stays posted); with `expected`, only that claim. */
  async failDelivery(
    key: DeliveryKey,
    error: string,
    _now: Date,
    expected?: Pick<Delivery, 'owner' | 'attempts'>,
    retryable = true,
  ): Promise<boolean> {
    const sameClaim = expected ? ' AND owner = ? AND attempts = ?' : '';
    const changed = await this.run(
      `UPDATE deliveries SET status = 'failed', last_error = ?, retryable = ?
       WHERE channel_id = ? AND date = ? AND status = 'claimed'${sameClaim}`,
      [error, this.kind === 'sqlite' ? Number(retryable) : retryable, key.channelId, key.date, ...(expected ? [expected.owner, expected.attempts] : [])],
    );
    return changed > 0;
  }

  async recordDeliveryParts(key: DeliveryKey, messageIds: string[], claim: Pick<Delivery, 'owner' | 'attempts'>): Promise<boolean> {
    const changed = await this.run(
      `UPDATE deliveries SET message_ids = ?
       WHERE channel_id = ? AND date = ? AND status = 'claimed' AND owner = ? AND attempts = ?`,
      [JSON.stringify(messageIds), key.channelId, key.date, claim.owner, claim.attempts],
    );
    return changed > 0;
  }

  async getDelivery(key: DeliveryKey): Promise<Delivery | null> {
    const row = await this.one('SELECT * FROM deliveries WHERE channel_id = ? AND date = ?', [
      key.channelId,
      key.date,
    ]);
    return row ? toDelivery(row) : null;
  }

  async staleClaims(olderThan: Date): Promise<Delivery[]> {
    const rows = await this.all(
      `SELECT * FROM deliveries WHERE status = 'claimed' AND claimed_at < ? ORDER BY claimed_at, channel_id`,
      [olderThan.toISOString()],
    );
    return rows.map(toDelivery);
  }

  async listDeliveries(channelId?: string): Promise<Delivery[]> {
    const rows =
      channelId === undefined
        ? await this.all('SELECT * FROM deliveries ORDER BY date DESC, channel_id')
        : await this.all('SELECT * FROM deliveries WHERE channel_id = ? ORDER BY date DESC', [channelId]);
    return rows.map(toDelivery);
  }

  // ---- leases ----

  /** One statement: take a free lease, take over an expired one, or renew one we hold. */
  async tryLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const row = await this.one(
      `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
       RETURNING owner`,
      [name, owner, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()],
    );
    return row !== undefined;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.run('DELETE FROM leases WHERE name = ? AND owner = ?', [name, owner]);
  }

  // ---- feed state ----

  async getFeedState(url: string): Promise<FeedState | null> {
    const row = await this.one('SELECT * FROM feed_state WHERE url = ?', [url]);
    if (!row) return null;
    return compact({
      url: String(row.url),
      etag: optionalText(row.etag),
      lastModified: optionalText(row.last_modified),
      lastPolledAt: optionalInstant(row.last_polled_at),
      nextPollAt: optionalInstant(row.next_poll_at),
      consecutiveFailures: Number(row.consecutive_failures),
      lastError: optionalText(row.last_error),
    });
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await this.run(
      `INSERT INTO feed_state (url, etag, last_modified, last_polled_at, next_poll_at, consecutive_failures, last_error)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         last_polled_at = excluded.last_polled_at, next_poll_at = excluded.next_poll_at,
         consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error`,
      [
        state.url,
        state.etag ?? null,
        state.lastModified ?? null,
        state.lastPolledAt ? isoInstant(state.lastPolledAt, 'lastPolledAt') : null,
        state.nextPollAt ? isoInstant(state.nextPollAt, 'nextPollAt') : null,
        state.consecutiveFailures,
        state.lastError ?? null,
      ],
    );
  }
}

// ---- helpers shared by both stores ----

/** Rewrites `?` placeholders as `$1, $2, …` for PostgreSQL (our statements hold no literal `?`). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Longer than any real word; SQLite refuses LIKE patterns over 50,000 bytes, so none get near. */
const MAX_SEARCH_WORD_CHARS = 100;

/** Search words: runs of letters and digits (cut at 100 characters), each once (ignoring case), at most eight. */
export function searchWords(query: string): string[] {
  const words = new Map<string, string>();
  for (const run of query.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const word = [...run].slice(0, MAX_SEARCH_WORD_CHARS).join('');
    if (!words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()].slice(0, 8);
}

/**
 * The URL as compared for de-duplication: no fragment, no tracking parameters, host in lower case,
 * no trailing slash. Feeds often add `?utm_source=rss` to links that other sources give bare.
 */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(name)) parsed.searchParams.delete(name);
    }
    parsed.searchParams.sort();
    const key = parsed.toString();
    return key.endsWith('/') && parsed.search === '' ? key.slice(0, -1) : key;
  } catch {
    return url.trim();
  }
}

function isoInstant(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not a valid date-time: ${JSON.stringify(value)}`);
  return date.toISOString();
}

function optionalText(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function optionalInstant(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

function instant(value: unknown): string {
  return optionalInstant(value) ?? '';
}

/** SQLite hands JSON back as text, PostgreSQL's jsonb already parsed. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Drops undefined fields so stored objects compare equal to what was saved. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toArticle(row: Row): StoredArticle {
  return compact({
    id: String(row.id),
    sourceId: String(row.source_id),
    origin: String(row.origin),
    url: optionalText(row.url),
    title: String(row.title),
    text: String(row.text),
    contentHash: String(row.content_hash),
    publication: optionalText(row.publication),
    agency: optionalText(row.agency),
    author: optionalText(row.author),
    publishedAt: optionalText(row.published_at),
    ingestedAt: instant(row.ingested_at),
    storyId: String(row.story_id),
    summary: json<Summary>(row.summary),
  });
}

function toDelivery(row: Row): Delivery {
  return compact({
    channelId: String(row.channel_id),
    date: String(row.date),
    status: String(row.status) as DeliveryStatus,
    owner: String(row.owner),
    claimedAt: instant(row.claimed_at),
    postedAt: optionalInstant(row.posted_at),
    messageIds: json<string[]>(row.message_ids),
    attempts: Number(row.attempts),
    lastError: optionalText(row.last_error),
    retryable: row.retryable === undefined || row.retryable === null ? true : Boolean(row.retryable),
  });
}
