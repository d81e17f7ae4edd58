import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { isPostgresUrl, openStore } from '../../src/store/open.js';
import { article } from './fixtures.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

const root = mkdtempSync(join(tmpdir(), 'newsdigest-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens SQLite at the configured path when there is no DATABASE_URL, creating the folder and tables', async () => {
    const sqlitePath = join(root, 'data', 'newsdigest.sqlite');
    for (const databaseUrl of [undefined, '', '  ']) {
      const store = await openStore({ databaseUrl, sqlitePath });
      try {
        expect(store.kind).toBe('sqlite');
        expect((await store.saveArticle(article({ title: 'Opened', text: `Opened via ${databaseUrl}.` }))).stored).toBe(true);
      } finally {
        await store.close();
      }
    }
    expect(existsSync(sqlitePath)).toBe(true);
  });

  it('opens PostgreSQL for postgres:// and postgresql:// URLs, migrated', async () => {
    const url = await testDatabaseUrl();
    const schema = freshSchema();
    try {
      for (const databaseUrl of [url, url.replace(/^postgres:/, 'postgresql:')]) {
        const store = await openStore({ databaseUrl, sqlitePath: join(root, 'unused.sqlite'), schema });
        try {
          expect(store.kind).toBe('postgres');
          expect(await store.ping()).toBe(true);
          expect(await store.getDigest({})).toBeNull();
        } finally {
          await store.close();
        }
      }
      expect(existsSync(join(root, 'unused.sqlite'))).toBe(false);
    } finally {
      await dropSchema(url, schema);
    }
  });

  it('tells PostgreSQL URLs apart', () => {
    expect(isPostgresUrl('postgres://h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://h/db')).toBe(true);
    expect(isPostgresUrl(' POSTGRES://h/db')).toBe(true);
    expect(isPostgresUrl('mysql://h/db')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL rather than quietly using SQLite', async () => {
    await expect(openStore({ databaseUrl: 'postgress://user:pw@db/news', sqlitePath: 'data/x.sqlite' })).rejects.toThrow(
      'DATABASE_URL must start with postgres:// or postgresql:// (it starts with postgress:); unset it to use SQLite at data/x.sqlite',
    );
    await expect(openStore({ databaseUrl: 'db.internal:5432', sqlitePath: 'x' })).rejects.toBeInstanceOf(UserError);
  });

  it('says plainly when PostgreSQL refuses the connection, without the password', async () => {
    const error = await openStore({
      databaseUrl: 'postgres://newsdigest:s3cret-pw@127.0.0.1:1/news',
      sqlitePath: join(root, 'unused.sqlite'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe('cannot connect to PostgreSQL at 127.0.0.1:1: connection refused; is it running? check DATABASE_URL');
  });

  it('names a missing database and an unknown user', async () => {
    const url = new URL(await testDatabaseUrl());
    url.pathname = '/nd_no_such_database';
    await expect(openStore({ databaseUrl: url.toString(), sqlitePath: 'unused' })).rejects.toThrow(
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:5432: database nd_no_such_database does not exist; create it or fix DATABASE_URL$/,
    );
    const stranger = new URL(await testDatabaseUrl());
    stranger.username = 'nd_no_such_role';
    stranger.password = 'hunter2-secret';
    const error = (await openStore({ databaseUrl: stranger.toString(), sqlitePath: 'unused' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:5432: .*nd_no_such_role.*check .*DATABASE_URL$/);
    expect(error.message).not.toContain('hunter2');
  });

  it('says which SQLite path cannot be opened and what to check', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(openStore({ sqlitePath: join(blocker, 'db.sqlite') })).rejects.toThrow(
      new RegExp(`^cannot open the SQLite database at ${blocker}/db\\.sqlite: .*; check storage\\.sqlitePath`),
    );
    const notADatabase = join(root, 'garbage.sqlite');
    writeFileSync(notADatabase, 'this is not an SQLite file '.repeat(200));
    await expect(openStore({ sqlitePath: notADatabase })).rejects.toThrow(
      /cannot open the SQLite database at .*garbage\.sqlite: file is not a database/,
    );
  });
});
