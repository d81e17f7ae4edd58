import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

/** A fresh store for one test, and how to throw it away. */
export interface TestStore<S> {
  store: S;
  dispose(): Promise<void>;
}

/** A SQLite file in a folder of its own, removed with it. */
export async function sqliteTestStore(): Promise<TestStore<SqliteStore> & { path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-store-'));
  const path = join(dir, 'store.sqlite');
  const store = new SqliteStore({ path });
  return {
    store,
    path,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A schema of its own on the test PostgreSQL, dropped with it. */
export async function postgresTestStore(): Promise<TestStore<PostgresStore> & { url: string; schema: string }> {
  const url = await testDatabaseUrl();
  const schema = freshSchema();
  const store = new PostgresStore({ connectionString: url, schema });
  return {
    store,
    url,
    schema,
    dispose: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}
