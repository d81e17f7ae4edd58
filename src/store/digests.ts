import type { Digest, DigestItem } from '../digest/types.js';
import { isoInstant, json, type SqlConnection } from './rows.js';
import type { DigestStore } from './types.js';

/** The digests table: one digest per channel and date, rebuilt in place. */
export class SqlDigestStore implements DigestStore {
  constructor(private readonly db: SqlConnection) {}

  async saveDigest(channelId: string, digest: Digest): Promise<void> {
    await this.db.run(
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
    const row = await this.db.one(
      `SELECT digest FROM digests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY date DESC, generated_at DESC LIMIT 1`,
      params,
    );
    return row ? json<Digest>(row.digest) : null;
  }

  async findDigestItem(itemId: string, channelId?: string): Promise<DigestItem | null> {
    const row = await this.db.one(
      `${this.db.dialect.digestItemsWithId}${channelId === undefined ? '' : ' AND channel_id = ?'}
       ORDER BY date DESC, generated_at DESC LIMIT 1`,
      channelId === undefined ? [itemId] : [itemId, channelId],
    );
    return row ? json<DigestItem>(row.item) : null;
  }
}
