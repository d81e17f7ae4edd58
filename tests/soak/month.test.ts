import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { parseConfig } from '../../src/config/load.js';
import type { Publisher } from '../../src/platforms/types.js';
import { createTerminalPublisher } from '../../src/platforms/terminal/publisher.js';
import { CronSchedule } from '../../src/scheduler/cron.js';
import { createService, type Service } from '../../src/service/service.js';
import { toStoredArticle } from '../../src/service/ingest.js';
import { openStore } from '../../src/store/open.js';
import { STORIES } from '../fakes/stories.js';
import { TestClock } from '../scheduler/harness.js';

/**
 * A simulated month of daily digests: 100 channels in five time zones (two of them change to
 * summer time during the month), two services racing on one SQLite file, each channel's fire
 * run by both at its time on an injected clock, and a full sweep at the end of each day. New articles arrive every day. The heap must stay flat and the ledger must
 * hold exactly one posted delivery per channel and local date.
 */

const CHANNELS = 100;
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'];
const START = '2025-03-01T00:00:00Z';
const DAYS = 31;
const ARTICLES_PER_DAY = 4;
const WARM_UP_DAYS = 5;
const HOUR = 3_600_000;

/** A real `gc()` even when vitest's worker was not started with --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  // Twice: the first pass may only queue finalizers (better-sqlite3 statements, pino buffers).
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The terminal platform's real renderer at the edge, writing into a counter; counts posts per ledger key. */
function countingTerminal(bytes: { total: number }, postsPerKey: Map<string, number>): Publisher {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes.total += chunk.length;
      done();
    },
  });
  const terminal = createTerminalPublisher({ stream: sink });
  return {
    platform: 'terminal',
    async post(channel, digest, options) {
      const key = options?.deliveryKey ?? '(none)';
      postsPerKey.set(key, (postsPerKey.get(key) ?? 0) + 1);
      return terminal.post(channel, digest, options);
    },
  };
}

/** Warnings and errors only (there should be none); info lines are counted, not kept. */
function quietLogger(problems: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        const { level, msg } = JSON.parse(line) as { level: number; msg: string };
        if (level >= 40) problems.push(msg);
      }
      done();
    },
  });
  return pino({ level: 'info' }, stream);
}

/** Day `day`'s articles: the test stories with a sentence of their own, so none is a duplicate. */
function articlesOfDay(day: number, now: Date) {
  const names = Object.keys(STORIES) as (keyof typeof STORIES)[];
  return Array.from({ length: ARTICLES_PER_DAY }, (_, i) => {
    const name = names[i % names.length]!;
    const [title, ...rest] = STORIES[name].split('\n\n');
    const raw = [`${title} (day ${day}, report ${i + 1})`, ...rest, `This is report ${i + 1} of day ${day} in the soak test.`].join('\n\n');
    const article = readArticle(raw, { origin: `soak/day-${day}-${i}.txt`, url: `https://news.example/day-${day}/${name}-${i}` });
    return toStoredArticle(article, 'wire', { sentences: 2, now });
  });
}

