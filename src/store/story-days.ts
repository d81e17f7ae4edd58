import type { StoryRecord } from '../digest/follow.js';
import { json, type SqlConnection } from './rows.js';
import type { StoryDayStore } from './types.js';

/** The story_days table: what each channel's digest showed of each story, day by day. */
export class SqlStoryDayStore implements StoryDayStore {
  constructor(private readonly db: SqlConnection) {}

  async saveStoryDays(channelId: string, date: string, records: StoryRecord[]): Promise<void> {
    const kept = records.map((record) => record.storyId);
    await this.db.run(
      `DELETE FROM story_days WHERE channel_id = ? AND date = ?${kept.length ? ` AND story_id NOT IN (${kept.map(() => '?').join(', ')})` : ''}`,
      [channelId, date, ...kept],
    );
    for (const record of records) {
      await this.db.run(
        `INSERT INTO story_days (channel_id, story_id, date, record) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel_id, story_id, date) DO UPDATE SET record = excluded.record`,
        [channelId, record.storyId, date, JSON.stringify({ ...record, date })],
      );
    }
  }

  async storyDays(channelId: string, range: { since: string; before: string }): Promise<StoryRecord[]> {
    // Only digests that reached the channel count: a story of a digest that failed was never seen.
    const rows = await this.db.all(
      `SELECT record FROM story_days s
       WHERE s.channel_id = ? AND s.date >= ? AND s.date < ?
         AND EXISTS (SELECT 1 FROM deliveries d WHERE d.channel_id = s.channel_id AND d.date = s.date AND d.status = 'posted')
       ORDER BY s.date, s.story_id`,
      [channelId, range.since, range.before],
    );
    return rows.map((row) => json<StoryRecord>(row.record));
  }
}
