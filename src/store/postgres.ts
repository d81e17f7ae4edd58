import pg from 'pg';
import type { Logger } from '../log.js';
import { numberPlaceholders, type Dialect, type Row } from './rows.js';
import { SqlStore } from './sql.js';
import { assertKnownVersions, migrations } from './migrations/index.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /**
   * Keep every table in this schema (created by migrate()) instead of the connection's default;
   * each connection's search_path is set to it. Tests use a fresh one per run.
   */
  schema?: string;
  /** Connections in the pool (default 5). */
  poolSize?: number;
  /** Give up connecting after this long (default 5 s). */
  connectTimeoutMs?: number;
  /**
   * Give up on a query that gets no answer after this long (default 30 s). Without it a server
   * or network that falls silent (no reset, no error) would hold the query, and the channel's
   * scheduled run waiting on it, forever; a timed-out connection is dropped from the pool.
   */
  queryTimeoutMs?: number;
  /** Where errors of idle connections go (a restarted server, say); without it they are ignored. */
  logger?: Logger;
}

const dialect: Dialect = {
  like: 'ILIKE',
  digestItemsWithId: `SELECT item FROM digests, jsonb_array_elements(digest->'items') AS item WHERE item->>'id' = ?`,
};

/** Lower-case letters, digits and underscores: safe in search_path without quoting. */
const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The store for several replicas: every claim, lease and seen-mark is one statement guarded by a
 * unique key, so replicas on one database never both win.
 */
export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;
  protected readonly dialect = dialect;
  readonly schema: string | undefined;
  private readonly pool: pg.Pool;
  private closed = false;

  constructor(options: PostgresStoreOptions) {
    super();
    if (options.schema !== undefined && !schemaName.test(options.schema)) {
      throw new Error(`PostgreSQL schema name ${JSON.stringify(options.schema)} is not allowed: use lower-case letters, digits and _`);
    }
    this.schema = options.schema;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 5,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      // Lets the operating system notice a peer that vanished while a connection sits idle.
      keepAlive: true,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => options.logger?.warn({ err: error.message }, 'PostgreSQL connection lost'));
  }

  protected async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(numberPlaceholders(sql), params)).rows as Row[];
  }

  protected async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.pool.query(numberPlaceholders(sql), params)).rowCount ?? 0;
  }

  /**
   * Applies pending migrations in one transaction under an advisory lock, so replicas starting
   * together apply them once: the others wait, then find nothing left to do.
   */
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`newsdigest:migrate:${this.schema ?? ''}`]);
      if (this.schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await client.query(`SET LOCAL search_path TO ${this.schema}`);
      }
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      assertKnownVersions(applied);
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * One INSERT … ON CONFLICT DO NOTHING: of two racing callers, only the inserter gets a key back.
   * The keys go in sorted, so racing callers lock them in one order: in any other order, two
   * inserts waiting on each other's keys deadlock and PostgreSQL aborts one of them.
   */
  protected async insertSeenKeys(url: string, keys: string[]): Promise<string[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const rows = await this.all('INSERT INTO feed_seen (url, key) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING key', [
      url,
      [...unique].sort(),
    ]);
    const fresh = new Set(rows.map((row) => String(row.key)));
    return unique.filter((key) => fresh.has(key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
