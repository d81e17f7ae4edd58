/**
 * A fake Discord REST API on 127.0.0.1 for tests: real discord.js talks to it through the
 * `rest.api` option (DISCORD_API_URL). It records every request, stores posted messages per
 * channel, and can be told to answer the next matching request with a 429 (with Discord's
 * rate-limit headers), a 5xx or a Discord JSON error.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. /api/v10/channels/123/messages. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the fake reads whatever JSON the client sent, as the real API would
  body: any;
}

export interface Fault {
  method?: string;
  /** Matches when the request path contains this. */
  path?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  author: { id: string; username: string; discriminator: string; avatar: null; bot: true; global_name: null };
  timestamp: string;
  [key: string]: unknown;
}

let nextSnowflake = 1_300_000_000_000_000_000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

/** A 429 as Discord sends it: bucket headers, Retry-After (seconds) and a JSON retry_after. */
export function rateLimited(path: string, retryAfterSeconds = 0.05): Fault {
  return {
    method: 'POST',
    path,
    status: 429,
    headers: {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfterSeconds),
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'fake-bucket',
      'x-ratelimit-scope': 'user',
      'retry-after': String(retryAfterSeconds),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
  };
}

/**
 * Discord's rate limits, enforced when given: a per-route bucket for each channel's messages
 * (`perChannel` requests per `windowMs`, separately for posting and reading, as Discord keys its
 * buckets by route and channel) and the bot's global limit (`globalPerSecond`, a bucket refilling
 * continuously; interaction callbacks and webhooks are outside it, as on Discord). Every answer on a
 * channel route carries the X-RateLimit-* headers; a request over a limit gets 429 with Retry-After
 * and a JSON retry_after (X-RateLimit-Global on a global one).
 */
export interface DiscordRateLimits {
  perChannel?: number;
  windowMs?: number;
  globalPerSecond?: number;
}

export interface FakeDiscordOptions {
  rateLimits?: DiscordRateLimits;
}

/** The bookkeeping behind DiscordRateLimits; the counts tell how many requests were refused. */
class RateLimiter {
  readonly refused = { route: 0, global: 0 };
  private readonly windows = new Map<string, { resetAt: number; used: number }>();
  private globalTokens: number;
  private globalCheckedAt = Date.now();
  private readonly perChannel: number;
  private readonly windowMs: number;
  private readonly globalPerSecond: number;

  constructor(limits: DiscordRateLimits) {
    this.perChannel = limits.perChannel ?? 5;
    this.windowMs = limits.windowMs ?? 5000;
    this.globalPerSecond = limits.globalPerSecond ?? 50;
    this.globalTokens = this.globalPerSecond;
  }

  /** A 429 to answer instead, or the headers to add to the normal answer. */
  check(request: RecordedRequest): { refused?: { status: 429; headers: Record<string, string>; body: unknown }; headers: Record<string, string> } {
    const now = Date.now();
    const underGlobal = !/\/(interactions|webhooks)\//.test(request.path);
    if (underGlobal) {
      this.globalTokens = Math.min(this.globalPerSecond, this.globalTokens + ((now - this.globalCheckedAt) / 1000) * this.globalPerSecond);
      this.globalCheckedAt = now;
      if (this.globalTokens < 1) {
        this.refused.global++;
        const retryAfter = (1 - this.globalTokens) / this.globalPerSecond;
        const headers = { 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' };
        return {
          refused: { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true } },
          headers: {},
        };
      }
    }
    const channel = /\/channels\/(\d+)\/messages$/.exec(request.path)?.[1];
    let headers: Record<string, string> = {};
    if (channel) {
      const key = `${request.method} ${channel}`;
      let window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { resetAt: now + this.windowMs, used: 0 };
        this.windows.set(key, window);
      }
      const resetAfter = ((window.resetAt - now) / 1000).toFixed(3);
      const bucket = (remaining: number) => ({
        'x-ratelimit-limit': String(this.perChannel),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': (window.resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': resetAfter,
        'x-ratelimit-bucket': `fake-${request.method.toLowerCase()}-messages`,
      });
      if (window.used >= this.perChannel) {
        this.refused.route++;
        const refusedHeaders = { ...bucket(0), 'x-ratelimit-scope': 'user', 'retry-after': resetAfter };
        const body = { message: 'You are being rate limited.', retry_after: Number(resetAfter), global: false };
        return { refused: { status: 429, headers: refusedHeaders, body }, headers: {} };
      }
      window.used++;
      headers = bucket(this.perChannel - window.used);
    }
    if (underGlobal) this.globalTokens -= 1;
    return { headers };
  }
}

