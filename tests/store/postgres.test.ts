import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres.js';
import { migrations } from '../../src/store/migrations/index.js';
import type { Store } from '../../src/store/types.js';
import { storeContract } from './contract.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

/** Each fixture gets its own schema on the test server, dropped when it is disposed. */
async function fixture(): Promise<{ store: Store; connect: () => Promise<Store>; dispose: () => Promise<void> }> {
  const url = await testDatabaseUrl();
  const schema = freshSchema();
  const opened: PostgresStore[] = [new PostgresStore({ connectionString: url, schema })];
  return {
    store: opened[0]!,
    connect: async () => {
      const store = new PostgresStore({ connectionString: url, schema });
      opened.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await dropSchema(url, schema);
    },
  };
}

storeContract('PostgreSQL', fixture);

describe('PostgreSQL specifics', () => {
  it('keeps its tables in its own schema and records each migration once', async () => {
    const f = await fixture();
    try {
      const replicas = [f.store, await f.connect(), await f.connect()];
      await Promise.all(replicas.map((r) => r.migrate()));
      const client = new pg.Client({ connectionString: await testDatabaseUrl() });
      await client.connect();
      try {
        const schema = (f.store as PostgresStore).schema!;
        const { rows } = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
        const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema]);
        expect(tables.rows.map((r) => r.table_name)).toEqual([
          'articles',
          'chat_channel_changes',
          'chat_channels',
          'deliveries',
          'digests',
          'feed_seen',
          'feed_state',
          'leases',
          'schema_migrations',
          'slack_channel_workspaces',
          'slack_installations',
          'story_days',
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await f.dispose();
    }
  });

  it('refuses a schema name that would need quoting', () => {
    expect(() => new PostgresStore({ connectionString: 'postgres://x@127.0.0.1/test', schema: 'a"; DROP' })).toThrow(/schema name .* is not allowed/);
  });
});
