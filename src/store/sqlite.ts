import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Dialect, Row } from './rows.js';
import { SqlStore } from './sql.js';
import { assertKnownVersions, migrations } from './migrations/index.js';
import { execWhenFree, openSqlite, type SqliteDatabase, type SqliteStatement } from './sqlite-driver.js';

export interface SqliteStoreOptions {
  /** A file path (its folder is created) or `:memory:`. */
  path: string;
  /** How long a statement waits for another process's write lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

const dialect: Dialect = {
  like: 'LIKE', // case-insensitive for ASCII in SQLite
  digestItemsWithId: `SELECT items.value AS item FROM digests, json_each(digests.digest, '$.items') AS items
    WHERE json_extract(items.value, '$.id') = ?`,
};

/**
 * The default store: one file, WAL mode so readers never block the writer, and a busy timeout so
 * two processes on the same file (a service and a `newsdigest post`) wait for each other.
 */
export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;
  protected readonly dialect = dialect;
  readonly path: string;
  private readonly db: SqliteDatabase;
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(options: SqliteStoreOptions) {
    super();
    this.path = options.path;
    if (options.path !== ':memory:' && !options.path.startsWith('file:')) {
      mkdirSync(dirname(options.path), { recursive: true });
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.db = openSqlite(options.path, { busyTimeoutMs });
    execWhenFree(this.db, 'PRAGMA journal_mode = WAL', busyTimeoutMs);
    this.db.exec('PRAGMA synchronous = NORMAL');
  }

  /** Which SQLite driver this Node uses (node:sqlite or better-sqlite3). */
  get driver(): SqliteDatabase['driver'] {
    return this.db.driver;
  }

  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  protected async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.statement(sql).all(...params);
  }

  protected async run(sql: string, params: unknown[] = []): Promise<number> {
    return this.statement(sql).run(...params).changes;
  }

  /**
   * Applies pending migrations in one IMMEDIATE transaction: it takes the write lock first, so a
   * second process migrating at the same time waits, then finds nothing left to do.
   */
  async migrate(): Promise<void> {
    this.db.immediate(() => {
      this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const applied = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
      assertKnownVersions(applied);
      const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        this.db.exec(migration.sqlite);
        record.run(migration.version, migration.name, new Date().toISOString());
      }
    });
  }

  /** All keys in one IMMEDIATE transaction; a key counts as new only if this call inserted it. */
  protected async insertSeenKeys(url: string, keys: string[]): Promise<string[]> {
    const insert = this.statement('INSERT INTO feed_seen (url, key) VALUES (?, ?) ON CONFLICT DO NOTHING');
    return this.db.immediate(() => keys.filter((key) => insert.run(url, key).changes === 1));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
