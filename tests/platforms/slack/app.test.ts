import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../../src/commands/types.js';
import { MemoryLibrary, type NewsLibrary } from '../../../src/digest/library.js';
import type { Digest, DigestItem } from '../../../src/digest/types.js';
import { UserError } from '../../../src/errors.js';
import { createSlackPlatform, SLACK_EVENTS_PATH, type SlackPlatform } from '../../../src/platforms/slack/app.js';
import type { CommandObserver, HttpRoute } from '../../../src/platforms/types.js';
import { serveRoutes } from '../../../src/service/http.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { sendButton, sendSigned, sendSlashCommand, slackSignature } from '../../fakes/signed-request.js';
import { digestOf } from './fixtures.js';
import { capturingLogger, FAST_RETRY } from './helpers.js';

const SECRET = 'test-signing-secret';

/** A data source that holds every answer until the test opens the gate (a slow database). */
class GatedLibrary implements NewsLibrary {
  calls = 0;
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  constructor(private readonly inner: NewsLibrary) {}
  release(): void {
    this.open();
  }
  async digest(date?: string): Promise<Digest | null> {
    this.calls++;
    await this.gate;
    return this.inner.digest(date);
  }
  async item(id: string): Promise<DigestItem | null> {
    await this.gate;
    return this.inner.item(id);
  }
  async search(query: string, limit: number): Promise<DigestItem[]> {
    await this.gate;
    return this.inner.search(query, limit);
  }
}

/** A data source whose storage is broken. */
const brokenLibrary: NewsLibrary = {
  digest: async () => {
    throw new Error('database is locked');
  },
  item: async () => null,
  search: async () => [],
};

let slack: FakeSlackApi;
let platform: SlackPlatform;
/** The service's HTTP server, serving the platform's /slack/events among its routes. */
let server: Awaited<ReturnType<typeof serveRoutes>> | undefined;
let events: Parameters<CommandObserver>[0][];
let logs: string[];

async function startPlatform(library: NewsLibrary, routes: HttpRoute[] = []): Promise<SlackPlatform> {
  const captured = capturingLogger();
  logs = captured.lines;
  // Each platform reports into its own list: a late event of the previous test cannot leak in.
  const observed: Parameters<CommandObserver>[0][] = [];
  events = observed;
  const context: CommandContext = {
    library,
    fetchArticle: async (url) => {
      throw new UserError(`${url} is not a public address`);
    },
    now: () => new Date('2026-03-02T09:00:00Z'),
    timeZone: 'UTC',
  };
  const started = createSlackPlatform({
    botToken: slack.botToken,
    signingSecret: SECRET,
    mode: 'http',
    apiUrl: slack.apiUrl,
    context,
    logger: captured.logger,
    observe: (event) => observed.push(event),
    retry: FAST_RETRY,
    minIntervalMs: 0,
  });
  await started.start();
  // The platform owns no port: its endpoint is one route among the service's.
  routes.push(...started.routes);
  server = await serveRoutes(routes, 0, captured.logger, '127.0.0.1');
  return started;
}

function eventsUrl(): string {
  return `http://127.0.0.1:${server!.port}${SLACK_EVENTS_PATH}`;
}

/** Sends a slash command and returns the first answer that reaches its response_url. */
async function command(
  name: string,
  text: string,
  id = `${name.slice(1)}-${Math.random().toString(36).slice(2)}`,
): Promise<Record<string, unknown>[]> {
  const response = await sendSlashCommand(eventsUrl(), SECRET, name, text, slack.responseUrl(id));
  expect(response.status).toBe(200);
  await slack.waitFor(() => slack.responses(id).length > 0, 5000, `the answer to ${name} ${text}`);
  return slack.responses(id);
}

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  events = [];
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await platform?.stop().catch(() => {});
  await slack.close();
});

