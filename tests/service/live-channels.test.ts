import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { createService, type Service } from '../../src/service/service.js';
import { slashCommandAnswers } from '../fakes/signed-request.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';

/**
 * A channel set up from chat runs without a restart, on every replica: two services on one
 * database, the feed served on loopback, Slack faked at the network edge, the clock moved by hand.
 */

const SECRET = 'live-signing-secret';
const CHANNEL = 'C456';
const ADMIN = 'U0ADMIN';
const FEED = readFileSync(new URL('../sources/fixtures/rss2.xml', import.meta.url), 'utf8');

let slack: FakeSlackApi;
let web: WebServer;
let dir: string;
let clock: TestClock;
let config: Config;
const running: Service[] = [];

async function replica(http: boolean): Promise<Service> {
  const service = await createService(
    config,
    { slackBotToken: slack.botToken, slackSigningSecret: SECRET, slackApiUrl: slack.apiUrl },
    { clock, logger: recordingLogger().logger, cron: false, http, port: 0, host: '127.0.0.1', allowLoopbackFetch: true },
  );
  running.push(service);
  await service.start();
  return service;
}

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  slack.admins.add(ADMIN);
  web = await WebServer.start();
  web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: FEED });
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-live-'));
  clock = new TestClock(new Date('2025-06-11T06:00:00Z'));
  config = parseConfig({ sources: [], storage: { sqlitePath: join(dir, 'store.sqlite') }, scheduler: { catchUpHours: 0 } }, 'live test config');
});

afterEach(async () => {
  for (const service of running.splice(0)) await service.stop();
  await slack.close();
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The admin subscribed the channel to the test feed earlier, straight in the store: the feed is on
 * loopback, which /newsdigest subscribe refuses to users.
 */
async function subscribedEarlier(service: Service, schedule: string): Promise<void> {
  const now = clock.now().toISOString();
  await service.store.stores.chatChannels.save(
    {
      platform: 'slack',
      channel: CHANNEL,
      sources: [web.url('/feed.xml')],
      schedule,
      timeZone: 'UTC',
      keywords: [],
      maxItems: 10,
      paused: false,
      updatedAt: now,
      updatedBy: `slack:${ADMIN}`,
    },
    { actor: `slack:${ADMIN}`, at: now, action: 'subscribe', detail: web.url('/feed.xml') },
  );
}

async function slackSetup(service: Service, text: string): Promise<string> {
  const url = `http://127.0.0.1:${service.port()}/slack/events`;
  const answers = await slashCommandAnswers(slack, url, SECRET, { command: '/newsdigest', text, channel: CHANNEL, user: ADMIN });
  return answers.map((r) => String(r.text)).join('\n');
}

const postedTo = () => slack.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts);

describe('a channel set up from chat', () => {
  it('re-scheduled while two replicas run: the digest fires once at the new time; a restart changes nothing', async () => {
    const first = await replica(true);
    let second = await replica(false);
    await subscribedEarlier(first, '0 9 * * *');
    expect(await slackSetup(first, 'schedule 07:30')).toContain('now posted daily at 07:30 UTC');

    clock.set('2025-06-11T07:29:00Z');
    expect((await second.scheduler.sweep()).runs).toEqual([]);
    clock.set('2025-06-11T07:31:00Z');
    const runs = [...(await second.scheduler.sweep()).runs, ...(await first.scheduler.sweep()).runs];
    expect(runs.map((run) => [run.channel, run.outcome.status])).toEqual([[`chat-slack-${CHANNEL}`, 'posted']]);
    expect(postedTo()).toHaveLength(1);
    expect(JSON.stringify(postedTo()[0]!.blocks)).toContain('Ferry service to Gull Island resumes');

    // Its health: fetched for the digest, items stored.
    expect(await slackSetup(first, 'sources')).toMatch(
      new RegExp(`^1\\. ${web.url('/feed.xml').replace(/[.]/g, '\\.')} \\(last fetched 2025-06-11 07:31 UTC, \\d+ items? this week\\)$`),
    );

    // A restart of one replica, then the old time: nothing more.
    await second.stop();
    second = await replica(false);
    clock.set('2025-06-11T09:01:00Z');
    await first.scheduler.sweep();
    await second.scheduler.sweep();
    expect(postedTo()).toHaveLength(1);

    // /digest typed there answers with that channel's digest.
    const answers = await slashCommandAnswers(slack, `http://127.0.0.1:${first.port()}/slack/events`, SECRET, {
      command: '/digest',
      text: '',
      channel: CHANNEL,
    });
    expect(JSON.stringify(answers)).toContain('Ferry service to Gull Island resumes');
  });

  it('paused, posts nothing; resumed, posts at its time again', async () => {
    const service = await replica(true);
    await subscribedEarlier(service, '0 7 * * *');
    expect(await slackSetup(service, 'pause')).toContain('Paused');
    clock.set('2025-06-11T07:01:00Z');
    expect((await service.scheduler.sweep()).runs).toEqual([]);
    expect(postedTo()).toHaveLength(0);
    // The feed is not polled while no running channel reads it.
    expect(web.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(0);

    expect(await slackSetup(service, 'resume')).toContain('Resumed: the next digest is Thu 12 Jun 07:00 UTC');
    clock.set('2025-06-12T07:01:00Z');
    expect((await service.scheduler.sweep()).runs.map((run) => run.outcome.status)).toEqual(['posted']);
    expect(postedTo()).toHaveLength(1);
  });

  it('subscribed after the start, its feed is polled at the next feed tick, on a replica that never swept', async () => {
    const first = await replica(true);
    const second = await replica(false);
    await first.pollFeeds();
    expect(web.requestsFor('/feed.xml')).toHaveLength(0);
    await subscribedEarlier(first, '0 9 * * *');
    await second.pollFeeds();
    expect(web.requestsFor('/feed.xml')).toHaveLength(1);
    expect(await second.store.articlesSince(new Date(0))).not.toHaveLength(0);
  });

  it('set up while another replica runs the sweep, the channel’s /digest is answered on this one after its next feed tick', async () => {
    const sweeper = await replica(false);
    const answering = await replica(true);
    await subscribedEarlier(sweeper, '0 7 * * *');
    clock.set('2025-06-11T07:01:00Z');
    expect((await sweeper.scheduler.sweep()).runs.map((run) => run.outcome.status)).toEqual(['posted']);
    await answering.pollFeeds();
    const answers = await slashCommandAnswers(slack, `http://127.0.0.1:${answering.port()}/slack/events`, SECRET, {
      command: '/digest',
      text: '',
      channel: CHANNEL,
    });
    expect(JSON.stringify(answers)).toContain('Ferry service to Gull Island resumes');
  });

  it('once the config file names the channel, only the config file’s entry posts there', async () => {
    const first = await replica(true);
    await subscribedEarlier(first, '0 7 * * *');
    await first.stop();
    config = parseConfig(
      {
        sources: [],
        channels: [{ id: 'operators', platform: 'slack', channel: CHANNEL, schedule: '0 9 * * *' }],
        storage: { sqlitePath: join(dir, 'store.sqlite') },
        scheduler: { catchUpHours: 0 },
      },
      'live test config',
    );
    const second = await replica(false);
    clock.set('2025-06-11T07:01:00Z');
    expect((await second.scheduler.sweep()).runs).toEqual([]);
    expect(postedTo()).toHaveLength(0);
  });
});
