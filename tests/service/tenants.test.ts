import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createService, type Service } from '../../src/service/service.js';
import { FakeDiscordApi, type RecordedRequest } from '../fakes/discord-api.js';
import { FakeDiscordGateway, commandInteraction, fakeIds, inChannel } from '../fakes/discord-gateway.js';
import { slashCommandAnswers } from '../fakes/signed-request.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { rssFeed } from '../fakes/rss-feed.js';
import { subscribedEarlier } from '../fakes/chat-channels.js';

/**
 * One bot in two Discord servers, each with a channel called #news set up from chat with its own
 * feed: real discord.js on a fake gateway and REST API, the feeds on a fake web server. Neither
 * server sees the other's digests, stories, sources or settings; a server that removes the bot,
 * or a channel the bot can no longer reach, is paused.
 */

const NORTH = { guild: '1300000000000000100', channel: '1300000000000000200' };
const SOUTH = { guild: '1300000000000000101', channel: '1300000000000000201' };
const DM = '1300000000000000299';
const MANAGE_CHANNELS = String(1 << 4);
const SEND_ONLY = String(1 << 11);

const NORTH_FEED = rssFeed('North Shore Courier', {
  title: 'Harbour cranes return to Port Alder',
  paragraphs: [
    'Two cargo cranes returned to Port Alder on Monday after a year of repairs, the harbour office said.',
    'Dock workers expect shipping to pick up within weeks as the cranes move containers again.',
  ],
});
const SOUTH_FEED = rssFeed('Southern Valley Post', {
  title: 'Frost damages vineyards in Eastvale',
  paragraphs: [
    'A late frost damaged young vines across Eastvale overnight, growers said on Monday.',
    'The growers association expects a smaller harvest and asks for help with replanting.',
  ],
});

let web: WebServer;
let api: FakeDiscordApi;
let gateway: FakeDiscordGateway;
let service: Service;
let dir: string;
let lines: ReturnType<typeof recordingLogger>['lines'];
const clock = new TestClock(new Date('2026-03-10T06:00:00Z'));

beforeAll(async () => {
  web = await WebServer.start();
  web.route('/north.xml', { headers: { 'content-type': 'application/rss+xml' }, body: NORTH_FEED });
  web.route('/south.xml', { headers: { 'content-type': 'application/rss+xml' }, body: SOUTH_FEED });
  api = await new FakeDiscordApi().start();
  api.channels.add(NORTH.channel).add(SOUTH.channel);
  gateway = await new FakeDiscordGateway().start();
  api.gatewayUrl = gateway.url;
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-tenants-'));
  const config = parseConfig(
    { sources: [], storage: { sqlitePath: join(dir, 'store.sqlite') }, discord: { mode: 'gateway' }, scheduler: { catchUpHours: 0 } },
    'tenants test config',
  );
  const recording = recordingLogger();
  lines = recording.lines;
  service = await createService(
    config,
    { discordToken: 'tenants-token', discordApplicationId: fakeIds.application, discordApiUrl: api.apiUrl },
    { clock, logger: recording.logger, cron: false, http: false, allowLoopbackFetch: true },
  );
  await service.start();
  // Joining a server needs nothing from the operator: the globally registered commands work there.
  gateway.joinGuild({ id: NORTH.guild, name: 'North', channels: [{ id: NORTH.channel, name: 'news' }] });
  gateway.joinGuild({ id: SOUTH.guild, name: 'South', channels: [{ id: SOUTH.channel, name: 'news' }] });
});

