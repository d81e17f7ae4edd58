import type { FeedState, FeedStateStore } from '../sources/state.js';
import { compact, isoInstant, optionalInstant, optionalText, type SqlConnection } from './rows.js';

/** The feed_state and feed_seen tables: what polling remembers about each feed. */
export class SqlFeedStateStore implements FeedStateStore {
  constructor(private readonly db: SqlConnection) {}

  async getFeedState(url: string): Promise<FeedState | null> {
    const row = await this.db.one('SELECT * FROM feed_state WHERE url = ?', [url]);
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
    await this.db.run(
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

  /** Each dialect marks keys its own way (a transaction on SQLite, one statement on PostgreSQL). */
  async markSeen(url: string, keys: string[]): Promise<string[]> {
    return this.db.insertSeenKeys(url, keys);
  }
}
