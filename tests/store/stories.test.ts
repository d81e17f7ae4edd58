import { afterEach, describe, expect, it } from 'vitest';
import type { StoryRecord } from '../../src/digest/follow.js';
import type { Store } from '../../src/store/types.js';
import { databases, type TestDatabase } from '../scheduler/harness.js';

const opened: { db: TestDatabase; store: Store }[] = [];
afterEach(async () => {
  for (const { db, store } of opened.splice(0)) {
    await store.close();
    await db.dispose();
  }
});

function record(storyId: string, date: string, killed: number): StoryRecord {
  const text = `${killed} people killed`;
  return {
    storyId,
    date,
    headline: `Flood in Tessaly, ${killed} dead`,
    articleIds: [`${storyId}-${date}`],
    figures: [
      {
        text,
        start: 0,
        end: text.length,
        count: killed,
        min: killed,
        max: killed,
        qualifier: null,
        kind: 'killed',
        who: 'people',
        context: null,
        outlets: ['Lakeside Echo'],
      },
    ],
    quotes: [],
    outlets: ['Lakeside Echo'],
  };
}

describe.each(databases)('stories followed across days, stored in %s', (_name, makeDatabase) => {
  async function migrated(): Promise<Store> {
    const db = await makeDatabase();
    const store = await db.open();
    opened.push({ db, store });
    await store.migrate();
    return store;
  }

  async function posted(store: Store, channelId: string, date: string): Promise<void> {
    await store.claimDelivery({ channelId, date }, 'tester', new Date(`${date}T06:00:00Z`));
    await store.completeDelivery({ channelId, date }, ['m1'], new Date(`${date}T06:00:01Z`));
  }

  it('keeps each day of a channel’s stories, oldest first, only for digests that were posted', async () => {
    const store = await migrated();
    await store.saveStoryDays('daily', '2026-11-27', [record('flood', '2026-11-27', 40), record('fire', '2026-11-27', 2)]);
    await posted(store, 'daily', '2026-11-27');
    await store.saveStoryDays('daily', '2026-11-28', [record('flood', '2026-11-28', 55)]);
    await posted(store, 'daily', '2026-11-28');
    // Built, but its post failed: the channel never saw it.
    await store.saveStoryDays('daily', '2026-11-29', [record('flood', '2026-11-29', 60)]);
    await store.claimDelivery({ channelId: 'daily', date: '2026-11-29' }, 'tester', new Date('2026-11-29T06:00:00Z'));
    await store.failDelivery({ channelId: 'daily', date: '2026-11-29' }, 'offline', new Date('2026-11-29T06:00:01Z'));
    // Another channel's stories stay its own.
    await store.saveStoryDays('weekly', '2026-11-28', [record('storm', '2026-11-28', 1)]);
    await posted(store, 'weekly', '2026-11-28');

    const days = await store.storyDays('daily', { since: '2026-11-21', before: '2026-11-30' });
    expect(days.map((day) => [day.storyId, day.date, day.figures[0]!.count, day.figures[0]!.outlets])).toEqual([
      ['fire', '2026-11-27', 2, ['Lakeside Echo']],
      ['flood', '2026-11-27', 40, ['Lakeside Echo']],
      ['flood', '2026-11-28', 55, ['Lakeside Echo']],
    ]);
    expect(await store.storyDays('daily', { since: '2026-11-28', before: '2026-11-28' })).toEqual([]);
    expect((await store.storyDays('daily', { since: '2026-11-28', before: '2026-11-29' })).map((day) => day.storyId)).toEqual(['flood']);
  });

  it('replaces what an earlier build of the same date recorded', async () => {
    const store = await migrated();
    await store.saveStoryDays('daily', '2026-11-27', [record('flood', '2026-11-27', 40), record('fire', '2026-11-27', 2)]);
    await store.saveStoryDays('daily', '2026-11-27', [record('flood', '2026-11-27', 45)]);
    await posted(store, 'daily', '2026-11-27');
    const days = await store.storyDays('daily', { since: '2026-11-01', before: '2026-12-01' });
    expect(days.map((day) => [day.storyId, day.figures[0]!.count])).toEqual([['flood', 45]]);
  });
});
