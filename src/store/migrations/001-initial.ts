import type { Migration } from './index.js';

/*
 * Instants are ISO 8601 UTC text on SQLite (they sort as text) and timestamptz on PostgreSQL;
 * JSON is TEXT on SQLite and jsonb on PostgreSQL.
 */
export const initial: Migration = {
  version: 1,
  name: 'articles, digests, delivery ledger, feed state, leases',
  sqlite: `
    CREATE TABLE articles (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL,
      origin TEXT NOT NULL,
      url TEXT,
      url_key TEXT,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      publication TEXT,
      agency TEXT,
      author TEXT,
      published_at TEXT,
      ingested_at TEXT NOT NULL,
      story_id TEXT NOT NULL,
      summary TEXT NOT NULL
    );
    CREATE UNIQUE INDEX articles_url_key ON articles (url_key);
    CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE INDEX articles_ingested ON articles (ingested_at);

    CREATE TABLE digests (
      channel_id TEXT NOT NULL,
      date TEXT NOT NULL,
      generated_at TEXT NOT NULL,
      digest TEXT NOT NULL,
      PRIMARY KEY (channel_id, date)
    );
    CREATE INDEX digests_latest ON digests (date, generated_at);

    CREATE TABLE deliveries (
      channel_id TEXT NOT NULL,
      date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
      owner TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      posted_at TEXT,
      message_ids TEXT NOT NULL DEFAULT '[]',
      attempts INTEGER NOT NULL DEFAULT 1,
      last_error TEXT,
      PRIMARY KEY (channel_id, date)
    );
    CREATE INDEX deliveries_status ON deliveries (status, claimed_at);

    CREATE TABLE feed_state (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      last_polled_at TEXT,
      next_poll_at TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    );

    CREATE TABLE feed_seen (
      url TEXT NOT NULL,
      key TEXT NOT NULL,
      seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (url, key)
    );

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
  `,
  postgres: `
    CREATE TABLE articles (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL,
      origin TEXT NOT NULL,
      url TEXT,
      url_key TEXT,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      publication TEXT,
      agency TEXT,
      author TEXT,
      published_at TEXT,
      ingested_at TIMESTAMPTZ NOT NULL,
      story_id TEXT NOT NULL,
      summary JSONB NOT NULL
    );
    CREATE UNIQUE INDEX articles_url_key ON articles (url_key);
    CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE INDEX articles_ingested ON articles (ingested_at);

    CREATE TABLE digests (
      channel_id TEXT NOT NULL,
      date TEXT NOT NULL,
      generated_at TIMESTAMPTZ NOT NULL,
      digest JSONB NOT NULL,
      PRIMARY KEY (channel_id, date)
    );
    CREATE INDEX digests_latest ON digests (date, generated_at);

    CREATE TABLE deliveries (
      channel_id TEXT NOT NULL,
      date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
      owner TEXT NOT NULL,
      claimed_at TIMESTAMPTZ NOT NULL,
      posted_at TIMESTAMPTZ,
      message_ids JSONB NOT NULL DEFAULT '[]',
      attempts INTEGER NOT NULL DEFAULT 1,
      last_error TEXT,
      PRIMARY KEY (channel_id, date)
    );
    CREATE INDEX deliveries_status ON deliveries (status, claimed_at);

    CREATE TABLE feed_state (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      last_polled_at TIMESTAMPTZ,
      next_poll_at TIMESTAMPTZ,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    );

    CREATE TABLE feed_seen (
      url TEXT NOT NULL,
      key TEXT NOT NULL,
      seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      PRIMARY KEY (url, key)
    );

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL
    );
  `,
};
