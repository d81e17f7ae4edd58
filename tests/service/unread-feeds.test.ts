import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createSlackPlatform } from '../../src/platforms/slack/app.js';
import { createService, type Service } from '../../src/service/service.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { rssFeed } from '../fakes/rss-feed.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { WebServer } from '../fakes/web-server.js';
import { postingOnlyPlatform } from '../platforms/discord/setup.js';
import { FAST_RETRY, postingOnlyContext } from '../platforms/slack/helpers.js';
import { recordingLogger, sqliteDatabase, TestClock, type TestDatabase } from '../scheduler/harness.js';

/**
 * A feed that cannot be read when the digests are built: every channel's digest (terminal, Slack,
 * Discord) says so in one plain line, and once the feed answers again its stories come in the next
 * digest. Real service, real store, real feed fetching from 127.0.0.1, real Slack and Discord
 * publishers against their fake APIs.
 */

const SLACK_CHANNEL = 'C123';
const DISCORD_CHANNEL = '1100000000000000042';
const NOTE = 'Not in this digest: feed “city-news” could not be read (timed out); its latest stories follow in the next digest once it can be read.';

const HARBOUR = rssFeed('Harbour Post', {
  title: 'Harbour cranes return to work after repairs',
  paragraphs: ['The two harbour cranes returned to work on Friday after a month of repairs, the port office said.', 'Ships had waited up to a day.'],
});
const CITY = rssFeed('City News', {
  title: 'Tram line to the old town opens in spring',
  paragraphs: ['The new tram line to the old town will open in spring, the city council said on Friday.', 'Work on the last stop is nearly done.'],
});

let web: WebServer;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let db: TestDatabase;
let service: Service;
let printed: string[];
let clock: TestClock;

beforeEach(async () => {
  web = await WebServer.start();
  slack = await FakeSlackApi.start();
  discord = await new FakeDiscordApi().start();
  discord.channels.add(DISCORD_CHANNEL);
  db = await sqliteDatabase();
  clock = new TestClock(new Date('2026-11-27T08:00:00Z'));
  printed = [];
  const stdout = new Writable({
    write: (chunk, _encoding, done) => {
      printed.push(chunk.toString());
      done();
    },
  });
  const daily = { schedule: '0 8 * * *', timeZone: 'UTC', sources: ['city-news', 'harbour'] };
  const config = parseConfig(
    {
      sources: [
        { id: 'city-news', type: 'feed', url: web.url('/city.xml'), backfill: 5, pollMinutes: 10 },
        { id: 'harbour', type: 'feed', url: web.url('/harbour.xml'), backfill: 5, pollMinutes: 10 },
      ],
      channels: [
        { id: 'desk', platform: 'terminal', channel: 'stdout', ...daily },
        { id: 'newsroom', platform: 'slack', channel: SLACK_CHANNEL, ...daily },
        { id: 'crew', platform: 'discord', channel: DISCORD_CHANNEL, ...daily },
      ],
      // Long enough for the working feed on a busy machine; the silent one gives up after it.
      fetch: { timeoutMs: 1500 },
      scheduler: { catchUpHours: 0 },
    },
    'unread feeds test config',
  );
  const slackPublisher = createSlackPlatform({
    botToken: slack.botToken,
    signingSecret: 'test-signing-secret',
    mode: 'http',
    apiUrl: slack.apiUrl,
    context: postingOnlyContext,
    logger: recordingLogger().logger,
    retry: FAST_RETRY,
    minIntervalMs: 0,
  });
  service = await createService(
    config,
    {
      slackBotToken: slack.botToken,
      slackSigningSecret: 'test-signing-secret',
      discordToken: 'test-token',
      discordApplicationId: discord.botUser.id,
    },
    {
      store: await db.open(),
      clock,
      logger: recordingLogger().logger,
      cron: false,
      http: false,
      stdout,
      allowLoopbackFetch: true,
      publishers: { slack: slackPublisher, discord: postingOnlyPlatform(discord) },
    },
  );
});

afterEach(async () => {
  await service.stop();
  await db.dispose();
  await discord.close();
  await slack.close();
  await web.close();
});

