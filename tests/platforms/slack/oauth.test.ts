import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../../src/store/sqlite-driver.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Secrets } from '../../../src/config/env.js';
import { parseConfig } from '../../../src/config/load.js';
import { NOT_INSTALLED_ANSWER } from '../../../src/platforms/slack/oauth.js';
import { createService, type Service } from '../../../src/service/service.js';
import { sendEvent, slashCommandAnswers } from '../../fakes/signed-request.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { WebServer } from '../../fakes/web-server.js';
import { TestClock } from '../../scheduler/harness.js';
import { capturingLogger } from './helpers.js';
import { subscribedEarlier } from '../../fakes/chat-channels.js';

/**
 * "Add to Slack": the whole service in OAuth mode, Slack faked at the network edge (its
 * oauth.v2.access included), a browser played by fetch, the clock moved by hand.
 */

const SIGNING_SECRET = 'oauth-signing-secret';
const SECRET_KEY = 'test-only-secret-key-0123456789-abcdef';
const ADMIN = 'U0ADMIN';
const HARBOUR = { team: 'T0HARBOUR', channel: 'C123', token: 'xoxb-t0harbour-token' };
const VALLEY = { team: 'T0VALLEY', channel: 'C456', token: 'xoxb-t0valley-token' };
/** An organization (Enterprise Grid) that installs newsdigest once for all its workspaces. */
const COAST_ORG = { id: 'E0COAST', token: 'xoxb-e0coast-token' };
const FEED = readFileSync(new URL('../../sources/fixtures/rss2.xml', import.meta.url), 'utf8');

let slack: FakeSlackApi;
let web: WebServer;
let dir: string;
let clock: TestClock;
let service: Service;
let logs: string[];

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  slack.admins.add(ADMIN);
  web = await WebServer.start();
  web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: FEED });
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-slack-oauth-'));
  clock = new TestClock(new Date('2025-06-11T06:00:00Z'));
  const config = parseConfig(
    {
      sources: [],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      scheduler: { catchUpHours: 0 },
      slack: { publicUrl: 'https://news.example.org' },
    },
    'oauth test config',
  );
  const secrets: Secrets = {
    slackClientId: slack.clientId,
    slackClientSecret: slack.clientSecret,
    secretKey: SECRET_KEY,
    slackSigningSecret: SIGNING_SECRET,
    slackApiUrl: slack.apiUrl,
  };
  const captured = capturingLogger();
  logs = captured.lines;
  service = await createService(config, secrets, {
    clock,
    logger: captured.logger,
    cron: false,
    port: 0,
    host: '127.0.0.1',
    allowLoopbackFetch: true,
  });
  await service.start();
});

afterEach(async () => {
  await service.stop();
  await slack.close();
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${service.port()}`;
const installations = () => service.store.stores.slackWorkspaces.installations(SECRET_KEY);

/** A browser opening /slack/install: the Add to Slack link's state and the cookie that goes with it. */
async function openInstallPage(): Promise<{ authorizeUrl: URL; cookie: string }> {
  const page = await fetch(`${base()}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const href = /id="add-to-slack" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { authorizeUrl: new URL(href!.replaceAll('&amp;', '&')), cookie };
}

/** The redirect Slack sends the browser back with. */
function redirect(query: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${base()}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
}

/** The whole round trip for one workspace: install page, "Allow" in Slack, redirect. */
async function install(team: string): Promise<Response> {
  const { authorizeUrl, cookie } = await openInstallPage();
  const code = slack.allowInstall({ teamId: team });
  return redirect({ code, state: authorizeUrl.searchParams.get('state')! }, cookie);
}

/** Types a command as the admin in a channel of a workspace (of an organization that installed newsdigest org-wide, when given); the bot's answer text. */
async function typed(workspace: typeof HARBOUR, command: string, text: string, enterprise?: string): Promise<string> {
  const answers = await slashCommandAnswers(slack, `${base()}/slack/events`, SIGNING_SECRET, {
    command,
    text,
    channel: workspace.channel,
    user: ADMIN,
    team: workspace.team,
    enterprise,
  });
  return answers.map((answer) => String(answer.text)).join('\n');
}

/** The admin subscribed the channel earlier, straight in the store (the feed is on loopback, which /newsdigest refuses). */
async function subscribedByAdmin(channel: string): Promise<void> {
  await subscribedEarlier(
    service.store.stores.chatChannels,
    { platform: 'slack', channel, sources: [web.url('/feed.xml')], schedule: '0 9 * * *', updatedBy: `slack:${ADMIN}` },
    clock.now(),
  );
}

/** Which token each call of a Web API method carried, by channel. */
function tokensBy(method: string): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const call of slack.calls(method)) {
    const channel = String(call.body.channel ?? call.body.user ?? '');
    (seen[channel] ??= []).push(FakeSlackApi.tokenOf(call) ?? '');
  }
  return Object.fromEntries(Object.entries(seen).map(([key, tokens]) => [key, [...new Set(tokens)]]));
}

