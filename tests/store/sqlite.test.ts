import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { openSqlite, sqliteDriverName } from '../../src/store/sqlite-driver.js';
import { latestVersion, migrations } from '../../src/store/migrations/index.js';
import type { Store } from '../../src/store/types.js';
import { storeContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'newsdigest-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

/** A fresh file in a folder that does not exist yet (the store creates it). */
function freshPath(): string {
  return join(root, `run-${++files}`, 'data', 'newsdigest.sqlite');
}

storeContract('SQLite file', async () => {
  const path = freshPath();
  const opened: Store[] = [new SqliteStore({ path })];
  return {
    store: opened[0]!,
    connect: async () => {
      const store = new SqliteStore({ path });
      opened.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
    },
  };
});

storeContract('SQLite :memory:', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  return { store, dispose: () => store.close() };
});

describe('SQLite specifics', () => {
  it('uses WAL mode and records each migration once in schema_migrations', async () => {
    const path = freshPath();
    const a = new SqliteStore({ path });
    const b = new SqliteStore({ path });
    await Promise.all([a.migrate(), b.migrate()]);
    await a.migrate();
    await Promise.all([a.close(), b.close()]);

    const db = openSqlite(path, { busyTimeoutMs: 1000 });
    try {
      expect(db.prepare('PRAGMA journal_mode').all()).toEqual([{ journal_mode: 'wal' }]);
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      db.close();
    }
  });

  it('refuses a database migrated by a newer build', async () => {
    const path = freshPath();
    const store = new SqliteStore({ path });
    await store.migrate();
    await store.close();
    const db = openSqlite(path, { busyTimeoutMs: 1000 });
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      latestVersion + 1,
      'future',
      '2030-01-01T00:00:00.000Z',
    );
    db.close();

    const again = new SqliteStore({ path });
    try {
      await expect(again.migrate()).rejects.toThrow(/newer than this build of newsdigest knows/);
    } finally {
      await again.close();
    }
  });
});

describe('the SQLite driver', () => {
  it("is Node's own node:sqlite on Node 24 and later, better-sqlite3 before", () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(sqliteDriverName()).toBe(major >= 24 ? 'node:sqlite' : 'better-sqlite3');
    expect(new SqliteStore({ path: ':memory:' }).driver).toBe(sqliteDriverName());
  });

  it('rolls back an immediate transaction that throws, and reports changes of a write', () => {
    const db = openSqlite(':memory:', { busyTimeoutMs: 0 });
    try {
      db.exec('CREATE TABLE t (a INTEGER)');
      expect(db.prepare('INSERT INTO t VALUES (?), (?)').run(1, 2)).toEqual({ changes: 2 });
      expect(() =>
        db.immediate(() => {
          db.prepare('INSERT INTO t VALUES (?)').run(3);
          throw new Error('half-way');
        }),
      ).toThrow('half-way');
      expect(db.immediate(() => db.prepare('SELECT count(*) AS n FROM t').all())).toEqual([{ n: 2 }]);
      // A write through `all` runs and returns no rows.
      expect(db.prepare('DELETE FROM t WHERE a = ?').all(1)).toEqual([]);
      expect(db.prepare('SELECT a FROM t').all()).toEqual([{ a: 2 }]);
    } finally {
      db.close();
    }
  });
});