describe('Slack slash commands and buttons over the HTTP receiver', () => {
  beforeEach(async () => {
    platform = await startPlatform(new MemoryLibrary([digestOf(3)]));
  });

  it('answers /digest privately with the latest digest in Block Kit', async () => {
    const [answer, ...more] = await command('/digest', '');
    expect(more).toEqual([]);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Morning digest — 2026-03-02' });
    expect(JSON.stringify(answer!.blocks)).toContain('River ferry service resumes in town 3');
    await vi.waitFor(() => expect(events).toEqual([{ platform: 'slack', command: '/digest', ms: expect.any(Number), ok: true }]));
    expect(slack.calls('auth.test')).toHaveLength(1); // token checked once at start
    // Debug logs of Bolt and the Web API went through pino: no token or secret in them.
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain(slack.botToken);
    expect(logs.join('')).not.toContain(SECRET);
  });

  it('shares /digest in the channel when asked, and shows the top N', async () => {
    const [shared] = await command('/digest', 'share');
    expect(shared!.response_type).toBe('in_channel');
    const [top] = await command('/digest', '2');
    const blocks = JSON.stringify(top!.blocks);
    expect(blocks).toContain('town 2');
    expect(blocks).not.toContain('town 3');
  });

  it('answers unknown or empty arguments with the usage line', async () => {
    const [digestUsage] = await command('/digest', 'tomorrow please');
    expect(digestUsage!.text).toMatch(/^Usage: \/digest \[today\|yesterday\|N\] \[share\]/);
    const [articleUsage] = await command('/article', '   ');
    expect(articleUsage!.text).toMatch(/^Usage: \/article &lt;number\|words&gt;/);
    const [summaryUsage] = await command('/summary', '');
    expect(summaryUsage!.text).toBe('Usage: /summary &lt;url or pasted text&gt;');
  });

  it('answers /article with one story in full, by number or by words', async () => {
    const [byNumber] = await command('/article', '2');
    expect(byNumber!.response_type).toBe('ephemeral');
    const text = JSON.stringify(byNumber!.blocks);
    expect(text).toContain('River ferry service resumes in town 2');
    expect(text).toContain('It was a quiet week'); // every quote, not just the key ones
    expect(text).toContain('old ramp gave way');
    const [byWords] = await command('/article', 'ferry town 1');
    expect(JSON.stringify(byWords!.blocks)).toContain('town 1');
    const [missing] = await command('/article', '9');
    expect(missing!.text).toBe('The latest digest has stories 1 to 3; there is no story 9.');
  });

  it('answers /summary for pasted text, and explains a refused URL', async () => {
    const pasted = [
      'The town council of Brookfield voted on Tuesday to rebuild the old stone bridge over the Mill River.',
      'The bridge, closed since the spring floods, carried most traffic between the market and the station.',
      '"We cannot leave half the town cut off for another winter," said the mayor, Ines Varga.',
      'Work is to start in April and last about eight months, the council said.',
    ].join(' ');
    const [summary] = await command('/summary', pasted);
    expect(summary!.response_type).toBe('ephemeral');
    expect(JSON.stringify(summary!.blocks)).toContain('stone bridge');
    const [refused] = await command('/summary', '<http://10.0.0.1/secret>');
    expect(refused!.text).toBe('Could not summarize http://10.0.0.1/secret: http://10.0.0.1/secret is not a public address');
  });

  it('answers a Quotes / Figures / Source button privately from the stored story', async () => {
    const response = await sendButton(eventsUrl(), SECRET, 'newsdigest:quotes:story-2', 'story-2', slack.responseUrl('button-1'));
    expect(response.status).toBe(200);
    await slack.waitFor(() => slack.responses('button-1').length > 0);
    const [quotes] = slack.responses('button-1');
    expect(quotes).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(quotes!.blocks)).toContain('We are glad to have the crossing back');

    await sendButton(eventsUrl(), SECRET, 'newsdigest:source:story-2', 'story-2', slack.responseUrl('button-2'));
    await slack.waitFor(() => slack.responses('button-2').length > 0);
    expect(JSON.stringify(slack.responses('button-2')[0]!.blocks)).toContain('<https://news.example.com/ferry-2|');

    await sendButton(eventsUrl(), SECRET, 'newsdigest:figures:gone', 'gone', slack.responseUrl('button-3'));
    await slack.waitFor(() => slack.responses('button-3').length > 0);
    expect(slack.responses('button-3')[0]!.text).toBe('That story is no longer stored.');
    await vi.waitFor(() => expect(events.map((e) => e.command)).toEqual(['button:quotes', 'button:source', 'button:figures']));
  });

  it('rejects a bad signature and a stale timestamp with 401, answering nothing', async () => {
    const body = new URLSearchParams({ command: '/digest', text: '', response_url: slack.responseUrl('forged') }).toString();
    const forged = await sendSigned(eventsUrl(), SECRET, body, { signature: 'v0=' + '0'.repeat(64) });
    expect(forged.status).toBe(401);
    const wrongSecret = await sendSigned(eventsUrl(), 'not-the-secret', body);
    expect(wrongSecret.status).toBe(401);
    const stale = await sendSigned(eventsUrl(), SECRET, body, { timestampSec: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const missing = await fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(missing.status).toBe(401);
    expect(slack.responses('forged')).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('Slack request timestamps and replays', () => {
  beforeEach(async () => {
    platform = await startPlatform(new MemoryLibrary([digestOf(3)]));
  });

  it('refuses a validly signed request stamped more than 5 minutes in the future, answering nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [id, timestampSec] of [
      ['future-10min', now + 10 * 60],
      ['future-1year', now + 365 * 24 * 3600],
    ] as const) {
      const response = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl(id), { timestampSec });
      expect(response.status).toBe(401);
    }
    // Within the window either way is still accepted (clocks drift a little).
    const [nearFuture] = await command('/digest', '', 'near-future');
    expect(nearFuture!.text).toBe('Morning digest — 2026-03-02');
    const slightlyAhead = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl('ahead'), { timestampSec: now + 60 });
    expect(slightlyAhead.status).toBe(200);
    await slack.waitFor(() => slack.responses('ahead').length > 0);
    expect(slack.responses('future-10min')).toEqual([]);
    expect(slack.responses('future-1year')).toEqual([]);
    expect(logs.join('')).toContain('more than 5 minutes from now');
  });

  it('runs a command once when the same signed request is replayed within the window', async () => {
    const timestampSec = Math.floor(Date.now() / 1000);
    const first = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl('replayed'), { timestampSec });
    expect(first.status).toBe(200);
    await slack.waitFor(() => slack.responses('replayed').length > 0);
    const replay = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl('replayed'), { timestampSec });
    expect(replay.status).toBe(401);
    // A fresh request (new timestamp, so a new signature) still runs.
    const fresh = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl('fresh'), { timestampSec: timestampSec + 1 });
    expect(fresh.status).toBe(200);
    await slack.waitFor(() => slack.responses('fresh').length > 0);
    expect(slack.responses('replayed')).toHaveLength(1);
    await vi.waitFor(() => expect(events.map((e) => e.command)).toEqual(['/digest', '/digest']));
    expect(logs.join('')).toContain('replayed');
  });
});