/** Events are acknowledged before they are handled: waits until the handling shows. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('Add to Slack', () => {
  it('offers the install link with a signed state, then stores the installation with its token sealed', async () => {
    const { authorizeUrl, cookie } = await openInstallPage();
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe(slack.clientId);
    expect(authorizeUrl.searchParams.get('scope')).toBe('chat:write,commands,channels:history,groups:history,users:read,usergroups:read');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe('https://news.example.org/slack/oauth_redirect');
    expect(authorizeUrl.searchParams.get('state')).toBeTruthy();
    expect(cookie).toMatch(/=.+/);

    const code = slack.allowInstall({ teamId: HARBOUR.team, teamName: 'Harbour <b>News</b>' });
    const done = await redirect({ code, state: authorizeUrl.searchParams.get('state')! }, cookie);
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('newsdigest is now in Harbour &lt;b&gt;News&lt;/b&gt;.');

    const [exchange] = slack.calls('oauth.v2.access');
    expect(exchange!.body).toMatchObject({ code, client_id: slack.clientId, redirect_uri: 'https://news.example.org/slack/oauth_redirect' });
    expect(await installations().get(HARBOUR.team)).toEqual({
      workspace: HARBOUR.team,
      teamId: HARBOUR.team,
      isEnterpriseInstall: false,
      botToken: HARBOUR.token,
      botUserId: `U0BOT${HARBOUR.team}`,
      botId: `B0BOT${HARBOUR.team}`,
      scopes: ['chat:write', 'commands', 'channels:history', 'groups:history', 'users:read', 'usergroups:read'],
      installerUserId: 'U0INSTALLER',
      installedAt: '2025-06-11T06:00:00.000Z',
    });

    // At rest the token is sealed; in the log it never appears.
    const db = openSqlite(join(dir, 'store.sqlite'), { busyTimeoutMs: 1000 });
    const [row] = db.prepare('SELECT bot_token_sealed FROM slack_installations').all() as { bot_token_sealed: string }[];
    db.close();
    expect(row?.bot_token_sealed).not.toContain('xoxb');
    expect(row?.bot_token_sealed).toBeTruthy();
    expect(logs.join('')).not.toContain(HARBOUR.token);
    expect(logs.join('')).not.toContain(slack.clientSecret);
    expect(logs.join('')).not.toContain(SECRET_KEY);
  });

  it.each([
    { case: 'a forged state', state: () => 'forged.state.value', cookie: (real: string) => real.replace(/=.*/, '=forged.state.value') },
    { case: 'no state', state: () => undefined, cookie: (real: string) => real },
    { case: 'a real state opened in another browser (no cookie)', state: (real: string) => real, cookie: () => undefined },
  ])('refuses $case with a plain page and stores nothing', async ({ state, cookie }) => {
    const { authorizeUrl, cookie: realCookie } = await openInstallPage();
    const code = slack.allowInstall({ teamId: HARBOUR.team });
    const given = state(authorizeUrl.searchParams.get('state')!);
    const refused = await redirect({ code, ...(given ? { state: given } : {}) }, cookie(realCookie));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('<h1>This install link is not valid</h1>');
    expect(html).toContain('Nothing was installed.');
    expect(html).not.toMatch(/Error|stack|127\.0\.0\.1/);
    expect(slack.calls('oauth.v2.access')).toHaveLength(0);
    expect(await installations().workspaces()).toEqual([]);
  });

  it('serves two workspaces, each command and each scheduled post with its own token', async () => {
    expect((await install(HARBOUR.team)).status).toBe(200);
    expect((await install(VALLEY.team)).status).toBe(200);
    expect(await installations().workspaces()).toEqual([HARBOUR.team, VALLEY.team]);
    await subscribedByAdmin(HARBOUR.channel);
    await subscribedByAdmin(VALLEY.channel);

    expect(await typed(HARBOUR, '/newsdigest', 'schedule 07:30')).toContain('now posted daily at 07:30 UTC');
    expect(await typed(VALLEY, '/newsdigest', 'schedule 07:30')).toContain('now posted daily at 07:30 UTC');
    // users.info (is the caller an admin?) went out with each workspace's own token, in the order typed.
    expect(slack.calls('users.info').map(FakeSlackApi.tokenOf)).toEqual([HARBOUR.token, VALLEY.token]);

    clock.set('2025-06-11T07:31:00Z');
    const runs = (await service.scheduler.sweep()).runs.map((run) => [run.channel, run.outcome.status]);
    expect(runs.sort()).toEqual([
      [`chat-slack-${HARBOUR.channel}`, 'posted'],
      [`chat-slack-${VALLEY.channel}`, 'posted'],
    ]);
    expect(tokensBy('chat.postMessage')).toEqual({ [HARBOUR.channel]: [HARBOUR.token], [VALLEY.channel]: [VALLEY.token] });
  });

  it('on app_uninstalled and tokens_revoked removes the workspace and pauses its channels, and only its', async () => {
    await install(HARBOUR.team);
    await install(VALLEY.team);
    await subscribedByAdmin(HARBOUR.channel);
    await subscribedByAdmin(VALLEY.channel);
    await typed(HARBOUR, '/newsdigest', 'schedule 07:30');
    await typed(VALLEY, '/newsdigest', 'schedule 07:30');
    const chatChannels = service.store.stores.chatChannels;

    clock.set('2025-06-11T07:00:00Z');
    expect((await sendEvent(`${base()}/slack/events`, SIGNING_SECRET, HARBOUR.team, { type: 'app_uninstalled' })).status).toBe(200);
    await until(async () => (await chatChannels.get('slack', HARBOUR.channel))?.paused === true, 'the harbour channel is paused');
    expect(await installations().workspaces()).toEqual([VALLEY.team]);
    expect((await chatChannels.changes('slack', HARBOUR.channel, 1))[0]).toEqual({
      actor: 'slack:newsdigest',
      at: '2025-06-11T07:00:00.000Z',
      action: 'pause',
      detail: 'newsdigest was uninstalled from the workspace',
    });
    expect((await chatChannels.get('slack', VALLEY.channel))?.paused).toBe(false);
    // Someone typing a command there is told why nothing else answers.
    expect(await typed(HARBOUR, '/digest', '')).toBe(NOT_INSTALLED_ANSWER);

    // Only the workspace still installed gets its digest.
    clock.set('2025-06-11T07:31:00Z');
    const runs = (await service.scheduler.sweep()).runs.map((run) => [run.channel, run.outcome.status]);
    expect(runs).toEqual([[`chat-slack-${VALLEY.channel}`, 'posted']]);
    expect(tokensBy('chat.postMessage')).toEqual({ [VALLEY.channel]: [VALLEY.token] });

    const revoked = { type: 'tokens_revoked', tokens: { oauth: [], bot: [`U0BOT${VALLEY.team}`] } };
    expect((await sendEvent(`${base()}/slack/events`, SIGNING_SECRET, VALLEY.team, revoked)).status).toBe(200);
    await until(async () => (await chatChannels.get('slack', VALLEY.channel))?.paused === true, 'the valley channel is paused');
    expect(await installations().workspaces()).toEqual([]);
    expect((await chatChannels.changes('slack', VALLEY.channel, 1))[0]!.detail).toBe('the workspace revoked newsdigest’s bot token');
  });

  it('an org-wide install: stored under the organization, its token serves every workspace of it, and uninstalling removes it', async () => {
    // Harbour and Valley are two workspaces of one organization, which installs newsdigest once for both.
    const { authorizeUrl, cookie } = await openInstallPage();
    const code = slack.allowInstall({ teamId: COAST_ORG.id, teamName: 'Coast Group', isEnterpriseInstall: true });
    const done = await redirect({ code, state: authorizeUrl.searchParams.get('state')! }, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('newsdigest is now in Coast Group.');
    expect(await installations().get(COAST_ORG.id)).toEqual({
      workspace: COAST_ORG.id,
      enterpriseId: COAST_ORG.id,
      isEnterpriseInstall: true,
      botToken: COAST_ORG.token,
      botUserId: `U0BOT${COAST_ORG.id}`,
      botId: `B0BOT${COAST_ORG.id}`,
      scopes: ['chat:write', 'commands', 'channels:history', 'groups:history', 'users:read', 'usergroups:read'],
      installerUserId: 'U0INSTALLER',
      installedAt: '2025-06-11T06:00:00.000Z',
    });
    expect(await installations().workspaces()).toEqual([COAST_ORG.id]);

    // A command from either workspace is authorized with the organization's token.
    await subscribedByAdmin(HARBOUR.channel);
    await subscribedByAdmin(VALLEY.channel);
    expect(await typed(HARBOUR, '/newsdigest', 'schedule 07:30', COAST_ORG.id)).toContain('now posted daily at 07:30 UTC');
    expect(await typed(VALLEY, '/newsdigest', 'schedule 07:30', COAST_ORG.id)).toContain('now posted daily at 07:30 UTC');
    expect(slack.calls('users.info').map(FakeSlackApi.tokenOf)).toEqual([COAST_ORG.token, COAST_ORG.token]);
    const workspaces = service.store.stores.slackWorkspaces;
    expect(await workspaces.workspaceOf(HARBOUR.channel)).toBe(COAST_ORG.id);
    expect(await workspaces.workspaceOf(VALLEY.channel)).toBe(COAST_ORG.id);

    // Scheduled posts in both workspaces go out with it too.
    clock.set('2025-06-11T07:31:00Z');
    const runs = (await service.scheduler.sweep()).runs.map((run) => [run.channel, run.outcome.status]);
    expect(runs.sort()).toEqual([
      [`chat-slack-${HARBOUR.channel}`, 'posted'],
      [`chat-slack-${VALLEY.channel}`, 'posted'],
    ]);
    expect(tokensBy('chat.postMessage')).toEqual({ [HARBOUR.channel]: [COAST_ORG.token], [VALLEY.channel]: [COAST_ORG.token] });

    // Uninstalled from the organization: the installation is gone and the channels of both workspaces pause.
    const uninstalled = await sendEvent(
      `${base()}/slack/events`,
      SIGNING_SECRET,
      HARBOUR.team,
      { type: 'app_uninstalled' },
      { enterprise: COAST_ORG.id },
    );
    expect(uninstalled.status).toBe(200);
    const chatChannels = service.store.stores.chatChannels;
    await until(
      async () =>
        (await chatChannels.get('slack', HARBOUR.channel))?.paused === true && (await chatChannels.get('slack', VALLEY.channel))?.paused === true,
      'both workspaces’ channels are paused',
    );
    expect(await installations().workspaces()).toEqual([]);
    expect(await typed(VALLEY, '/digest', '', COAST_ORG.id)).toBe(NOT_INSTALLED_ANSWER);
  });
});
