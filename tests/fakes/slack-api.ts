import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Slack on 127.0.0.1 for tests: the Web API methods newsdigest uses (auth.test,
 * chat.postMessage, chat.update, conversations.history, conversations.replies, apps.connections.open,
 * oauth.v2.access for "Add to Slack"), a response_url endpoint, and a Socket Mode WebSocket. It records every request, keeps posted messages per
 * channel, and can be told to fail the next calls with 429 (+ Retry-After), 500 or a Slack error.
 *
 *   const slack = await FakeSlackApi.start();
 *   createSlackPlatform({ apiUrl: slack.apiUrl, ... });
 *   expect(slack.calls('chat.postMessage')).toHaveLength(1);
 */

export interface SlackRequest {
  /** Web API method ("chat.postMessage") or "response_url". */
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Form fields (JSON values parsed) or the JSON body. */
  body: Record<string, unknown>;
}

export interface PostedMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** When the fake accepted it (ms since the epoch); a message a test put in by hand has none. */
  at?: number;
}

type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string; extra?: Record<string, unknown> };

export interface FakeSlackOptions {
  /** Bot token the fake accepts (others get invalid_auth). */
  botToken?: string;
  /** App-level token apps.connections.open accepts (default: any token starting with xapp-). */
  appToken?: string;
  /** Channels that exist and the bot is in. */
  channels?: string[];
  /** Channels that exist but the bot is not in. */
  foreignChannels?: string[];
  /** The app's credentials oauth.v2.access accepts ("Add to Slack"). */
  clientId?: string;
  clientSecret?: string;
  /**
   * Enforce Slack's limit on chat.postMessage, as Slack does: about one message a second per
   * channel. A message sooner than `minIntervalMs` after the channel's last accepted one is
   * answered 429 with Retry-After (whole seconds). Off unless given; `toleranceMs` (default 100)
   * forgives loopback jitter between two messages a sender spaced exactly.
   */
  rateLimits?: { minIntervalMs?: number; toleranceMs?: number };
}

/** A workspace that installed the app: the bot token oauth.v2.access hands out for it, then accepts. */
export interface FakeWorkspace {
  /** The team id (T…); for an org-wide install, the organization's id (E…). */
  teamId: string;
  teamName: string;
  /** An org-wide install (Enterprise Grid): one install, one token, for every workspace of the organization `teamId`. */
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId: string;
  botId: string;
  /** Who allowed the install. */
  installerUserId: string;
}

