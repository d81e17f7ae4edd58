import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostError } from '../../src/platforms/types.js';
import { deliveryKeyString } from '../../src/scheduler/deliver.js';
import type { Service } from '../../src/service/service.js';
import type { RecordedPost } from '../fakes/recording-publisher.js';
import { databases, startableService, TestClock, testConfig, type TestDatabase } from './harness.js';

// 2025-04-26 08:00 in Cairo (UTC+3 in summer) is 05:00 UTC.
const FIRE = '2025-04-26T05:00:00.000Z';
const KEY = { channelId: 'daily', date: '2025-04-26' };

describe.each(databases)('exactly-once delivery on %s', (_name, makeDatabase) => {
  let db: TestDatabase;
  const services: Service[] = [];

  beforeEach(async () => {
    db = await makeDatabase();
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
    await db.dispose();
  });

  async function service(...args: Parameters<typeof startableService> extends [unknown, ...infer Rest] ? Rest : never) {
    const made = await startableService(db, ...args);
    services.push(made.service);
    return made;
  }

  it('two services on one database firing the same schedule at once post one digest', async () => {
    const clock = new TestClock(new Date('2025-04-26T05:00:01Z'));
    const posts: RecordedPost[] = [];
    const a = await service(clock, posts);
    const b = await service(clock, posts);
    await Promise.all([a.service.ingest(), b.service.ingest()]);
    const [ra, rb] = await Promise.all([a.service.scheduler.sweep(), b.service.scheduler.sweep()]);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.deliveryKey).toBe(deliveryKeyString(KEY));
    expect(posts[0]!.digest.date).toBe('2025-04-26');
    expect(posts[0]!.digest.items.length).toBeGreaterThan(0);
    // One posted; the other either lost the claim (skipped) or already saw it posted (no run).
    const outcomes = [...ra.runs, ...rb.runs].map((r) => r.outcome.status);
    expect(outcomes.filter((status) => status === 'posted')).toHaveLength(1);
    expect(outcomes.filter((status) => status !== 'posted').every((status) => status === 'skipped')).toBe(true);
    const delivery = await a.service.store.getDelivery(KEY);
    expect(delivery).toMatchObject({ status: 'posted', messageIds: ['m1'] });
    // Later fires the same day, and `post` for the same date, add nothing.
    clock.advance(60_000);
    await Promise.all([a.service.scheduler.sweep(), b.service.scheduler.sweep(), b.service.postNow('daily', { date: '2025-04-26' })]);
    expect(posts).toHaveLength(1);
  });

  it('a process down over the scheduled time posts the digest once at start', async () => {
    const clock = new TestClock(new Date('2025-04-26T09:30:00Z')); // 4.5 h late, within 24 h
    const posts: RecordedPost[] = [];
    const first = await service(clock, posts);
    const report = await first.service.start();
    expect(report.runs.map((r) => [r.date, r.outcome.status])).toEqual([['2025-04-26', 'posted']]);
    expect(first.lines.some((l) => /catching up: the digest for channel daily on 2025-04-26/.test(l.msg))).toBe(true);
    await first.service.stop();
    const second = await service(clock, posts);
    await second.service.start();
    expect(posts.map((p) => p.digest.date)).toEqual(['2025-04-26']);
  });

  it('does not post digests missed longer ago than catchUpHours', async () => {
    const clock = new TestClock(new Date('2025-04-26T09:30:00Z'));
    const posts: RecordedPost[] = [];
    const { service: s } = await service(clock, posts, { config: testConfig({ scheduler: { catchUpHours: 2 } }) });
    await s.start();
    expect(posts).toEqual([]);
    // The next day's fire is on time again.
    clock.set('2025-04-27T05:00:00Z');
    await s.scheduler.sweep();
    expect(posts.map((p) => p.digest.date)).toEqual(['2025-04-27']);
  });

  it('a later fire the same day posts the digest when the first fire was missed beyond catch-up', async () => {
    // Down from before 08:00 until 19:00 Cairo time with a 6 h catch-up: the 08:00 digest is
    // too old to catch up at start, but the 20:00 fire finds the day's digest unposted.
    const config = testConfig({
      channels: [{ id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8,20 * * *', timeZone: 'Africa/Cairo', sources: ['seeds'] }],
      scheduler: { catchUpHours: 6 },
    });
    const clock = new TestClock(new Date('2025-04-26T16:00:00Z'));
    const posts: RecordedPost[] = [];
    const { service: s } = await service(clock, posts, { config });
    expect((await s.start()).runs).toEqual([]);
    expect(posts).toEqual([]);
    clock.set('2025-04-26T17:00:00Z');
    const report = await s.scheduler.sweep();
    expect(report.runs.map((r) => [r.date, r.outcome.status])).toEqual([['2025-04-26', 'posted']]);
    expect(posts.map((p) => p.digest.date)).toEqual(['2025-04-26']);
    // The next day: posted at 08:00, and its 20:00 fire finds it posted.
    clock.set('2025-04-27T05:00:00Z');
    await s.scheduler.sweep();
    clock.set('2025-04-27T17:00:00Z');
    await s.scheduler.sweep();
    expect(posts.map((p) => p.digest.date)).toEqual(['2025-04-26', '2025-04-27']);
  });

  describe('a process killed between claim and post', () => {
    async function leaveStaleClaim(): Promise<void> {
      const store = await db.open();
      expect(await store.claimDelivery(KEY, 'crashed-host:1:dead', new Date('2025-04-26T05:00:02Z'))).not.toBeNull();
      await store.close();
    }

    it('the platform shows the post went out: recorded, not posted again', async () => {
      await leaveStaleClaim();
      const posts: RecordedPost[] = [
        {
          channel: 'stdout',
          digest: { date: KEY.date, title: 'x', items: [], generatedAt: FIRE },
          deliveryKey: deliveryKeyString(KEY),
          messageId: 'm1',
        },
      ];
      const clock = new TestClock(new Date('2025-04-26T05:20:00Z'));
      const { service: s } = await service(clock, posts, { canCheck: true });
      const report = await s.start();
      expect(report.stale).toEqual([{ channel: 'daily', date: KEY.date, resolution: 'found-posted' }]);
      expect(posts).toHaveLength(1);
      expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'posted', messageIds: ['m1'] });
    });

    it('the platform shows it never went out: posted once after restart', async () => {
      await leaveStaleClaim();
      const posts: RecordedPost[] = [];
      const clock = new TestClock(new Date('2025-04-26T05:20:00Z'));
      const { service: s } = await service(clock, posts, { canCheck: true });
      const report = await s.start();
      expect(report.stale[0]?.resolution).toBe('not-posted');
      expect(posts).toHaveLength(1);
      await s.scheduler.sweep();
      expect(posts).toHaveLength(1);
    });

    it('the platform cannot check: not posted again, and the log says what to do', async () => {
      await leaveStaleClaim();
      const posts: RecordedPost[] = [];
      const clock = new TestClock(new Date('2025-04-26T05:20:00Z'));
      const { service: s, lines } = await service(clock, posts, { canCheck: false });
      const report = await s.start();
      expect(report.stale[0]?.resolution).toBe('unverifiable');
      expect(posts).toHaveLength(0);
      expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'posted', messageIds: [] });
      const warning = lines.find((l) => l.level === 40 && /cannot be checked/.test(l.msg));
      expect(warning?.msg).toContain('newsdigest post --channel daily --date 2025-04-26 --force');
    });

    it('a claim younger than the stale limit is left to its owner', async () => {
      await leaveStaleClaim();
      const posts: RecordedPost[] = [];
      const clock = new TestClock(new Date('2025-04-26T05:01:00Z'));
      const { service: s } = await service(clock, posts, { canCheck: true });
      const report = await s.start();
      expect(report.stale).toEqual([]);
      expect(posts).toHaveLength(0);
      expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'claimed', owner: 'crashed-host:1:dead' });
    });
  });

  it('a rate limit is retried with back-off and never drops the digest', async () => {
    const clock = new TestClock(new Date('2025-04-26T05:00:00Z'));
    const posts: RecordedPost[] = [];
    const { service: s, publisher, lines } = await service(clock, posts);
    publisher.fail.push(new PostError('Slack rate limit (retry after 30 s)', true), new PostError('Slack rate limit (retry after 30 s)', true));
    await s.start();
    expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'failed', attempts: 1 });
    const logged = lines.find((l) => l.level === 50 && /channel daily/.test(l.msg));
    expect(logged?.msg).toMatch(/could not post the digest to channel daily \(Slack rate limit.*\); trying again in 30 s/);

    await s.scheduler.sweep(); // too early: back-off
    expect(posts).toHaveLength(0);
    clock.advance(30_000);
    await s.scheduler.sweep(); // second failure: next wait doubles
    expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'failed', attempts: 2 });
    clock.advance(30_000);
    await s.scheduler.sweep();
    expect(posts).toHaveLength(0);
    clock.advance(30_000);
    await s.scheduler.sweep();
    expect(posts).toHaveLength(1);
    expect(await s.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 3 });
    const metrics = await s.metrics.registry.metrics();
    expect(metrics).toContain('newsdigest_delivery_failures_total{channel="daily",platform="terminal",retryable="true"} 2');
    expect(metrics).toContain('newsdigest_digests_posted_total{channel="daily",platform="terminal"} 1');
  });

  it('post --date posts that date once through the same ledger', async () => {
    const clock = new TestClock(new Date('2025-04-26T12:00:00Z'));
    const posts: RecordedPost[] = [];
    const { service: s } = await service(clock, posts);
    await s.ingest();
    expect((await s.postNow('daily', { date: '2025-04-20' })).status).toBe('posted');
    expect(await s.postNow('daily', { date: '2025-04-20' })).toEqual({ status: 'skipped', reason: 'posted' });
    expect((await s.postNow('daily', { date: '2025-04-20', force: true })).status).toBe('posted');
    expect(posts.map((p) => p.digest.date)).toEqual(['2025-04-20', '2025-04-20']);
    await expect(s.postNow('nope')).rejects.toThrow('there is no channel "nope" in the config (channels: daily)');
  });
});
