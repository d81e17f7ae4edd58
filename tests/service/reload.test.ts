import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadConfigChannels } from '../../src/service/setup.js';
import type { Service } from '../../src/service/service.js';
import type { RecordedPost } from '../fakes/recording-publisher.js';
import { databases, startableService, TestClock, testConfig } from '../scheduler/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function desk(name: string, headline: string): string {
  const dir = mkdtempSync(join(tmpdir(), `newsdigest-${name}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, `${name}.txt`),
    `${headline}\n\nThe council of Marrow Bay said on Tuesday that ${headline.toLowerCase()}. "We are ready," said mayor Ilse Varnholt.\n`,
  );
  return dir;
}

describe.each(databases)('reloading the config file while running, on %s', (_name, makeDatabase) => {
  it('the channels’ new schedules and sources take over: the old time posts nothing, the new time posts from the new source', async () => {
    const db = await makeDatabase();
    cleanup.push(() => db.dispose());
    const harbour = desk('harbour', 'Harbour crane reopens after repairs');
    const hills = desk('hills', 'Hill road closed for resurfacing');
    const config = testConfig({
      sources: [{ id: 'harbour', type: 'files', path: harbour }],
      channels: [{ id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'UTC', sources: ['harbour'] }],
      scheduler: { catchUpHours: 0 },
    });
    const posts: RecordedPost[] = [];
    const clock = new TestClock(new Date('2026-11-27T05:00:00Z'));
    const { service } = await startableService(db, clock, posts, { config });
    cleanup.push(() => (service as Service).stop());
    await service.start();

    const next = testConfig({
      sources: [
        { id: 'harbour', type: 'files', path: harbour },
        { id: 'hills', type: 'files', path: hills },
      ],
      channels: [
        { id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '30 9 * * *', timeZone: 'UTC', sources: ['hills'] },
        { id: 'evening', platform: 'terminal', channel: 'stdout', schedule: '0 18 * * *', timeZone: 'UTC', sources: ['harbour'] },
      ],
    });
    expect(reloadConfigChannels(service, next)).toEqual({ channels: 2, sources: 2 });
    expect(service.scheduler.nextRuns(new Date('2026-11-27T06:00:00Z')).map(({ channel, next }) => [channel, next?.toISOString()])).toEqual([
      ['daily', '2026-11-27T09:30:00.000Z'],
      ['evening', '2026-11-27T18:00:00.000Z'],
    ]);

    clock.set('2026-11-27T08:01:00Z');
    expect((await service.scheduler.sweep()).runs).toEqual([]);
    clock.set('2026-11-27T09:31:00Z');
    expect((await service.scheduler.sweep()).runs.map((run) => [run.channel, run.outcome.status])).toEqual([['daily', 'posted']]);
    expect(posts.map((post) => post.digest.items.map((item) => item.headline))).toEqual([['Hill road closed for resurfacing']]);
    clock.set('2026-11-27T18:01:00Z');
    expect((await service.scheduler.sweep()).runs.map((run) => [run.channel, run.outcome.status])).toEqual([['evening', 'posted']]);
    expect(posts.at(-1)!.digest.items.map((item) => item.headline)).toEqual(['Harbour crane reopens after repairs']);
  });
});
