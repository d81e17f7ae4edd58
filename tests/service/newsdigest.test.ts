import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { interactionsPath } from '../../src/platforms/discord/http.js';
import { createService, type Service } from '../../src/service/service.js';
import { interactionKeys, sendInteraction } from '../hostile/signed-interaction.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { commandInteraction, fakeIds } from '../fakes/discord-gateway.js';
import { slashCommandAnswers } from '../fakes/signed-request.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { STORIES } from '../fakes/stories.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger } from '../scheduler/harness.js';

/**
 * `/newsdigest` through real Bolt and discord.js on the service's port, the platforms faked at the
 * network edge: who may change a channel's set-up, what is stored and recorded, what bad input gets.
 */

const SECRET = 'newsdigest-signing-secret';
const NOW = new Date('2026-11-27T12:00:00Z');
const CHAT_SLACK = 'C456';
const YAML_SLACK = 'C123';
const CHAT_DISCORD = '1200000000000000210';
const ADMIN = 'U0ADMIN';
const MEMBER = 'U0MEMBER';
/** Named in the config as set-up editors: a member, and a user group with one member. */
const EDITOR = 'U0EDITOR';
const DESK = 'S0DESK';
const DESK_MEMBER = 'U0DESKMEMBER';
const keys = interactionKeys();

const FEED = readFileSync(new URL('../sources/fixtures/rss2.xml', import.meta.url), 'utf8');

let web: WebServer;
let feedUrl: string;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let dir: string;
let service: Service;
let base: string;

beforeAll(async () => {
  web = await WebServer.start();
  const rss = { headers: { 'content-type': 'application/rss+xml' }, body: FEED };
  web.route('/feed.xml', rss).route('/world.rss', rss);
  feedUrl = web.url('/feed.xml');
  web.route('/site', {
    headers: { 'content-type': 'text/html' },
    body: `<html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" href="/world.rss"></head><body>Home</body></html>`,
  });
  web.route('/plain', { headers: { 'content-type': 'text/html' }, body: '<html><head><title>Plain</title></head><body>No feed here.</body></html>' });
  slack = await FakeSlackApi.start();
  slack.admins.add(ADMIN);
  slack.userGroups.set(DESK, [DESK_MEMBER]);
  discord = await new FakeDiscordApi().start();
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-setup-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'bridge.txt'), STORIES.bridge);
  const config = parseConfig(
    {
      sources: [{ id: 'local', type: 'files', path: join(dir, 'articles') }],
      channels: [{ id: 'harbour', platform: 'slack', channel: YAML_SLACK, schedule: '0 8 * * *', timeZone: 'UTC' }],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      discord: { mode: 'http' },
      slack: { setupEditors: { users: [EDITOR], userGroups: [DESK] } },
      scheduler: { catchUpHours: 0 },
    },
    'set-up test config',
  );
  service = await createService(
    config,
    {
      slackBotToken: slack.botToken,
      slackSigningSecret: SECRET,
      slackApiUrl: slack.apiUrl,
      discordToken: 'setup-token',
      discordApplicationId: fakeIds.application,
      discordPublicKey: keys.publicKeyHex,
      discordApiUrl: discord.apiUrl,
    },
    // The test's feeds are served on loopback.
    { logger: recordingLogger().logger, cron: false, port: 0, host: '127.0.0.1', clock: { now: () => NOW }, allowLoopbackFetch: true },
  );
  await service.start();
  base = `http://127.0.0.1:${service.port()}`;
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
  await discord?.close();
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Types `/newsdigest <text>` in a Slack channel as a user; returns the answer's text. */
async function slackSetup(user: string, channelId: string, text: string): Promise<string> {
  const answers = await slashCommandAnswers(slack, `${base}/slack/events`, SECRET, { command: '/newsdigest', text, channel: channelId, user });
  return answers.map((r) => String(r.text)).join('\n');
}