/** What each channel received on its platform, as text (whitespace collapsed: the terminal wraps). */
function received(): { terminal: string; slack: string; discord: string } {
  return {
    terminal: printed.join('').replace(/\s+/g, ' '),
    slack: JSON.stringify(slack.messages.map((message) => message.blocks)),
    discord: JSON.stringify(discord.messages.get(DISCORD_CHANNEL) ?? []),
  };
}

describe('a feed that cannot be read when the digests are built', () => {
  it('is named in every channel’s digest in plain words, and its stories come in the next digest once a poll reads it', async () => {
    // The city feed never answers (the fetch gives up after its time limit); the harbour feed works.
    web.route('/city.xml', () => undefined);
    web.route('/harbour.xml', { headers: { 'content-type': 'application/rss+xml' }, body: HARBOUR });

    const first = await service.scheduler.sweep();
    expect(first.runs.map((run) => run.outcome.status)).toEqual(['posted', 'posted', 'posted']);
    // The three digests shared one read of the feed: a failing feed is not asked again for each.
    expect(web.requestsFor('/city.xml')).toHaveLength(1);

    const day1 = received();
    expect(day1.terminal).toContain(NOTE);
    expect(day1.terminal).toContain('Harbour cranes return to work after repairs');
    const slackNote = (slack.messages[0]!.blocks as { type: string; elements?: { text: string }[] }[]).find(
      (block) => block.type === 'context' && block.elements?.[0]?.text.includes('Not in this digest'),
    );
    expect(slackNote?.elements?.[0]?.text).toBe(`:warning: ${NOTE}`);
    expect(day1.slack).toContain('Harbour cranes return to work after repairs');
    const [discordHeader] = discord.messages.get(DISCORD_CHANNEL)!;
    expect(discordHeader!.content).toContain(`⚠️ ${NOTE}`);
    expect(day1.discord).toContain('Harbour cranes return to work after repairs');
    for (const text of Object.values(day1)) {
      // No address of the feed, and nothing of the error's internals.
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toMatch(/city\.xml|timed out after|could not be polled/);
      expect(text).not.toContain('Tram line to the old town');
    }

    // The feed answers again; the next minute tick past its back-off reads it into the store.
    web.route('/city.xml', { headers: { 'content-type': 'application/rss+xml' }, body: CITY });
    clock.set('2026-11-27T09:00:00Z');
    await service.pollFeeds();
    expect(await service.store.articlesSince(new Date(0), { sourceIds: ['city-news'] })).toHaveLength(1);

    // The next day's digests carry its story, and no note.
    printed.length = 0;
    slack.messages.length = 0;
    discord.messages.set(DISCORD_CHANNEL, []);
    clock.set('2026-11-28T08:00:00Z');
    const second = await service.scheduler.sweep();
    expect(second.runs.map((run) => run.outcome.status)).toEqual(['posted', 'posted', 'posted']);
    for (const text of Object.values(received())) {
      expect(text).toContain('Tram line to the old town opens in spring');
      expect(text).not.toContain('Not in this digest');
    }
  });

  it('keeps the note when a delivery is retried: the retry posts the digest as it was built', async () => {
    web.route('/city.xml', { status: 503, body: 'backend 10.1.2.3 unavailable' });
    web.route('/harbour.xml', { headers: { 'content-type': 'application/rss+xml' }, body: HARBOUR });
    // The bot is not in the Slack channel yet: that delivery fails and is tried again later.
    slack.channels.delete(SLACK_CHANNEL);
    const first = await service.scheduler.sweep();
    expect(first.runs.map((run) => run.outcome.status)).toEqual(['posted', 'failed', 'posted']);
    expect((await service.store.getDigest({ channelId: 'newsroom', date: '2026-11-27' }))?.unreadSources).toEqual([
      { name: 'city-news', reason: 'the site had an error' },
    ]);

    web.route('/city.xml', { headers: { 'content-type': 'application/rss+xml' }, body: CITY });
    slack.channels.add(SLACK_CHANNEL);
    clock.set('2026-11-27T08:31:00Z');
    const retry = await service.scheduler.sweep();
    expect(retry.runs.map((run) => run.outcome.status)).toEqual(['posted']);
    expect(received().slack).toContain('Not in this digest: feed “city-news” could not be read (the site had an error)');
    expect(received().slack).not.toMatch(/10\.1\.2\.3|503|unavailable|Tram line/);
  });
});