/** What a Socket Mode envelope came back with. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export class FakeSlackApi {
  readonly requests: SlackRequest[] = [];
  readonly messages: PostedMessage[] = [];
  readonly socketAcks: SocketAck[] = [];
  private readonly failures = new Map<string, Array<Failure | null>>();
  private readonly holds = new Map<string, { after: number; deliver: boolean }>();
  private readonly sockets = new Set<Socket>();
  private readonly waiters: Array<() => void> = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private tsCounter = 0;
  private envelopeCounter = 0;
  readonly botToken: string;
  readonly appToken: string | undefined;
  readonly channels: Set<string>;
  readonly foreignChannels: Set<string>;
  /** Users that users.info reports as workspace admins (everyone else is a plain member). */
  readonly admins = new Set<string>();
  /** User groups (S…) and their members, as usergroups.users.list answers. */
  readonly userGroups = new Map<string, string[]>();
  /** Workspaces installed through oauth.v2.access, by bot token: their tokens are accepted like `botToken`. */
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** Install codes Slack gave a browser and oauth.v2.access has not redeemed yet. */
  private readonly grants = new Map<string, FakeWorkspace>();
  readonly clientId: string;
  readonly clientSecret: string;
  /** How many calls the rate limit answered 429 (only with `rateLimits`). */
  rateLimited = 0;
  /** When each channel's last message was accepted, for the rate limit. */
  private readonly lastPostAt = new Map<string, number>();
  private readonly rateLimits: { minIntervalMs: number; toleranceMs: number } | undefined;

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    this.botToken = options.botToken ?? 'xoxb-test-token';
    this.appToken = options.appToken;
    this.channels = new Set(options.channels ?? ['C123', 'C456']);
    this.foreignChannels = new Set(options.foreignChannels ?? ['C999']);
    this.clientId = options.clientId ?? '1111.2222';
    this.clientSecret = options.clientSecret ?? 'fake-client-secret';
    this.rateLimits = options.rateLimits && { minIntervalMs: 1000, toleranceMs: 100, ...options.rateLimits };
  }

  /**
   * What Slack does when someone clicks "Allow" for `workspace`: a one-time code for the redirect
   * (the app redeems it with oauth.v2.access).
   */
  allowInstall(workspace: Partial<FakeWorkspace> & Pick<FakeWorkspace, 'teamId'>): string {
    const code = `code-${workspace.teamId}-${this.grants.size + this.workspaces.size + 1}`;
    this.grants.set(code, {
      teamName: `Team ${workspace.teamId}`,
      botToken: `xoxb-${workspace.teamId.toLowerCase()}-token`,
      botUserId: `U0BOT${workspace.teamId}`,
      botId: `B0BOT${workspace.teamId}`,
      installerUserId: 'U0INSTALLER',
      ...workspace,
    });
    return code;
  }

  /** The bearer token a request carried, if any. */
  static tokenOf(request: SlackRequest): string | undefined {
    return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('upgrade', (req, socket, head) => {
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Base URL for SLACK_API_URL / clientOptions.slackApiUrl. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url for one slash command or button press. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  calls(method: string): SlackRequest[] {
    return this.requests.filter((request) => request.method === method);
  }

  /** Bodies posted to one response_url. */
  responses(id: string): Record<string, unknown>[] {
    return this.requests.filter((r) => r.method === 'response_url' && r.path === `/response/${id}`).map((r) => r.body);
  }

  /**
   * The next `times` calls of `method` fail this way (after which it answers normally again);
   * `after` lets that many calls succeed first.
   */
  failNext(method: string, failure: Failure, times = 1, { after = 0 } = {}): this {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < after; i++) queue.push(null);
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
    return this;
  }

  /**
   * A call of `method` (after `after` more succeed) is never answered, as when a process dies
   * mid-request: with `deliver` Slack did the work (the message is posted) and only the answer
   * is missing; without it the request never arrived. Once.
   */
  holdNext(method: string, { after = 0, deliver = false } = {}): this {
    this.holds.set(method, { after, deliver });
    return this;
  }

  /** Resolves once `predicate` holds (checked after every request), or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'the expected Slack requests'): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Slack: timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (!predicate()) return void this.waiters.push(check);
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  /** Sends a Socket Mode envelope (slash_commands, interactive) and resolves with the app's ack. */
  async sendEnvelope(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<SocketAck> {
    await this.waitFor(() => this.socket !== null, 5000, 'a Socket Mode connection');
    const envelopeId = `env-${++this.envelopeCounter}`;
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' }));
    await this.waitFor(() => this.socketAcks.some((ack) => ack.envelope_id === envelopeId), 5000, `the ack of ${envelopeId}`);
    return this.socketAcks.find((ack) => ack.envelope_id === envelopeId)!;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (data) => {
      this.socketAcks.push(JSON.parse(String(data)) as SocketAck);
      this.notify();
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A123' } }));
    this.notify();
  }

  private notify(): void {
    const waiting = this.waiters.splice(0);
    for (const check of waiting) check();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    const body = parseBody(raw, req.headers['content-type']);
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/response/') ? 'response_url' : path;
    this.requests.push({ method, path, headers: req.headers, body });
    try {
      const hold = this.holds.get(method);
      if (hold && hold.after-- <= 0) {
        this.holds.delete(method);
        // Left open until the client goes away or the fake closes.
        if (hold.deliver) this.answer(method, req, { writeHead: () => undefined, end: () => undefined } as unknown as ServerResponse, body);
        return;
      }
      this.answer(method, req, res, body);
    } finally {
      this.notify();
    }
  }

  private answer(method: string, req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ('status' in failure && failure.status === 429)
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      if ('status' in failure) return json(500, { ok: false, error: 'internal_error' });
      return json(200, { ok: false, error: failure.error, ...failure.extra });
    }
    if (method === 'response_url') return json(200, { ok: true });

    const authorization = req.headers.authorization ?? '';
    if (method === 'apps.connections.open') {
      const accepted = this.appToken ? authorization === `Bearer ${this.appToken}` : authorization.startsWith('Bearer xapp-');
      if (!accepted) return json(200, { ok: false, error: 'invalid_auth' });
      return json(200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
    }
    if (method === 'oauth.v2.access') return this.redeem(req, body, json);
    const token = authorization.replace(/^Bearer /, '');
    const workspace = this.workspaces.get(token);
    if (token !== this.botToken && !workspace) return json(200, { ok: false, error: 'invalid_auth' });

    switch (method) {
      case 'auth.test':
        if (workspace?.isEnterpriseInstall) {
          return json(200, {
            ok: true,
            url: `https://${workspace.teamId.toLowerCase()}.enterprise.slack.com/`,
            user: 'newsdigest',
            enterprise_id: workspace.teamId,
            is_enterprise_install: true,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
          });
        }
        if (workspace) {
          return json(200, {
            ok: true,
            url: `https://${workspace.teamId.toLowerCase()}.slack.com/`,
            team: workspace.teamName,
            user: 'newsdigest',
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
          });
        }
        return json(200, {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Test',
          user: 'newsdigest',
          team_id: 'T123',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        });
      case 'chat.postMessage': {
        const channel = String(body.channel ?? '');
        const problem = this.channelProblem(channel);
        if (problem) return json(200, { ok: false, error: problem });
        const waitMs = this.postingWaitMs(channel);
        if (waitMs > 0) {
          this.rateLimited++;
          return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
        }
        const ts = `1700000000.${String(++this.tsCounter).padStart(6, '0')}`;
        const message: PostedMessage = {
          at: Date.now(),
          ts,
          channel,
          text: body.text as string | undefined,
          blocks: body.blocks as unknown[] | undefined,
          thread_ts: body.thread_ts as string | undefined,
          metadata: body.metadata as PostedMessage['metadata'],
        };
        this.messages.push(message);
        return json(200, { ok: true, channel, ts, message: { ts, text: message.text } });
      }
      case 'chat.update': {
        const found = this.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
        if (!found) return json(200, { ok: false, error: 'message_not_found' });
        found.text = body.text as string | undefined;
        found.blocks = body.blocks as unknown[] | undefined;
        return json(200, { ok: true, channel: found.channel, ts: found.ts });
      }
      case 'usergroups.users.list': {
        const members = this.userGroups.get(String(body.usergroup ?? ''));
        return json(200, members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' });
      }
      case 'users.info': {
        const user = String(body.user ?? '');
        return json(200, {
          ok: true,
          user: { id: user, name: user.toLowerCase(), is_admin: this.admins.has(user), is_owner: false, is_primary_owner: false },
        });
      }
      case 'conversations.history': {
        const channel = String(body.channel ?? '');
        const problem = this.channelProblem(channel);
        if (problem) return json(200, { ok: false, error: problem });
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        // Top-level messages only, newest first, as Slack answers.
        const history = this.messages
          .filter((m) => m.channel === channel && !m.thread_ts)
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        return json(200, { ok: true, messages: history, has_more: false });
      }
      case 'conversations.replies': {
        const channel = String(body.channel ?? '');
        const problem = this.channelProblem(channel);
        if (problem) return json(200, { ok: false, error: problem });
        const root = String(body.ts ?? '');
        if (!this.messages.some((m) => m.channel === channel && m.ts === root)) return json(200, { ok: false, error: 'thread_not_found' });
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        // The parent first, then its replies, oldest first, as Slack answers.
        const thread = this.messages
          .filter((m) => m.channel === channel && (m.ts === root || m.thread_ts === root))
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            thread_ts: root,
            text: m.text,
            ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
          }));
        return json(200, { ok: true, messages: thread, has_more: false });
      }
      default:
        return json(200, { ok: false, error: 'unknown_method' });
    }
  }

  /** oauth.v2.access: the app's credentials (form fields or basic auth) and a code not yet redeemed. */
  private redeem(req: IncomingMessage, body: Record<string, unknown>, json: (status: number, value: unknown) => void): void {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [body.client_id, body.client_secret];
    if (id !== this.clientId) return json(200, { ok: false, error: 'invalid_client_id' });
    if (secret !== this.clientSecret) return json(200, { ok: false, error: 'bad_client_secret' });
    const grant = this.grants.get(String(body.code ?? ''));
    if (!grant) return json(200, { ok: false, error: 'invalid_code' });
    this.grants.delete(String(body.code));
    this.workspaces.set(grant.botToken, grant);
    return json(200, {
      ok: true,
      app_id: 'A123',
      authed_user: { id: grant.installerUserId },
      scope: 'chat:write,commands,channels:history,groups:history,users:read,usergroups:read',
      token_type: 'bot',
      access_token: grant.botToken,
      bot_user_id: grant.botUserId,
      // An org-wide install names the organization and no team.
      ...(grant.isEnterpriseInstall
        ? { team: null, enterprise: { id: grant.teamId, name: grant.teamName }, is_enterprise_install: true }
        : { team: { id: grant.teamId, name: grant.teamName }, enterprise: null, is_enterprise_install: false }),
    });
  }

  /** How long the channel must wait before its next message (0: it may post now, and the post is counted). */
  private postingWaitMs(channel: string): number {
    if (!this.rateLimits) return 0;
    const now = Date.now();
    const last = this.lastPostAt.get(channel);
    const { minIntervalMs, toleranceMs } = this.rateLimits;
    if (last !== undefined && now - last < minIntervalMs - toleranceMs) return last + minIntervalMs - now;
    this.lastPostAt.set(channel, now);
    return 0;
  }

  private channelProblem(channel: string): string | null {
    if (this.channels.has(channel)) return null;
    return this.foreignChannels.has(channel) ? 'not_in_channel' : 'channel_not_found';
  }
}

/** Form fields as the WebClient sends them (objects JSON-encoded), or a JSON body. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}
