import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log.js';
import type { Publisher } from '../../src/platforms/types.js';
import { createService, type Service } from '../../src/service/service.js';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite-driver.js';
import type { Store } from '../../src/store/types.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';
import { FaultyProxy } from './faulty-proxy.js';
import { channelConfig, DATE, FIRE, workspace } from './harness.js';

/**
 * The database goes away at post time and comes back. PostgreSQL: the service's pool reaches the
 * test server through a proxy that resets every connection, open or new. SQLite: another
 * connection holds the file's write lock (as a long `newsdigest post` or a backup would). Either
 * way the digest is posted once when the database is back: never lost, never doubled.
 */

interface Outage {
  open(logger: Logger): Promise<Store>;
  start(): void;
  end(): void;
  dispose(): Promise<void>;
}

async function postgresOutage(): Promise<Outage> {
  const url = await testDatabaseUrl();
  const schema = freshSchema();
  const proxy = await FaultyProxy.start(Number(new URL(url).port || 5432));
  return {
    open: (logger) => openStore({ databaseUrl: proxy.via(url), sqlitePath: 'unused', schema, logger }),
    start: () => proxy.setMode('reset'),
    end: () => proxy.setMode('pass'),
    async dispose() {
      await proxy.close();
      await dropSchema(url, schema);
    },
  };
}

async function sqliteOutage(sqlitePath: string): Promise<Outage> {
  let locker: SqliteDatabase | undefined;
  return {
    async open() {
      // A short busy timeout keeps the test in seconds; the default waits 5 s for the lock.
      const store = new SqliteStore({ path: sqlitePath, busyTimeoutMs: 100 });
      await store.migrate();
      return store;
    },
    start() {
      locker = openSqlite(sqlitePath, { busyTimeoutMs: 0 });
      locker.exec('BEGIN EXCLUSIVE');
    },
    end() {
      locker?.exec('COMMIT');
      locker?.close();
      locker = undefined;
    },
    async dispose() {
      locker?.close();
    },
  };
}

const KEY = { channelId: 'newsroom', date: DATE };

describe.each([
  ['PostgreSQL (connections reset)', (_path: string) => postgresOutage()],
  ['SQLite (write lock held elsewhere)', (path: string) => sqliteOutage(path)],
])('the database unavailable at post time: %s', (_name, makeOutage) => {
  let space: ReturnType<typeof workspace>;
  let outage: Outage;
  let service: Service;
  let clock: TestClock;
  let posts: RecordedPost[];
  let dropDatabaseAfterPost: boolean;
  let lines: ReturnType<typeof recordingLogger>['lines'];

  beforeEach(async () => {
    space = workspace();
    outage = await makeOutage(space.sqlitePath);
    clock = new TestClock(new Date('2025-04-26T07:00:00Z'));
    posts = [];
    dropDatabaseAfterPost = false;
    // The platform can look for an earlier post by its delivery key, as Slack and Discord can.
    const recording = new RecordingPublisher(posts, { canCheck: true });
    const publisher: Publisher = {
      platform: 'terminal',
      findPosted: recording.findPosted,
      async post(channel, digest, options) {
        const result = await recording.post(channel, digest, options);
        if (dropDatabaseAfterPost) outage.start();
        return result;
      },
    };
    const recorded = recordingLogger();
    lines = recorded.lines;
    service = await createService(
      channelConfig('terminal', 'stdout', space, { scheduler: { catchUpHours: 24 } }),
      {},
      {
        store: await outage.open(recorded.logger),
        clock,
        logger: recorded.logger,
        cron: false,
        http: false,
        publishers: { terminal: publisher },
      },
    );
    // Catch-up posts the day before (missed by more than the grace, within 24 h); today's is ahead.
    expect((await service.start()).runs.map((r) => r.date)).toEqual(['2025-04-25']);
    posts.length = 0;
  });

  afterEach(async () => {
    outage.end();
    await service.stop();
    await outage.dispose();
    space.dispose();
  });

  it('down over the fire time: the sweep fails, nothing is posted, and the digest goes out once when it is back', async () => {
    outage.start();
    clock.set(FIRE);
    await expect(service.scheduler.sweep()).rejects.toThrow();
    clock.advance(60_000);
    await expect(service.scheduler.sweep()).rejects.toThrow();
    expect(posts).toEqual([]);

    // Back a quarter of an hour later, past the on-time grace: posted as a catch-up, once.
    outage.end();
    clock.advance(14 * 60_000);
    const report = await service.scheduler.sweep();
    expect(report.runs).toEqual([{ channel: 'newsroom', date: DATE, outcome: { status: 'posted', messageIds: [posts[0]!.messageId] } }]);
    clock.advance(60_000);
    await service.scheduler.sweep();
    expect(posts.map((p) => p.deliveryKey)).toEqual(['newsdigest:newsroom:2025-04-26']);
    expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 1, messageIds: [posts[0]!.messageId] });
  });

  it('gone between the post and its record: the post is found by its key and not repeated', async () => {
    dropDatabaseAfterPost = true;
    clock.set(FIRE);
    await expect(service.scheduler.sweep()).rejects.toThrow();
    expect(posts).toHaveLength(1);
    const unrecorded = lines.find((l) => l.level === 50 && /could not record it in the ledger/.test(l.msg));
    expect(unrecorded).toMatchObject({ channel: 'newsroom', date: DATE, messageIds: [posts[0]!.messageId] });
    expect(unrecorded!.msg).toContain('the stale-claim check will find the post');

    outage.end();
    clock.advance(60_000);
    expect((await service.scheduler.sweep()).runs).toEqual([]); // the claim is kept: not posted again
    expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'claimed' });

    clock.advance(6 * 60_000); // the claim is stale now
    const report = await service.scheduler.sweep();
    expect(report.stale).toEqual([{ channel: 'newsroom', date: DATE, resolution: 'found-posted' }]);
    expect(report.runs).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', messageIds: [posts[0]!.messageId] });
    expect(lines.some((l) => l.level === 30 && /was already posted before a stop; recorded it, not posting again/.test(l.msg))).toBe(true);
  });
});

