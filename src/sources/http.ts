import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { FETCH_DEFAULTS, type Config } from '../config/schema.js';
import { UserError } from '../errors.js';
import { refusalReason, type AddressPolicy } from './address.js';

/** The limits every fetch obeys: `config.fetch`. */
export type FetchLimits = Config['fetch'];

/** Where the client writes what users are not told (the address a refused name resolved to). */
export interface FetchLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface HttpClientOptions extends Partial<FetchLimits>, AddressPolicy {
  /** Requests in flight to one host (host:port) at a time; the rest wait their turn. */
  perHostConcurrency?: number;
  /** Gets one line per refused address; without it the detail is dropped, never shown to users. */
  log?: FetchLog;
}

export type FetchErrorKind = 'invalid-url' | 'address' | 'timeout' | 'too-large' | 'redirects' | 'status' | 'network' | 'encoding';

/** A fetch that did not give a usable body, in words a user can act on. */
export class FetchError extends UserError {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchErrorKind,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

export interface ConditionalHeaders {
  etag?: string;
  lastModified?: string;
}

export interface GetOptions extends ConditionalHeaders {
  accept?: string;
}

export interface FetchResponse {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** True on 304 Not Modified (then `body` is empty). */
  notModified: boolean;
  body: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

const MB = 1024 * 1024;

/** "5 MB", "12.3 MB", "800 KB" */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trimZero((bytes / MB).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "10 s", "1.5 s", "200 ms" */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${trimZero((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function trimZero(value: string): string {
  return value.endsWith('.0') ? value.slice(0, -2) : value;
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** Marks a connection refused by the address guard inside undici's connect path. */
class AddressRefused extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super('the address is not public');
  }
}

/** The hop being fetched: errors name the URL that failed, and whether a redirect led there. */
interface Hop {
  url?: URL;
  redirected: boolean;
}

/**
 * A URL as it may appear in a message or the log: without `user:pass@` (a password in a feed URL
 * is a secret), otherwise exactly as given.
 */
export function displayUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!url.username && !url.password) return value;
    url.username = url.password = '';
    return url.toString();
  } catch {
    return value;
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for net.connect that refuses non-public answers, so the checked address is the one used. */
function guardedLookup(port: number, policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: typeof options.family === 'number' ? options.family : 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const reason = refusalReason(address, port, policy);
        if (reason) return callback(new AddressRefused(address, reason) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** A counting semaphore per host, so one slow site never gets more than N of our requests at once. */
class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}

  async acquire(host: string): Promise<() => void> {
    const count = this.active.get(host) ?? 0;
    if (count >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, count + 1);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(host)?.shift();
      // Hand the slot straight to the next waiter; otherwise give it back.
      if (next) next();
      else this.active.set(host, (this.active.get(host) ?? 1) - 1);
    };
  }
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Drops a body we will not read; undici reports the abort as an error nobody needs to hear. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The one HTTP client newsdigest fetches feeds and pages with: public addresses only (checked after
 * DNS and on every redirect), a time limit for the whole fetch, a size limit on the bytes received
 * and again after decompression, redirects followed by hand and counted, conditional GET, a clear
 * User-Agent and a per-host concurrency limit.
 */
export class HttpClient {
  readonly limits: FetchLimits;
  private readonly policy: AddressPolicy;
  private readonly hosts: HostLimiter;
  private readonly connectors = new Map<number, buildConnector.connector>();
  private readonly agent: Agent;
  private readonly log?: FetchLog;

  constructor(options: HttpClientOptions = {}) {
    this.limits = {
      timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      userAgent: options.userAgent ?? FETCH_DEFAULTS.userAgent,
    };
    this.policy = { allowLoopback: options.allowLoopback };
    this.log = options.log;
    this.hosts = new HostLimiter(options.perHostConcurrency ?? 2);
    this.agent = new Agent({
      connect: (connectOptions, callback) => this.connectorFor(connectOptions)(connectOptions, callback),
    });
  }

  /** One connector per port, each with a DNS lookup that knows the port it guards. */
  private connectorFor(options: buildConnector.Options): buildConnector.connector {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    let connector = this.connectors.get(port);
    if (!connector) {
      connector = buildConnector({ timeout: this.limits.timeoutMs, lookup: guardedLookup(port, this.policy) } as buildConnector.BuildOptions);
      this.connectors.set(port, connector);
    }
    return connector;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** GETs `url`, following redirects; throws FetchError for anything but 2xx or 304. */
  async get(url: string, options: GetOptions = {}): Promise<FetchResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.limits.timeoutMs);
    const shown = displayUrl(url);
    const at: Hop = { redirected: false };
    try {
      return await this.follow(url, shown, at, options, controller.signal);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (controller.signal.aborted) {
        throw new FetchError(`${shown} timed out after ${formatDuration(this.limits.timeoutMs)}`, shown, 'timeout');
      }
      throw this.describeNetworkError(shown, at, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `startUrl` is fetched; `shown` is how messages name it. */
  private async follow(startUrl: string, shown: string, at: Hop, options: GetOptions, signal: AbortSignal): Promise<FetchResponse> {
    let current = parseHttpUrl(startUrl, shown, shown);
    for (let hop = 0; ; hop++) {
      at.url = current;
      at.redirected = hop > 0;
      this.checkLiteralAddress(shown, at);
      const release = await this.hosts.acquire(current.host);
      try {
        const headers: Record<string, string> = {
          'user-agent': this.limits.userAgent,
          accept: options.accept ?? '*/*',
          'accept-encoding': 'gzip, deflate, br',
        };
        // Validators belong to the URL they were given for; only send them on the first hop.
        if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
        if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;

        const send = () => request(current, { method: 'GET', headers, dispatcher: this.agent, signal });
        // A kept-alive connection the server closed as we reused it fails before any answer: a GET
        // is safe to send once more, and undici sends it on a fresh connection.
        const response = await send().catch((error: unknown) => {
          if (signal.aborted || !resetBeforeAnswer(error)) throw error;
          return send();
        });
        const status = response.statusCode;
        const location = headerValue(response.headers.location);

        if (redirectStatuses.has(status) && location) {
          discard(response.body);
          if (hop >= this.limits.maxRedirects) {
            throw new FetchError(`${shown} redirected more than ${this.limits.maxRedirects} times`, shown, 'redirects');
          }
          const target = new URL(location, current).toString();
          current = parseHttpUrl(target, displayUrl(target), shown);
          continue;
        }
        const common = {
          url: current.toString(),
          status,
          contentType: headerValue(response.headers['content-type']),
          etag: headerValue(response.headers.etag),
          lastModified: headerValue(response.headers['last-modified']),
        };
        if (status === 304) {
          discard(response.body);
          return { ...common, notModified: true, body: Buffer.alloc(0) };
        }
        if (status < 200 || status > 299) {
          discard(response.body);
          const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']), new Date());
          throw new FetchError(`${current} answered HTTP ${status}`, shown, 'status', { status, retryAfterMs });
        }
        const declared = Number(headerValue(response.headers['content-length']));
        const encoding = (headerValue(response.headers['content-encoding']) ?? '').trim().toLowerCase();
        if (Number.isFinite(declared) && declared > this.limits.maxBytes) {
          discard(response.body);
          throw this.tooLarge(shown, `is ${formatBytes(declared)}`);
        }
        const body = await this.readBody(response.body, encoding, shown);
        return { ...common, notModified: false, body };
      } finally {
        release();
      }
    }
  }

  /** An IP literal in the URL never goes through DNS, so it is checked here, before connecting. */
  private checkLiteralAddress(shown: string, at: Hop): void {
    const url = at.url!;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!isIP(host)) return;
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const reason = refusalReason(host, port, this.policy);
    if (reason) throw this.refused(shown, at, host, reason);
  }

  /**
   * Users learn only that the host they asked for (or were redirected to) is not public: what a
   * name resolves to would map the local network for them. The log keeps the address.
   */
  private refused(shown: string, at: Hop, address: string, reason: string): FetchError {
    const url = at.url!;
    const where = at.redirected ? `${shown} redirected to ${url}` : shown;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const what = host === address ? `${address} is ${reason}` : `${url.hostname} resolves to ${address}, ${reason}`;
    this.log?.warn({ url: url.toString(), host: url.hostname, address }, `fetch refused: ${what}`);
    return new FetchError(`${where}: ${url.hostname} is not a public address; newsdigest only fetches public addresses`, shown, 'address');
  }

  /** Reads the body, stopping as soon as the raw or the decompressed bytes pass the limit. */
  private async readBody(raw: Readable, encoding: string, url: string): Promise<Buffer> {
    const max = this.limits.maxBytes;
    raw.on('error', () => {}); // errors reach us through the iteration below
    let rawBytes = 0;
    raw.on('data', (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > max) raw.destroy(this.tooLarge(url, 'is'));
    });
    const decoder = decompressor(encoding);
    if (decoder === undefined) {
      discard(raw);
      throw new FetchError(`${url} sent its body in an encoding newsdigest cannot read (${encoding})`, url, 'encoding');
    }
    const stream: Readable = decoder ? raw.pipe(decoder) : raw;
    if (decoder) raw.on('error', (error) => decoder.destroy(error));
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // A small gzip body can unpack to gigabytes: stop at the limit, not after.
        if (size > max) throw this.tooLarge(url, decoder ? 'unpacks to' : 'is');
        chunks.push(chunk);
      }
    } catch (error) {
      raw.destroy();
      if (error instanceof FetchError) throw error;
      if (decoder && (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        throw new FetchError(`${url} sent a corrupt ${encoding} body`, url, 'encoding');
      }
      throw error;
    }
    return Buffer.concat(chunks);
  }

  private tooLarge(url: string, verb: string): FetchError {
    const limit = formatBytes(this.limits.maxBytes);
    const what = verb.startsWith('is ') ? `${verb}, more than` : `${verb} more than`;
    return new FetchError(`${url} ${what} the ${limit} limit`, url, 'too-large');
  }

  private describeNetworkError(url: string, at: Hop, error: unknown): FetchError {
    for (let cause = error; cause instanceof Error; cause = cause.cause) {
      if (cause instanceof FetchError) return cause;
      if (cause instanceof AddressRefused) return this.refused(url, at, cause.address, cause.reason);
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        const where = at.redirected && at.url ? `${url} redirected to ${at.url}` : url;
        return new FetchError(`${where}: the host ${at.url?.hostname ?? url} was not found (check the address)`, url, 'network');
      }
      if (code === 'ECONNREFUSED') return new FetchError(`${url} refused the connection`, url, 'network');
      if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        return new FetchError(`${url} timed out after ${formatDuration(this.limits.timeoutMs)}`, url, 'timeout');
      }
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new FetchError(`${url} could not be fetched: ${detail}`, url, 'network');
  }
}

/** `value` parsed for fetching (credentials dropped); `shownValue` and `shown` name it and the URL asked for in errors. */
function parseHttpUrl(value: string, shownValue: string, shown: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchError(`${shownValue} is not a valid URL`, shown, 'invalid-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const what = shownValue === shown ? shownValue : `${shown} redirects to ${shownValue}, which`;
    throw new FetchError(`${what} is not an http(s) URL`, shown, 'invalid-url');
  }
  if (url.username || url.password) url.username = url.password = '';
  return url;
}

/** A connection reset or closed before the response began (undici names it by code). */
function resetBeforeAnswer(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

/** A decompressing stream for Content-Encoding, null for none, undefined for unknown. */
function decompressor(encoding: string) {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}
