/**
 * What the small stores share: the connection they run statements on, and the conversions between
 * rows and stored values that both dialects need.
 */

/** A row as both drivers return it: SQLite gives text, PostgreSQL gives Date and parsed JSON. */
export type Row = Record<string, unknown>;

/** What differs between the two dialects in statements that are otherwise shared. */
export interface Dialect {
  /** Case-insensitive LIKE. */
  like: 'LIKE' | 'ILIKE';
  /** Selects `item` (JSON) from the digests' items whose id is the first parameter. */
  digestItemsWithId: string;
}

/**
 * What the small stores need of a database: statements written once with `?` placeholders
 * (PostgreSQL's connection numbers them), and the one write each dialect does its own way.
 */
export interface SqlConnection {
  readonly kind: 'sqlite' | 'postgres';
  readonly dialect: Dialect;
  /** Runs a statement and returns its rows (RETURNING included). */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** The first row of a statement, if any. */
  one(sql: string, params?: unknown[]): Promise<Row | undefined>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Inserts (url, key) into feed_seen and returns the keys this call inserted, in the order given. */
  insertSeenKeys(url: string, keys: string[]): Promise<string[]>;
}

// ---- conversions ----

/** Rewrites `?` placeholders as `$1, $2, …` for PostgreSQL (our statements hold no literal `?`). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Longer than any real word; SQLite refuses LIKE patterns over 50,000 bytes, so none get near. */
const MAX_SEARCH_WORD_CHARS = 100;

/** Search words: runs of letters and digits (cut at 100 characters), each once (ignoring case), at most eight. */
export function searchWords(query: string): string[] {
  const words = new Map<string, string>();
  for (const run of query.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const word = [...run].slice(0, MAX_SEARCH_WORD_CHARS).join('');
    if (!words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()].slice(0, 8);
}

/**
 * The URL as compared for de-duplication: no fragment, no tracking parameters, host in lower case,
 * no trailing slash. Feeds often add `?utm_source=rss` to links that other sources give bare.
 */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(name)) parsed.searchParams.delete(name);
    }
    parsed.searchParams.sort();
    const key = parsed.toString();
    return key.endsWith('/') && parsed.search === '' ? key.slice(0, -1) : key;
  } catch {
    return url.trim();
  }
}

export function isoInstant(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not a valid date-time: ${JSON.stringify(value)}`);
  return date.toISOString();
}

export function optionalText(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function optionalInstant(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

export function instant(value: unknown): string {
  return optionalInstant(value) ?? '';
}

/** SQLite hands JSON back as text, PostgreSQL's jsonb already parsed. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Drops undefined fields so stored objects compare equal to what was saved. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
