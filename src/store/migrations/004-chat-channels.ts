import type { Migration } from './index.js';

/**
 * Channels set up from chat (`/newsdigest`), one row per platform channel, and every change made
 * to them: who, when, what. Channels of the config file are not stored here; the file stays theirs.
 */
export const chatChannels: Migration = {
  version: 4,
  name: 'channels set up from chat, and their change log',
  sqlite: `
CREATE TABLE chat_channels (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  sources TEXT NOT NULL DEFAULT '[]',
  schedule TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]',
  max_items INTEGER NOT NULL DEFAULT 10,
  paused INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
CREATE TABLE chat_channel_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX chat_channel_changes_by_channel ON chat_channel_changes (platform, channel, id);`,
  postgres: `
CREATE TABLE chat_channels (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  sources JSONB NOT NULL DEFAULT '[]',
  schedule TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  keywords JSONB NOT NULL DEFAULT '[]',
  max_items INTEGER NOT NULL DEFAULT 10,
  paused BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
CREATE TABLE chat_channel_changes (
  id BIGSERIAL PRIMARY KEY,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX chat_channel_changes_by_channel ON chat_channel_changes (platform, channel, id);`,
};