/** `/newsdigest <subcommand>` from a Discord member with these permissions in the channel (a bitfield). */
async function discordSetup(permissions: string, subcommand: string, options: Record<string, string> = {}, appPermissions?: string): Promise<string> {
  const base0 = commandInteraction('newsdigest');
  const interaction = {
    ...base0,
    channel_id: CHAT_DISCORD,
    channel: { ...base0.channel, id: CHAT_DISCORD },
    member: { ...base0.member, permissions },
    app_permissions: appPermissions ?? base0.app_permissions,
    data: {
      ...base0.data,
      options: [{ name: subcommand, type: 1, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }],
    },
  };
  const response = await sendInteraction(`${base}${interactionsPath}`, keys.privateKey, interaction, NOW.getTime() / 1000);
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { type: number; data?: { content?: string; embeds?: { description?: string }[] } };
  if (answer.type === 5) await discord.waitFor((r) => r.path.includes(interaction.token));
  return JSON.stringify([answer, ...discord.requests.filter((r) => r.path.includes(interaction.token)).map((r) => r.body)]);
}

const chatChannels = () => service.store.stores.chatChannels;

describe('/newsdigest on Slack', () => {
  it('an admin subscribes, schedules, pauses and resumes; each change is stored and recorded', async () => {
    // The feed is fetched once: its title and latest headlines are shown.
    expect(await slackSetup(ADMIN, CHAT_SLACK, `subscribe ${feedUrl}`)).toContain(
      `Subscribed this channel to ${feedUrl} “Harbor Town Gazette &amp; Courier”; its latest: • Ferry service to Gull Island resumes after storm – council confirms`,
    );
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'schedule 07:30 Europe/Paris weekdays')).toContain(
      'now posted weekdays at 07:30 Europe/Paris; next Mon 30 Nov 07:30 Europe/Paris',
    );
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'filter ferry, pier')).toContain('now takes only stories with “ferry” or “pier”');
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'max 5')).toContain('now shows at most 5 stories');
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'pause')).toContain('Paused');
    expect((await chatChannels().get('slack', CHAT_SLACK))?.paused).toBe(true);
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'resume')).toContain('Resumed: the next digest is Mon 30 Nov 07:30 Europe/Paris');

    expect(await chatChannels().get('slack', CHAT_SLACK)).toMatchObject({
      sources: [feedUrl],
      schedule: '30 7 * * 1-5',
      timeZone: 'Europe/Paris',
      keywords: ['ferry', 'pier'],
      maxItems: 5,
      paused: false,
      updatedBy: `slack:${ADMIN}`,
      // The workspace the command came from (its team_id): the channel's tenant.
      tenant: 'T123',
    });
    expect((await chatChannels().changes('slack', CHAT_SLACK, 10)).map((c) => [c.action, c.actor])).toEqual([
      ['resume', `slack:${ADMIN}`],
      ['pause', `slack:${ADMIN}`],
      ['max', `slack:${ADMIN}`],
      ['filter', `slack:${ADMIN}`],
      ['schedule', `slack:${ADMIN}`],
      ['subscribe', `slack:${ADMIN}`],
    ]);
    const status = await slackSetup(MEMBER, CHAT_SLACK, 'status');
    expect(status).toContain('Next digest: Mon 30 Nov 07:30 Europe/Paris (weekdays at 07:30 Europe/Paris)');
    expect(status).toContain(`Last change: resume, by slack:${ADMIN} at 2026-11-27T12:00:00.000Z`);
    expect(await slackSetup(MEMBER, CHAT_SLACK, 'sources')).toBe(`1. ${feedUrl} (not fetched yet: it is read before the next digest)`);
    // A cron expression decides the days; it is stored as written and used for the next run.
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'schedule 07:30 Europe/Paris 30 7 * * 1,3,5')).toContain(
      'now posted “30 7 * * 1,3,5” (Europe/Paris); next Mon 30 Nov 07:30 Europe/Paris',
    );
    expect((await chatChannels().get('slack', CHAT_SLACK))?.schedule).toBe('30 7 * * 1,3,5');
    expect(await slackSetup(ADMIN, CHAT_SLACK, 'schedule 07:30 Europe/Paris weekdays')).toContain('now posted weekdays at 07:30');
  });

  it('a member who is not an admin is refused, and nothing changes', async () => {
    const before = await chatChannels().changes('slack', CHAT_SLACK, 100);
    expect(await slackSetup(MEMBER, CHAT_SLACK, 'subscribe https://other.example/rss')).toBe(
      'Only workspace admins and owners, and the people the operator named, can change this channel’s digest; /newsdigest status shows it to everyone.',
    );
    expect(await chatChannels().changes('slack', CHAT_SLACK, 100)).toEqual(before);
  });

  it.each([
    ['a member the config names', EDITOR],
    ['a member of a user group the config names', DESK_MEMBER],
  ])('%s may change the set-up without being an admin', async (_who, user) => {
    expect(await slackSetup(user, CHAT_SLACK, 'pause')).toContain('Paused: this channel gets no digest');
    expect((await chatChannels().changes('slack', CHAT_SLACK, 1))[0]).toMatchObject({ actor: `slack:${user}`, action: 'pause' });
    await slackSetup(ADMIN, CHAT_SLACK, 'resume');
  });

  it.each([
    [
      'a malformed URL',
      'subscribe not a url',
      'Not subscribed: “not a url” is not a URL: give the address of a feed, page or site, starting with https://.',
    ],
    [
      'a private address',
      'subscribe http://192.168.1.10/feed',
      'Not subscribed: http://192.168.1.10/feed: 192.168.1.10 is not a public address; newsdigest only fetches public addresses.',
    ],
    ['not http', 'subscribe ftp://files.example/feed', 'Not subscribed: ftp addresses cannot be sources'],
    ['a source already subscribed', 'subscribe FEED', 'is already a source of this channel'],
    ['a page with no feed', 'subscribe PLAIN', 'is neither a feed nor a page that names one'],
    ['an unknown zone', 'schedule 07:30 Mars/Olympus', 'Not changed: “Mars/Olympus” is not a time zone'],
    ['25:00', 'schedule 25:00', 'Not changed: “25:00” is not a time'],
    ['a bad cron expression', 'schedule 07:30 UTC 30 7 * 13 *', 'Not changed: “30 7 * 13 *” is not a cron expression: '],
    ['a cron expression of 4 fields', 'schedule 07:30 30 7 * *', 'Not changed: “30 7 * *” is not a cron expression of 5 fields'],
    ['a cron expression at another time', 'schedule 07:30 0 8 * * 1', 'Not changed: “0 8 * * 1” does not fire at 07:30'],
    ['a source that is not subscribed', 'unsubscribe 7', 'Not unsubscribed: “7” is not a source of this channel'],
    ['an empty filter', 'filter', 'Not changed: give the words a story must contain'],
    ['max 0', 'max 0', 'Not changed: give a number of stories from 1 to 50'],
    ['max of words', 'max many', 'Usage: /newsdigest'],
    [
      'an unknown subcommand',
      'frobnicate',
      'Usage: /newsdigest &lt;status|sources|subscribe|unsubscribe|schedule|filter|max|pause|resume|help&gt; …',
    ],
  ])('bad input, %s: a one-line reply, nothing changed', async (_case, text, reply) => {
    const before = await chatChannels().get('slack', CHAT_SLACK);
    const answer = await slackSetup(ADMIN, CHAT_SLACK, text.replace('FEED', feedUrl).replace('PLAIN', web.url('/plain')));
    expect(answer).toContain(reply);
    expect(answer).not.toContain('\n');
    expect(await chatChannels().get('slack', CHAT_SLACK)).toEqual(before);
  });

  it('a channel the bot is not in is refused when set up, not at its first digest', async () => {
    expect(await slackSetup(ADMIN, 'C999', `subscribe ${feedUrl}`)).toBe(
      'Nothing changed: newsdigest is not in this channel: invite it with /invite @newsdigest, then try again.',
    );
    expect(await chatChannels().get('slack', 'C999')).toBeNull();
  });

  it('help answers everyone, anywhere', async () => {
    // Slack shows "<" and ">" escaped in the message text.
    expect(await slackSetup(MEMBER, 'D0123', 'help')).toContain(
      '/newsdigest schedule &lt;HH:MM&gt; [time zone] [daily|weekdays|&lt;cron: minute hour day month weekday&gt;]',
    );
    expect(await slackSetup(MEMBER, 'D0123', '')).toContain('/newsdigest subscribe &lt;feed or page URL&gt;');
  });

  it('a channel of the config file can be viewed but is managed there', async () => {
    expect(await slackSetup(MEMBER, YAML_SLACK, 'status')).toContain(
      'This channel’s digest (“harbour”) is managed in the operator’s config file. Schedule: daily at 08:00 UTC',
    );
    expect(await slackSetup(ADMIN, YAML_SLACK, 'pause')).toBe(
      'This channel’s digest (“harbour”) is managed in the operator’s config file; ask the operator to change it there.',
    );
    expect(await chatChannels().get('slack', YAML_SLACK)).toBeNull();
  });
});