describe('a simulated month on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-soak-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('posts one digest per channel and day for 31 days over 100 channels with a flat heap', async () => {
    const gc = collector();
    const sqlitePath = join(dir, 'soak.sqlite');
    const config = parseConfig(
      {
        sources: [],
        channels: Array.from({ length: CHANNELS }, (_, i) => ({
          id: `ch-${String(i).padStart(3, '0')}`,
          platform: 'terminal',
          channel: 'stdout',
          // Spread over the day, on the hour and off it.
          schedule: `${(i * 7) % 60} ${i % 24} * * *`,
          timeZone: ZONES[i % ZONES.length],
          filters: { maxItems: 5 },
        })),
        storage: { sqlitePath },
        scheduler: { catchUpHours: 0 },
      },
      'soak config',
    );
    const clock = new TestClock(new Date(START));
    const problems: string[] = [];
    const postsPerKey = new Map<string, number>();
    const bytes = { total: 0 };
    const services: Service[] = [];
    for (const owner of ['replica-a', 'replica-b']) {
      services.push(
        await createService(
          config,
          {},
          {
            store: await openStore({ sqlitePath }),
            clock,
            logger: quietLogger(problems),
            cron: false,
            http: false,
            owner,
            publishers: { terminal: countingTerminal(bytes, postsPerKey) },
          },
        ),
      );
    }
    await Promise.all(services.map((s) => s.start()));
    const writer = services[0]!.store;

    // Every fire of every channel in the month, in order, as node-cron would run them.
    const monthStart = new Date(START);
    const monthEnd = new Date(monthStart.getTime() + DAYS * 24 * HOUR);
    const fires = config.channels
      .flatMap((channel) =>
        new CronSchedule(channel.schedule, channel.timeZone).dueDates(monthStart, monthEnd).map(({ fire }) => ({ channel, fire })),
      )
      .sort((a, b) => a.fire.getTime() - b.fire.getTime());

    const heap: { day: number; mb: number }[] = [];
    let warmHeap = 0;
    let next = 0;
    for (let day = 1; day <= DAYS; day++) {
      for (const article of articlesOfDay(day, clock.now())) await writer.saveArticle(article);
      const dayEnd = monthStart.getTime() + day * 24 * HOUR;
      for (; next < fires.length && fires[next]!.fire.getTime() < dayEnd; next++) {
        const { channel, fire } = fires[next]!;
        clock.set(new Date(fire.getTime() + 1000).toISOString());
        // Both replicas' tasks fire at once; the ledger lets one post.
        await Promise.all(services.map((s) => s.scheduler.sweepChannel(channel)));
      }
      clock.set(new Date(dayEnd - 30_000).toISOString());
      // The minute sweep of both replicas: nothing left to post, nothing to retry.
      const sweeps = await Promise.all(services.map((s) => s.scheduler.sweep()));
      expect(sweeps.flatMap((sweep) => sweep.runs)).toEqual([]);
      if (day === WARM_UP_DAYS) warmHeap = heapAfterGc(gc);
      if (day % 5 === 0 || day === DAYS) heap.push({ day, mb: Math.round(heapAfterGc(gc) / 1e5) / 10 });
    }
    const finalHeap = heapAfterGc(gc);

    // The ledger: one posted row per channel and local date, posted on the first attempt.
    const deliveries = await writer.listDeliveries();
    const keys = new Set(deliveries.map((d) => `${d.channelId}/${d.date}`));
    expect(keys.size).toBe(deliveries.length);
    expect(deliveries.every((d) => d.status === 'posted' && d.attempts === 1 && d.messageIds.length === 1)).toBe(true);
    for (const channel of config.channels) {
      const dates = deliveries
        .filter((d) => d.channelId === channel.id)
        .map((d) => d.date)
        .sort();
      // Every local date from the first fire to the last one, none missing: 30 or 31 of them.
      expect(dates.length, channel.id).toBeGreaterThanOrEqual(DAYS - 1);
      for (let i = 1; i < dates.length; i++) expect(Date.parse(dates[i]!) - Date.parse(dates[i - 1]!), `${channel.id} ${dates[i]}`).toBe(24 * HOUR);
    }
    // At the platform edge: each ledger key was posted once, and only ledger keys were posted.
    expect(postsPerKey.size).toBe(deliveries.length);
    expect([...postsPerKey.values()].every((n) => n === 1)).toBe(true);
    expect(bytes.total).toBeGreaterThan(deliveries.length * 100);
    expect(problems).toEqual([]);

    const growth = (finalHeap - warmHeap) / warmHeap;
    console.log(
      `soak: ${deliveries.length} digests, ${CHANNELS} channels, ${DAYS} days, ${DAYS * ARTICLES_PER_DAY} articles; ` +
        `heap after day ${WARM_UP_DAYS} ${(warmHeap / 1e6).toFixed(1)} MB, at the end ${(finalHeap / 1e6).toFixed(1)} MB ` +
        `(${(growth * 100).toFixed(1)} %); by day ${heap.map((h) => `${h.day}: ${h.mb}`).join(', ')} MB`,
    );
    expect(growth).toBeLessThan(0.1);
    await Promise.all(services.map((s) => s.stop()));
  }, 120_000);
});
