import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Users tried in order on the test server (trust auth): CI runs as root, a stock install has postgres. */
const candidates = process.env.TEST_DATABASE_URL
  ? [process.env.TEST_DATABASE_URL]
  : ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'];

let found: Promise<string> | undefined;

/**
 * The connection string of the test PostgreSQL. Fails (never skips) when none answers, so a CI run
 * without PostgreSQL is red with a message saying what to do.
 */
export function testDatabaseUrl(): Promise<string> {
  found ??= (async () => {
    const problems: string[] = [];
    for (const url of candidates) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return url;
      } catch (error) {
        problems.push(`${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message || String(error)}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new Error(
      `PostgreSQL for the store tests is not reachable (${problems.join('; ')}). ` + 'Start it (.ci/run does) or set TEST_DATABASE_URL.',
    );
  })();
  return found;
}

/** A schema name no other test run uses. */
export function freshSchema(): string {
  return `nd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