describe('/newsdigest on Discord: the member’s permissions in the channel decide', () => {
  const MANAGE_CHANNELS = String(1 << 4);
  const SEND_ONLY = String(1 << 11);

  it('a member with Manage Channels subscribes; one without is refused', async () => {
    // A site's page names its feed: the feed is what is subscribed.
    expect(await discordSetup(MANAGE_CHANNELS, 'subscribe', { url: web.url('/site') })).toContain(
      `Subscribed this channel to ${web.url('/world.rss')}`,
    );
    expect(await discordSetup(SEND_ONLY, 'pause')).toContain('Only members who can manage this channel (Manage Channels) can change its digest');
    expect(await chatChannels().get('discord', CHAT_DISCORD)).toMatchObject({
      sources: [web.url('/world.rss')],
      paused: false,
      updatedBy: `discord:${fakeIds.user}`,
    });
    // Discord's renderer escapes "1." so that it is not read as a list.
    expect(await discordSetup(SEND_ONLY, 'sources')).toContain(`1\\\\. ${web.url('/world.rss')}`);
    expect(await discordSetup(MANAGE_CHANNELS, 'schedule', { time: '06:05', zone: 'Asia/Tokyo' })).toContain('now posted daily at 06:05 Asia/Tokyo');
    expect(await chatChannels().get('discord', CHAT_DISCORD)).toMatchObject({ schedule: '5 6 * * *', timeZone: 'Asia/Tokyo' });
    // Discord's cron option: the days of a 5-field cron expression, at the time given.
    expect(await discordSetup(MANAGE_CHANNELS, 'schedule', { time: '06:05', cron: '* * 1,15 * *' })).toContain(
      // Discord's renderer escapes "*" so that it is not read as emphasis.
      'now posted “5 6 1,15 \\\\* \\\\*” (Asia/Tokyo); next Tue 1 Dec 06:05 Asia/Tokyo',
    );
    expect(await discordSetup(MANAGE_CHANNELS, 'schedule', { time: '06:05', cron: '5 6 * * 8-9' })).toContain(
      'Not changed: “5 6 \\\\* \\\\* 8-9” is not a cron expression: ',
    );
    expect(await chatChannels().get('discord', CHAT_DISCORD)).toMatchObject({ schedule: '5 6 1,15 * *', timeZone: 'Asia/Tokyo' });
  });

  it('a channel where the bot may not send messages is refused when set up', async () => {
    const viewOnly = String(1 << 10);
    const answer = await discordSetup(MANAGE_CHANNELS, 'subscribe', { url: web.url('/site') }, viewOnly);
    expect(answer).toContain(
      'Nothing changed: newsdigest cannot post in this channel: give its role View Channel, Send Messages and Embed Links here, then try again.',
    );
    expect((await chatChannels().get('discord', CHAT_DISCORD))?.sources).toEqual([web.url('/world.rss')]);
  });
});
