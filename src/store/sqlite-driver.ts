import { createRequire } from 'node:module';
import type { Row } from './rows.js';

/**
 * The few SQLite calls the store makes, over whichever driver this Node has:
 * - Node 24 and later: `node:sqlite`, built into Node (nothing to compile, nothing to install).
 * - Node 20 (and 22): `better-sqlite3`, an optional dependency. Its 12.x line is the last that
 *   installs on Node 20, and on Node 24 its objects can abort the process at exit (a statement
 *   collected after Node has torn down its environment), so it is used only where Node lacks
 *   a stable `node:sqlite`.
 */
export interface SqliteDatabase {
  readonly driver: SqliteDriverName;
  /** A prepared statement; `all` runs any statement and returns its rows (none for a write). */
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT (rolled back if it throws). */
  immediate<T>(work: () => T): T;
  close(): void;
}

export interface SqliteStatement {
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): { changes: number };
}

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export interface OpenSqliteOptions {
  /** How long a statement waits for another connection's write lock before failing. */
  busyTimeoutMs: number;
}

/** The driver this Node uses (see SqliteDatabase). */
export function sqliteDriverName(): SqliteDriverName {
  return Number(process.versions.node.split('.')[0]) >= 24 && nodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Opens a database file (or `:memory:`) with the busy timeout set. */
export function openSqlite(path: string, options: OpenSqliteOptions): SqliteDatabase {
  const db = sqliteDriverName() === 'node:sqlite' ? openWithNodeSqlite(path) : openWithBetterSqlite(path);
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  return db;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs a statement that SQLite may refuse as busy without waiting for the busy timeout (switching
 * a fresh file to WAL while other processes open it), trying again until `busyTimeoutMs` is spent.
 */
export function execWhenFree(db: SqliteDatabase, sql: string, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.exec(sql);
      return;
    } catch (error) {
      const busy = /database is locked|SQLITE_BUSY/.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

// ---- node:sqlite (declared here: the project's @types/node is Node 20's, which has no node:sqlite) ----

interface NodeSqliteStatement {
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): { changes: number | bigint };
}
interface NodeSqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeSqliteStatement;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeSqliteDatabase;
}

function nodeSqlite(): NodeSqliteModule | undefined {
  return process.getBuiltinModule?.('node:sqlite') as NodeSqliteModule | undefined;
}

function openWithNodeSqlite(path: string): SqliteDatabase {
  const { DatabaseSync } = nodeSqlite()!;
  const db = new DatabaseSync(path);
  let open = true;
  return {
    driver: 'node:sqlite',
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        all: (...params) => statement.all(...params),
        run: (...params) => ({ changes: Number(statement.run(...params).changes) }),
      };
    },
    exec: (sql) => db.exec(sql),
    immediate(work) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    close() {
      if (open) db.close();
      open = false;
    },
  };
}

// ---- better-sqlite3 ----

interface BetterSqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
interface BetterSqliteDatabase {
  readonly open: boolean;
  exec(sql: string): void;
  prepare(sql: string): BetterSqliteStatement;
  transaction<T>(work: () => T): { immediate(): T };
  close(): void;
}

function openWithBetterSqlite(path: string): SqliteDatabase {
  let Database: new (path: string) => BetterSqliteDatabase;
  try {
    // Loaded on demand: on Node 24 it is never needed, and may not even be installed.
    Database = createRequire(import.meta.url)('better-sqlite3');
  } catch (err) {
    throw new Error(
      `SQLite needs the better-sqlite3 package on Node ${process.versions.node} (Node 24 has SQLite built in); reinstall with \`npm install\` where a C++ compiler is available: ${(err as Error).message}`,
    );
  }
  const db = new Database(path);
  return {
    driver: 'better-sqlite3',
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        // better-sqlite3 refuses `all` on a statement that returns no rows: run it instead.
        all: (...params) => {
          if (statement.reader) return statement.all(...params) as Row[];
          statement.run(...params);
          return [];
        },
        run: (...params) => ({ changes: statement.run(...params).changes }),
      };
    },
    exec: (sql) => db.exec(sql),
    immediate: (work) => db.transaction(work).immediate(),
    close() {
      if (db.open) db.close();
    },
  };
}
