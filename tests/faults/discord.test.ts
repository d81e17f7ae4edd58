import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryRef } from '../../src/platforms/discord/post.js';
import { createService, type Service } from '../../src/service/service.js';
import { FakeDiscordApi, rateLimited } from '../fakes/discord-api.js';
import { fakeIds } from '../fakes/discord-gateway.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { FaultyProxy, type ProxyMode } from './faulty-proxy.js';
import { channelConfig, DATE, fastDiscord, FIRE, workspace } from './harness.js';

/**
 * The whole service posting its scheduled digest to Discord while the Discord REST API misbehaves
 * for a while: the real discord.js REST client talks to the fake Discord through a proxy that can
 * hang or reset connections. Once the fault is over the digest is in the channel once.
 */

const CHANNEL = fakeIds.channel;
const KEY = { channelId: 'newsroom', date: DATE };
const MESSAGES_PATH = `/channels/${CHANNEL}/messages`;
/** discord.js tries a request 1 + 3 times (its default `retries`) before giving up. */
const TRIES_PER_POST = 4;

let api: FakeDiscordApi;
let proxy: FaultyProxy;
let space: ReturnType<typeof workspace>;
let service: Service;
let clock: TestClock;
let lines: ReturnType<typeof recordingLogger>['lines'];

beforeEach(async () => {
  api = await new FakeDiscordApi().start();
  api.channels.add(CHANNEL);
  proxy = await FaultyProxy.start(Number(new URL(api.apiUrl).port));
  space = workspace();
  clock = new TestClock(new Date('2025-04-26T07:00:00Z'));
  const recorded = recordingLogger();
  lines = recorded.lines;
  const publicKey = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  service = await createService(
    channelConfig('discord', CHANNEL, space, { discord: { mode: 'http' } }),
    { discordToken: 'fault-token', discordApplicationId: fakeIds.application, discordPublicKey: publicKey, discordApiUrl: proxy.via(api.apiUrl) },
    { clock, logger: recorded.logger, cron: false, port: 0, host: '127.0.0.1', platformFactories: { discord: fastDiscord(publicKey) } },
  );
  expect((await service.start()).runs).toEqual([]);
});

afterEach(async () => {
  await service.stop();
  await proxy.close();
  await api.close();
  space.dispose();
});

const digestsInChannel = () => api.messages.get(CHANNEL) ?? [];

/** Fires during the fault (one failed attempt), ends it, and sweeps after the back-off until posted. */
async function fireThroughFault(startFault: () => void, endFault: () => void) {
  startFault();
  clock.set(FIRE);
  expect((await service.scheduler.sweep()).runs.map((r) => r.outcome.status)).toEqual(['failed']);
  expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'failed', attempts: 1 });
  const logged = lines.find((l) => l.level === 50 && l.channel === 'newsroom');
  expect(logged?.msg).toMatch(new RegExp(`^could not post the digest to channel newsroom \\(.*channel ${CHANNEL}.*\\); trying again in 30 s$`));
  endFault();
  clock.advance(30_000);
  expect((await service.scheduler.sweep()).runs.map((r) => r.outcome.status)).toEqual(['posted']);
  clock.advance(60_000);
  await service.scheduler.sweep();
  expect(await service.postNow('newsroom', { date: DATE })).toEqual({ status: 'skipped', reason: 'posted' });

  expect(digestsInChannel()).toHaveLength(1);
  const [message] = digestsInChannel();
  expect(message!.content.split('\n')).toContain(`-# ref ${deliveryRef('newsdigest:newsroom:2025-04-26')}`);
  expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 2, messageIds: [message!.id] });
}

describe('Discord misbehaving at post time: delivered once after recovery', () => {
  it('429 rate limits are waited out within the post: delivered on the first attempt', async () => {
    for (let i = 0; i < 5; i++) api.failNext(rateLimited(MESSAGES_PATH, 0.02));
    clock.set(FIRE);
    expect((await service.scheduler.sweep()).runs.map((r) => r.outcome.status)).toEqual(['posted']);
    expect(api.requestsTo('POST', MESSAGES_PATH)).toHaveLength(6);
    expect(digestsInChannel()).toHaveLength(1);
    expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 1 });
  });

  it('HTTP 500 for a while', async () => {
    await fireThroughFault(
      () => {
        for (let i = 0; i < TRIES_PER_POST; i++) api.failNext({ method: 'POST', path: MESSAGES_PATH, status: 500 });
      },
      () => undefined,
    );
    expect(lines.find((l) => l.level === 50 && l.channel === 'newsroom')?.msg).toContain('HTTP 500');
  });

  it.each<[string, ProxyMode]>([
    ['a Discord that hangs without answering', 'hang'],
    ['connections reset', 'reset'],
  ])('%s for a while', async (_name, mode) => {
    await fireThroughFault(
      () => proxy.setMode(mode),
      () => proxy.setMode('pass'),
    );
    expect(api.requestsTo('POST', MESSAGES_PATH)).toHaveLength(1);
  });
});