describe('Slack requests that carry no command', () => {
  beforeEach(async () => {
    platform = await startPlatform(new MemoryLibrary([digestOf(3)]));
  });

  it("answers Slack's unsigned SSL check with 200 and runs nothing, even with a command smuggled in", async () => {
    const body = new URLSearchParams({ ssl_check: '1', command: '/digest', response_url: slack.responseUrl('ssl') }).toString();
    const response = await fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(200);
    expect(slack.responses('ssl')).toEqual([]);
    expect(events).toEqual([]);
  });

  it('refuses a signed body that is neither a form nor JSON with 400', async () => {
    const timestampSec = Math.floor(Date.now() / 1000);
    const body = '{not json';
    const response = await fetch(eventsUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestampSec),
        'x-slack-signature': slackSignature(SECRET, timestampSec, body),
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(logs.join('')).toContain('refused a Slack request: the body is not a form or JSON');
  });
});

describe('Slack acknowledgement and failures', () => {
  it('acknowledges at once while the data source is still working, then answers', async () => {
    const slow = new GatedLibrary(new MemoryLibrary([digestOf(3)]));
    platform = await startPlatform(slow);
    const response = await sendSlashCommand(eventsUrl(), SECRET, '/digest', '', slack.responseUrl('slow'));
    // Slack got its 200 while the library had not answered (it cannot until released).
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(slow.calls).toBe(1);
    expect(slack.responses('slow')).toEqual([]);
    slow.release();
    await slack.waitFor(() => slack.responses('slow').length > 0);
    expect(JSON.stringify(slack.responses('slow')[0]!.blocks)).toContain('town 1');
  });

  it('answers a failing command with a short apology, logs it, and reports it to the observer', async () => {
    platform = await startPlatform(brokenLibrary);
    const [answer] = await command('/digest', '', 'broken');
    expect(answer!.text).toBe('Sorry, /digest failed; the details are in the newsdigest log.');
    expect(JSON.stringify(answer!.blocks)).toContain(':warning: Sorry');
    await vi.waitFor(() => expect(events).toEqual([{ platform: 'slack', command: '/digest', ms: expect.any(Number), ok: false }]));
    expect(logs.join('')).toContain('database is locked');
  });

  it('gives /slack/events as a route for the service to serve beside its own, including routes added later', async () => {
    const routes: HttpRoute[] = [];
    platform = await startPlatform(new MemoryLibrary(), routes);
    // The service adds its health routes after creating the platform.
    routes.push({
      path: '/healthz',
      method: ['GET', 'POST'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
    });
    expect(platform.routes.map((route) => [route.method, route.path])).toEqual([['POST', SLACK_EVENTS_PATH]]);
    const base = `http://127.0.0.1:${server!.port}`;
    const health = await fetch(`${base}/healthz?probe=1`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses to start with a token Slack rejects, in plain words', async () => {
    const captured = capturingLogger();
    const wrong = createSlackPlatform({
      botToken: 'xoxb-not-valid',
      signingSecret: SECRET,
      mode: 'http',
      apiUrl: slack.apiUrl,
      context: { library: new MemoryLibrary(), fetchArticle: async () => Promise.reject(new Error('x')), now: () => new Date(), timeZone: 'UTC' },
      logger: captured.logger,
      retry: FAST_RETRY,
    });
    await expect(wrong.start()).rejects.toThrow('Slack rejected the bot token at start (invalid_auth): check SLACK_BOT_TOKEN');
    expect(captured.lines.join('')).not.toContain('xoxb-not-valid');
  });

  it('names a missing secret', () => {
    const base = { mode: 'http' as const, context: {} as CommandContext, logger: capturingLogger().logger };
    expect(() => createSlackPlatform({ ...base, botToken: '', signingSecret: SECRET })).toThrow(/^SLACK_BOT_TOKEN is not set/);
    expect(() => createSlackPlatform({ ...base, botToken: 'xoxb-1', signingSecret: '' })).toThrow(/^SLACK_SIGNING_SECRET is not set/);
    expect(() => createSlackPlatform({ ...base, mode: 'socket', botToken: 'xoxb-1', signingSecret: '' })).toThrow(/^SLACK_APP_TOKEN is not set/);
    expect(() => createSlackPlatform({ ...base, mode: 'socket', botToken: 'xoxb-1', signingSecret: '', appToken: 'xoxb-2' })).toThrow(
      /must be an app-level token/,
    );
  });
});
