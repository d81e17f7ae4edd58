import type { Migration } from './index.js';

/**
 * What each digest of a channel showed of each story (its figures, quotes, outlets and articles),
 * so that the next digests follow the story: shown again only with something new, as developing.
 */
export const storyDays: Migration = {
  version: 3,
  name: 'stories followed across days',
  sqlite: `
    CREATE TABLE story_days (
      channel_id TEXT NOT NULL,
      story_id TEXT NOT NULL,
      date TEXT NOT NULL,
      record TEXT NOT NULL,
      PRIMARY KEY (channel_id, story_id, date)
    );
    CREATE INDEX story_days_channel_date ON story_days (channel_id, date);
  `,
  postgres: `
    CREATE TABLE story_days (
      channel_id TEXT NOT NULL,
      story_id TEXT NOT NULL,
      date TEXT NOT NULL,
      record JSONB NOT NULL,
      PRIMARY KEY (channel_id, story_id, date)
    );
    CREATE INDEX story_days_channel_date ON story_days (channel_id, date);
  `,
};