describe('PostgreSQL that stops answering (no reset, no error) at post time', () => {
  /**
   * A query sent into a silent network path (a partition, a hung server) gets no answer and no
   * error. The store gives up on it after its query timeout (30 s by default, 500 ms here), so
   * the channel's sweep fails instead of waiting forever, and a later sweep posts the digest.
   * (Before the timeout existed, every later sweep joined the hung one until a restart.)
   */
  it('posts the digest once the database answers again', async () => {
    const space = workspace();
    const url = await testDatabaseUrl();
    const schema = freshSchema();
    const proxy = await FaultyProxy.start(Number(new URL(url).port || 5432));
    const posts: RecordedPost[] = [];
    const clock = new TestClock(new Date('2025-04-26T07:00:00Z'));
    const { logger } = recordingLogger();
    const store = new PostgresStore({ connectionString: proxy.via(url), schema, logger, queryTimeoutMs: 500 });
    await store.migrate();
    // The database falls silent exactly as the digest is claimed (the real store does the work).
    let silenceAtClaim = false;
    const silencing = new Proxy(store, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'claimDelivery' && silenceAtClaim) {
            silenceAtClaim = false;
            proxy.setMode('hang');
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const service = await createService(
      channelConfig('terminal', 'stdout', space),
      {},
      {
        store: silencing,
        clock,
        logger,
        cron: false,
        http: false,
        publishers: { terminal: new RecordingPublisher(posts, { canCheck: true }) },
      },
    );
    try {
      await service.start();
      silenceAtClaim = true;
      clock.set(FIRE);
      void service.scheduler.sweep().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      proxy.setMode('pass');
      clock.advance(60_000);
      // Waits out the timed-out sweep if it is still running, then posts (bounded: 3 s).
      const later = await Promise.race([
        (async () => {
          let report = await service.scheduler.sweep().catch(() => null);
          for (let i = 0; i < 10 && posts.length === 0; i++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            report = await service.scheduler.sweep().catch(() => null);
          }
          return report;
        })(),
        new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 3000)),
      ]);
      expect(later).not.toBe('still waiting');
      expect(posts).toHaveLength(1);
      clock.advance(60_000);
      await service.scheduler.sweep();
      expect(posts).toHaveLength(1);
    } finally {
      await proxy.close(); // ends the hung connection, so stop() does not wait for it
      await service.stop();
      await dropSchema(url, schema);
      space.dispose();
    }
  });
});
