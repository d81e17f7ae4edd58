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
         consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
         claimed_by = NULL, claimed_until = NULL`,
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

  async claimPoll(url: string, owner: string, now: Date, until: Date): Promise<boolean> {
    // A feed never polled gets its row first, so that the claim is one conditional UPDATE for every feed.
    await this.db.run('INSERT INTO feed_state (url, consecutive_failures) VALUES (?, 0) ON CONFLICT (url) DO NOTHING', [url]);
    const at = now.toISOString();
    const claimed = await this.db.all(
      `UPDATE feed_state SET claimed_by = ?, claimed_until = ?
       WHERE url = ? AND (next_poll_at IS NULL OR next_poll_at <= ?) AND (claimed_until IS NULL OR claimed_until <= ?)
       RETURNING url`,
      [owner, until.toISOString(), url, at, at],
    );
    return claimed.length === 1;
  }

  async notDue(urls: readonly string[], now: Date): Promise<Set<string>> {
    const waiting = new Set<string>();
    const at = now.toISOString();
    // In slices, well under both drivers' limits on parameters.
    for (let i = 0; i < urls.length; i += 500) {
      const slice = urls.slice(i, i + 500);
      const rows = await this.db.all(
        `SELECT url FROM feed_state WHERE url IN (${slice.map(() => '?').join(', ')}) AND (next_poll_at > ? OR claimed_until > ?)`,
        [...slice, at, at],
      );
      for (const row of rows) waiting.add(String(row.url));
    }
    return waiting;
  }

  /** Each dialect marks keys its own way (a transaction on SQLite, one statement on PostgreSQL). */
  async markSeen(url: string, keys: string[]): Promise<string[]> {
    return this.db.insertSeenKeys(url, keys);
  }
}