afterAll(async () => {
  await service?.stop();
  await gateway?.close();
  await api?.close();
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Place = { guild: string; channel: string } | { dm: string };

/** Everything Discord was told in answer to one interaction: its callback, and the edit and follow-ups of a deferred one. */
async function answerTo(interaction: { token: string }): Promise<string> {
  const ofThis = (r: RecordedRequest) => r.path.includes(`/${interaction.token}`);
  const [callback] = await api.waitFor((r) => ofThis(r) && r.path.endsWith('/callback'));
  if (callback!.body.type === 5) await api.waitFor((r) => ofThis(r) && r.method === 'PATCH');
  return JSON.stringify(api.requests.filter(ofThis).map((r) => r.body));
}

function ask(place: Place, name: string, options: Record<string, string> = {}): Promise<string> {
  const interaction = inChannel(commandInteraction(name, options), 'dm' in place ? place : { ...place, permissions: SEND_ONLY });
  gateway.interaction(interaction);
  return answerTo(interaction);
}

function setUp(place: { guild: string; channel: string }, subcommand: string, options: Record<string, string> = {}): Promise<string> {
  const base = inChannel(commandInteraction('newsdigest'), { ...place, permissions: MANAGE_CHANNELS });
  const interaction = {
    ...base,
    data: {
      ...base.data,
      options: [{ name: subcommand, type: 1, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }],
    },
  };
  gateway.interaction(interaction);
  return answerTo(interaction);
}

const postedIn = (channel: string) => JSON.stringify(api.messages.get(channel) ?? []);

describe('two Discord servers, each with its own #news', () => {
  it('each server’s /newsdigest set-up is stored with its server', async () => {
    expect(await setUp(NORTH, 'subscribe', { url: web.url('/north.xml') })).toContain('Subscribed this channel');
    expect(await setUp(SOUTH, 'subscribe', { url: web.url('/south.xml') })).toContain('Subscribed this channel');
    const chatChannels = service.store.stores.chatChannels;
    expect(await chatChannels.get('discord', NORTH.channel)).toMatchObject({ tenant: NORTH.guild, sources: [web.url('/north.xml')] });
    expect(await chatChannels.get('discord', SOUTH.channel)).toMatchObject({ tenant: SOUTH.guild, sources: [web.url('/south.xml')] });
  });

  it('a channel set up before servers were recorded learns its server at the first command typed there', async () => {
    const older = { guild: NORTH.guild, channel: '1300000000000000202' };
    const chatChannels = service.store.stores.chatChannels;
    await subscribedEarlier(
      chatChannels,
      { platform: 'discord', channel: older.channel, sources: [web.url('/north.xml')], paused: true },
      clock.now(),
    );
    expect(await chatChannels.get('discord', older.channel)).toMatchObject({ tenant: '' });
    expect(await setUp(older, 'status')).toContain('Paused');
    await vi.waitFor(async () => expect(await chatChannels.get('discord', older.channel)).toMatchObject({ tenant: NORTH.guild }));
  });

  it('posts each server’s digest from its own feed only', async () => {
    clock.set('2026-03-10T08:01:00Z');
    const runs = (await service.scheduler.sweep()).runs;
    expect(runs.map((run) => run.outcome.status)).toEqual(['posted', 'posted']);
    expect(postedIn(NORTH.channel)).toContain('Harbour cranes return to Port Alder');
    expect(postedIn(NORTH.channel)).not.toContain('Eastvale');
    expect(postedIn(SOUTH.channel)).toContain('Frost damages vineyards in Eastvale');
    expect(postedIn(SOUTH.channel)).not.toContain('Port Alder');
  });

  it('/digest answers with the server’s own digest, either way', async () => {
    const north = await ask(NORTH, 'digest');
    expect(north).toContain('Harbour cranes return to Port Alder');
    expect(north).not.toContain('Eastvale');
    const south = await ask(SOUTH, 'digest');
    expect(south).toContain('Frost damages vineyards in Eastvale');
    expect(south).not.toContain('Port Alder');
  });

  it('/article <words> finds only what the server’s channels receive, either way', async () => {
    expect(await ask(NORTH, 'article', { query: 'frost vineyards' })).toContain('No stored story matches');
    expect(await ask(SOUTH, 'article', { query: 'frost vineyards' })).toContain('Frost damages vineyards in Eastvale');
    expect(await ask(SOUTH, 'article', { query: 'cranes' })).toContain('No stored story matches');
    expect(await ask(NORTH, 'article', { query: 'cranes' })).toContain('Harbour cranes return to Port Alder');
    // A DM belongs to no server: it reads only the operator's own sources (none here).
    expect(await ask({ dm: DM }, 'article', { query: 'cranes' })).toContain('No stored story matches');
  });

  it('/newsdigest status and sources show only the channel’s own server’s set-up, either way', async () => {
    const northStatus = await setUp(NORTH, 'status');
    expect(northStatus).toContain('north.xml');
    expect(northStatus).not.toContain('south.xml');
    const southSources = await setUp(SOUTH, 'sources');
    expect(southSources).toContain('south.xml');
    expect(southSources).not.toContain('north.xml');
  });

  it('a channel the bot can no longer see (403 Missing Access) is paused, logged and counted', async () => {
    api.hiddenChannels.add(SOUTH.channel);
    clock.set('2026-03-11T08:01:00Z');
    const runs = (await service.scheduler.sweep()).runs;
    expect(runs.map((run) => [run.channel, run.outcome.status])).toEqual([
      [`chat-discord-${NORTH.channel}`, 'posted'],
      [`chat-discord-${SOUTH.channel}`, 'failed'],
    ]);
    expect(await service.store.stores.chatChannels.get('discord', SOUTH.channel)).toMatchObject({ paused: true, updatedBy: 'newsdigest' });
    expect(await service.store.stores.chatChannels.get('discord', NORTH.channel)).toMatchObject({ paused: false });
    expect(lines.some((line) => line.msg.includes(`paused 1 chat channel (${SOUTH.channel})`))).toBe(true);
    expect(await service.metrics.registry.getSingleMetricAsString('newsdigest_channels_paused_total')).toContain(
      'newsdigest_channels_paused_total{platform="discord",cause="channel"} 1',
    );
  });

  it('removed from a server (GUILD_DELETE), the bot pauses that server’s channels, and posts nothing there', async () => {
    gateway.removeFromGuild(NORTH.guild);
    await vi.waitFor(async () =>
      expect(await service.store.stores.chatChannels.get('discord', NORTH.channel)).toMatchObject({ paused: true, updatedBy: 'newsdigest' }),
    );
    expect((await service.store.stores.chatChannels.changes('discord', NORTH.channel, 1))[0]).toMatchObject({
      action: 'pause',
      detail: `the bot was removed from server ${NORTH.guild}`,
    });
    expect(await service.metrics.registry.getSingleMetricAsString('newsdigest_channels_paused_total')).toContain(
      'newsdigest_channels_paused_total{platform="discord",cause="server"} 1',
    );
    const posted = api.messages.get(NORTH.channel)?.length;
    clock.set('2026-03-12T08:01:00Z');
    expect((await service.scheduler.sweep()).runs).toEqual([]);
    expect(api.messages.get(NORTH.channel)?.length).toBe(posted);
  });
});

describe('two Slack workspaces on one app', () => {
  const SECRET = 'tenants-signing-secret';
  const WORKSPACES = { north: { team: 'T0NORTH', channel: 'C0NORTH' }, south: { team: 'T0SOUTH', channel: 'C0SOUTH' } };
  let slack: FakeSlackApi;
  let slackService: Service;
  let slackDir: string;
  let url: string;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    slackDir = mkdtempSync(join(tmpdir(), 'newsdigest-tenants-slack-'));
    slackService = await createService(
      parseConfig({ sources: [], storage: { sqlitePath: join(slackDir, 'store.sqlite') }, scheduler: { catchUpHours: 0 } }, 'slack tenants config'),
      { slackBotToken: slack.botToken, slackSigningSecret: SECRET, slackApiUrl: slack.apiUrl },
      { clock, logger: recordingLogger().logger, cron: false, http: true, port: 0, host: '127.0.0.1', allowLoopbackFetch: true },
    );
    await slackService.start();
    url = `http://127.0.0.1:${slackService.port()}/slack/events`;
    for (const [place, feed] of [
      [WORKSPACES.north, '/north.xml'],
      [WORKSPACES.south, '/south.xml'],
    ] as const) {
      await subscribedEarlier(
        slackService.store.stores.chatChannels,
        { platform: 'slack', channel: place.channel, tenant: place.team, sources: [web.url(feed)], updatedBy: 'slack:U1' },
        clock.now(),
      );
    }
    // The minute tick reads both workspaces' feeds.
    await slackService.pollFeeds();
  });

  afterAll(async () => {
    await slackService?.stop();
    await slack?.close();
    rmSync(slackDir, { recursive: true, force: true });
  });

  const article = async (team: string, channel: string, words: string) =>
    JSON.stringify(await slashCommandAnswers(slack, url, SECRET, { command: '/article', text: words, channel, team }));

  it('/article <words> in a workspace finds only what its channels receive, in its channels and its DMs', async () => {
    expect(await article(WORKSPACES.north.team, WORKSPACES.north.channel, 'cranes')).toContain('Harbour cranes return to Port Alder');
    expect(await article(WORKSPACES.north.team, WORKSPACES.north.channel, 'frost vineyards')).toContain('No stored story matches');
    expect(await article(WORKSPACES.south.team, 'D0SOUTHDM', 'frost vineyards')).toContain('Frost damages vineyards in Eastvale');
    expect(await article(WORKSPACES.south.team, 'D0SOUTHDM', 'cranes')).toContain('No stored story matches');
  });
});
