import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/service/service.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { FaultyProxy, type ProxyMode } from './faulty-proxy.js';
import { channelConfig, DATE, fastSlack, FIRE, workspace } from './harness.js';

/**
 * The whole service posting its scheduled digest to Slack while the Slack Web API misbehaves for
 * a while: the real Bolt app and WebClient talk to the fake Slack through a proxy that can hang
 * or reset connections. Whatever the fault, once it is over the digest is in the channel once.
 */

const KEY = { channelId: 'newsroom', date: DATE };
let slack: FakeSlackApi;
let proxy: FaultyProxy;
let space: ReturnType<typeof workspace>;
let service: Service;
let clock: TestClock;
let lines: ReturnType<typeof recordingLogger>['lines'];

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  proxy = await FaultyProxy.start(slack.port);
  space = workspace();
  clock = new TestClock(new Date('2025-04-26T07:00:00Z'));
  const recorded = recordingLogger();
  lines = recorded.lines;
  service = await createService(
    channelConfig('slack', 'C123', space),
    { slackBotToken: slack.botToken, slackSigningSecret: 'fault-secret', slackApiUrl: proxy.via(slack.apiUrl) },
    { clock, logger: recorded.logger, cron: false, platformFactories: { slack: fastSlack } },
  );
  expect((await service.start()).runs).toEqual([]); // an hour before the fire: nothing due
});

afterEach(async () => {
  await service.stop();
  await proxy.close();
  await slack.close();
  space.dispose();
});

/** Top-level digest messages in the channel (a long digest continues in its thread). */
const digestsInChannel = () => slack.messages.filter((m) => m.channel === 'C123' && !m.thread_ts);

/** Fires the schedule during the fault, ends the fault, then sweeps as the minute sweep would until it is posted. */
async function fireThroughFault(startFault: () => void, endFault: () => void) {
  startFault();
  clock.set(FIRE);
  const during = await service.scheduler.sweep();
  expect(during.runs.map((r) => r.outcome.status)).toEqual(['failed']);
  expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'failed', attempts: 1 });
  const logged = lines.find((l) => l.level === 50 && l.channel === 'newsroom');
  expect(logged?.msg).toMatch(/^could not post the digest to channel newsroom \(.*Slack.*\); trying again in 30 s$/);

  // Still failing on the first retry, 30 s later: the wait doubles.
  clock.advance(30_000);
  expect((await service.scheduler.sweep()).runs.map((r) => r.outcome.status)).toEqual(['failed']);
  endFault();
  clock.advance(30_000);
  expect((await service.scheduler.sweep()).runs).toEqual([]); // back-off: 60 s after the second failure
  clock.advance(30_000);
  expect((await service.scheduler.sweep()).runs.map((r) => r.outcome.status)).toEqual(['posted']);
  // Later sweeps and a manual post find it posted.
  clock.advance(60_000);
  await service.scheduler.sweep();
  expect(await service.postNow('newsroom', { date: DATE })).toEqual({ status: 'skipped', reason: 'posted' });

  expect(digestsInChannel()).toHaveLength(1);
  const delivery = await service.store.getDelivery(KEY);
  expect(delivery).toMatchObject({ status: 'posted', attempts: 3, messageIds: [digestsInChannel()[0]!.ts] });
  expect(digestsInChannel()[0]!.metadata?.event_payload).toMatchObject({ delivery_key: 'newsdigest:newsroom:2025-04-26' });
}

describe('Slack misbehaving at post time: delivered once after recovery', () => {
  it('429 rate limits for a while', async () => {
    // Each attempt is the WebClient's call plus its two retries, each one waiting out Retry-After.
    await fireThroughFault(
      () => slack.failNext('chat.postMessage', { status: 429, retryAfter: 0 }, 2 * 3),
      () => undefined,
    );
    expect(slack.calls('chat.postMessage')).toHaveLength(2 * 3 + 1);
    expect(lines.find((l) => l.level === 50 && l.channel === 'newsroom')?.msg).toContain('rate limit');
  });

  it('HTTP 500 for a while', async () => {
    await fireThroughFault(
      () => slack.failNext('chat.postMessage', { status: 500 }, 2 * 3),
      () => undefined,
    );
    expect(slack.calls('chat.postMessage')).toHaveLength(2 * 3 + 1);
  });

  it.each<[string, ProxyMode]>([
    ['a Slack that hangs without answering', 'hang'],
    ['connections reset', 'reset'],
  ])('%s for a while', async (_name, mode) => {
    await fireThroughFault(
      () => proxy.setMode(mode),
      () => proxy.setMode('pass'),
    );
    // Nothing got through during the fault: the one post is the one after it.
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });

  /**
   * Slack received chat.postMessage but its answer is lost (a timeout or a reset after the request
   * went out): the poster never re-posts blindly; it and the scheduler's retry look for the
   * message by its delivery key (metadata) first, so the channel gets the digest once.
   */
  it('answers lost after Slack posted (timeouts) for a while', async () => {
    await fireThroughFault(
      () => proxy.setMode('drop-responses'),
      () => proxy.setMode('pass'),
    );
  });
});

describe('a failure only the user can fix', () => {
  async function foreignChannelService(lines?: ReturnType<typeof recordingLogger>) {
    const { logger } = lines ?? recordingLogger();
    return createService(
      channelConfig('slack', 'C999', space, { storage: { sqlitePath: `${space.sqlitePath}-foreign` } }),
      { slackBotToken: slack.botToken, slackSigningSecret: 'fault-secret', slackApiUrl: slack.apiUrl },
      { clock, logger, cron: false, connect: false, http: false, platformFactories: { slack: fastSlack } },
    );
  }

  it('names the channel and says what to do', async () => {
    const recorded = recordingLogger();
    const foreign = await foreignChannelService(recorded);
    try {
      clock.set(FIRE);
      const report = await foreign.scheduler.sweep();
      expect(report.runs.map((r) => r.outcome)).toEqual([{ status: 'failed', retryable: false, error: expect.stringContaining('C999') }]);
      const logged = recorded.lines.find((l) => l.level === 50 && l.channel === 'newsroom');
      expect(logged?.msg).toBe(
        'could not post the digest to channel newsroom: Slack channel C999: the bot is not a member (not_in_channel): invite it with /invite @newsdigest. ' +
          'Fix the channel or token in the config/environment; trying again in 1800 s',
      );
      expect(slack.messages).toEqual([]);
    } finally {
      await foreign.stop();
    }
  });

  /**
   * A failure only a person can fix (a wrong channel) is retried after the 30 minutes the log
   * announces, not on the short schedule of an outage: the ledger keeps whether it was retryable.
   */
  it('waits the 30 minutes it announced before trying again', async () => {
    const foreign = await foreignChannelService();
    try {
      clock.set(FIRE);
      await foreign.scheduler.sweep();
      const calls = slack.calls('chat.postMessage').length;
      clock.advance(5 * 60_000);
      await foreign.scheduler.sweep();
      expect(slack.calls('chat.postMessage')).toHaveLength(calls);
    } finally {
      await foreign.stop();
    }
  });
});
