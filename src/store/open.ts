import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { PostgresStore } from './postgres.js';
import type { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** DATABASE_URL: postgres:// or postgresql:// selects PostgreSQL; unset or empty, SQLite; anything else is an error. */
  databaseUrl?: string;
  /** The SQLite file (config `storage.sqlitePath`, default data/newsdigest.sqlite) or `:memory:`. */
  sqlitePath: string;
  /** PostgreSQL only: keep the tables in this schema (tests use a fresh one). */
  schema?: string;
  logger?: Logger;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * Opens the store the settings ask for and brings its schema up to date. Only the driver asked for
 * is loaded: pg costs a SQLite service about 16 MB of memory, and better-sqlite3 a PostgreSQL one. Fails with a UserError in
 * plain words (never showing the password) when the database cannot be reached or opened.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const databaseUrl = options.databaseUrl?.trim();
  if (databaseUrl && isPostgresUrl(databaseUrl)) {
    const connectionString = databaseUrl;
    let store: PostgresStore | undefined;
    try {
      const { PostgresStore } = await import('./postgres.js');
      store = new PostgresStore({ connectionString, schema: options.schema, logger: options.logger });
      await store.migrate();
      return store;
    } catch (error) {
      await store?.close().catch(() => undefined);
      throw new UserError(describePostgresError(error, connectionString), { cause: error });
    }
  }
  if (databaseUrl) {
    // A typo here would quietly give each replica its own SQLite file, and each would post.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? 'no scheme';
    throw new UserError(
      `DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${scheme}); unset it to use SQLite at ${options.sqlitePath}`,
    );
  }
  let store: SqliteStore | undefined;
  try {
    const { SqliteStore } = await import('./sqlite.js');
    store = new SqliteStore({ path: options.sqlitePath });
    await store.migrate();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    throw new UserError(
      `cannot open the SQLite database at ${options.sqlitePath}: ${messageOf(error)}; check storage.sqlitePath in the config (or set DATABASE_URL for PostgreSQL)`,
      { cause: error },
    );
  }
}

/** host:port/database of a connection string, without user or password. */
export function describeTarget(connectionString: string): { address: string; database: string; user: string } {
  try {
    const url = new URL(connectionString);
    return {
      address: `${url.hostname || 'localhost'}:${url.port || '5432'}`,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default)',
      user: decodeURIComponent(url.username) || '(default)',
    };
  } catch {
    return { address: '(unparsable address)', database: '(unknown)', user: '(unknown)' };
  }
}

function describePostgresError(error: unknown, connectionString: string): string {
  const { address, database, user } = describeTarget(connectionString);
  const at = `PostgreSQL at ${address}`;
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${at}: connection refused; is it running? check DATABASE_URL`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to ${at}: the host name does not resolve; check DATABASE_URL`;
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `cannot connect to ${at}: no answer (${code}); is it running and reachable? check DATABASE_URL`;
    case '28P01':
      return `cannot connect to ${at}: password authentication failed for user ${user}; check DATABASE_URL`;
    case '28000':
      return `cannot connect to ${at}: ${redact(messageOf(error), connectionString)}; check the user in DATABASE_URL`;
    case '3D000':
      return `cannot connect to ${at}: database ${database} does not exist; create it or fix DATABASE_URL`;
    case '42501':
      return `cannot set up the tables in ${at}: permission denied (${redact(messageOf(error), connectionString)}); the user in DATABASE_URL needs CREATE rights`;
  }
  if (/timeout/i.test(messageOf(error))) {
    return `cannot connect to ${at}: timed out; is it running and reachable? check DATABASE_URL`;
  }
  return `cannot use ${at}: ${redact(messageOf(error), connectionString)}; check DATABASE_URL`;
}

/** Node's connection errors carry a code (an AggregateError when several addresses were tried). */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) return errors.map(errorCode).find((c) => c !== undefined);
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Drivers sometimes echo the connection string; never let the password through. */
function redact(message: string, connectionString: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(connectionString).password);
  } catch {
    // an unparsable URL: nothing we can pick out
  }
  let out = message.split(connectionString).join('[DATABASE_URL]');
  if (password) out = out.split(password).join('[redacted]');
  return out;
}