export class FakeDiscordApi extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Posted messages per channel, oldest first. */
  readonly messages = new Map<string, StoredMessage[]>();
  /** Channels that exist; posting elsewhere answers Unknown Channel (10003). */
  readonly channels = new Set<string>();
  /** Channels the bot can't see: Missing Access (50001). */
  readonly hiddenChannels = new Set<string>();
  readonly botUser = {
    id: '1200000000000000001',
    username: 'newsdigest',
    discriminator: '0000',
    avatar: null,
    bot: true as const,
    global_name: null,
  };
  /** What /gateway/bot answers; point it at a FakeDiscordGateway. */
  gatewayUrl = 'ws://127.0.0.1:1';
  private readonly faults: Fault[] = [];
  private readonly holds: (Pick<Fault, 'method' | 'path'> & { after: number; deliver: boolean })[] = [];
  private server: Server | null = null;
  private base = '';
  private readonly limiter: RateLimiter | undefined;

  constructor(options: FakeDiscordOptions = {}) {
    super();
    this.limiter = options.rateLimits && new RateLimiter(options.rateLimits);
  }

  /** Requests the rate limits answered 429, per-route and global (zero without `rateLimits`). */
  get rateLimited(): { route: number; global: number } {
    return { ...(this.limiter?.refused ?? { route: 0, global: 0 }) };
  }

  /** The value for discord.js `rest.api` / DISCORD_API_URL (discord.js appends /v10). */
  get apiUrl(): string {
    return `${this.base}/api`;
  }

  /** The next request matching the fault gets its answer instead (each fault is used once). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /**
   * The next request matching (after `after` matching ones are answered) is never answered, as
   * when a process dies mid-request: with `deliver` Discord did it (a message is posted) and only
   * the answer is missing; without it the request never arrived. Once.
   */
  holdNext(match: Pick<Fault, 'method' | 'path'>, { after = 0, deliver = false } = {}): void {
    this.holds.push({ ...match, after, deliver });
  }

  requestsTo(method: string, pathPart: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.includes(pathPart));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(predicate: (request: RecordedRequest) => boolean, count = 1): Promise<RecordedRequest[]> {
    return new Promise((resolve) => {
      const check = () => {
        const matching = this.requests.filter(predicate);
        if (matching.length >= count) {
          this.off('request', check);
          resolve(matching);
        }
      };
      this.on('request', check);
      check();
    });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        if ((req.headers['content-type'] ?? '').includes('application/json') && text) body = JSON.parse(text);
        const request: RecordedRequest = {
          method: req.method ?? 'GET',
          path: decodeURIComponent(url.pathname),
          query: url.searchParams,
          headers: req.headers,
          body,
        };
        this.requests.push(request);
        const hold = this.holds.findIndex(
          (h) => (!h.method || h.method === request.method) && (!h.path || request.path.includes(h.path)) && h.after-- <= 0,
        );
        if (hold !== -1) {
          // Left open until the client goes away or the fake closes.
          if (this.holds.splice(hold, 1)[0]!.deliver) this.answer(request);
          this.emit('request', request);
          return;
        }
        const { status, headers, body: answer } = this.answer(request);
        const payload = answer === undefined ? '' : JSON.stringify(answer);
        res.writeHead(status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers });
        res.end(payload);
        this.emit('request', request);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((f) => (!f.method || f.method === request.method) && (!f.path || request.path.includes(f.path)));
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }

  private message(channelId: string, body: Record<string, unknown>): StoredMessage {
    return {
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: 0,
      ...body,
      id: snowflake(),
      channel_id: channelId,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: (body.embeds as unknown[] | undefined) ?? [],
      components: (body.components as unknown[] | undefined) ?? [],
      author: this.botUser,
      timestamp: new Date().toISOString(),
    };
  }

  private answer(request: RecordedRequest): { status: number; headers?: Record<string, string>; body?: unknown } {
    const limit = this.limiter?.check(request);
    if (limit?.refused) return limit.refused;
    const answer = this.answerWithinLimits(request);
    return limit ? { ...answer, headers: { ...limit.headers, ...answer.headers } } : answer;
  }

  private answerWithinLimits(request: RecordedRequest): { status: number; headers?: Record<string, string>; body?: unknown } {
    const fault = this.takeFault(request);
    if (fault)
      return {
        status: fault.status,
        headers: fault.headers,
        body: fault.body ?? (fault.status >= 500 ? { message: 'Internal Server Error', code: 0 } : undefined),
      };
    const path = request.path.replace(/^\/api\/v10/, '');
    const { method, body } = request;
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channel = m[1]!;
      if (this.hiddenChannels.has(channel)) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      if (!this.channels.has(channel)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      const stored = this.messages.get(channel) ?? [];
      this.messages.set(channel, stored);
      if (method === 'POST') {
        const message = this.message(channel, body);
        stored.push(message);
        return { status: 200, body: message };
      }
      if (method === 'GET') {
        // Newest first, at most `limit` (1–100, default 50), older than `before` when given, as Discord answers.
        const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50)));
        const before = request.query.get('before');
        const older = before ? stored.filter((m) => BigInt(m.id) < BigInt(before)) : stored;
        return { status: 200, body: [...older].reverse().slice(0, limit) };
      }
    }
    if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const commands = (body as Record<string, unknown>[]).map((command) => ({
        ...command,
        id: snowflake(),
        application_id: m![1],
        guild_id: m![2],
        version: snowflake(),
      }));
      return { status: 200, body: commands };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      if (method === 'POST' || method === 'PATCH')
        return { status: 200, body: this.message('1000000000000000099', { ...body, webhook_id: m[1], application_id: m[1] }) };
      if (method === 'DELETE') return { status: 204 };
    }
    return { status: 404, body: { message: `fake Discord has no route for ${method} ${request.path}`, code: 0 } };
  }
}
