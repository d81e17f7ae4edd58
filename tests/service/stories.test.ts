import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleCommand } from '../../src/commands/article.js';
import { describeDevelopment } from '../../src/digest/format.js';
import { renderView } from '../../src/platforms/terminal/render.js';
import type { Service } from '../../src/service/service.js';
import { StoreLibrary } from '../../src/store/library.js';
import type { RecordedPost } from '../fakes/recording-publisher.js';
import { ARTICLES, type ArticleName } from '../digest/stories.fixtures.js';
import { databases, startableService, TestClock, testConfig } from '../scheduler/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Drops an article into the folder the channel reads, as its outlet published it. */
function publish(dir: string, name: ArticleName, outlet: string): void {
  const title = ARTICLES[name].split('\n')[0];
  writeFileSync(join(dir, `${name}-${outlet.replace(/\W+/g, '-')}.txt`), `${ARTICLES[name]}\n\nThe post ${title} appeared first on ${outlet}.\n`);
}

describe.each(databases)('a story followed across two days of digests through the service on %s', (_name, makeDatabase) => {
  it('posts each digest once; day 2 shows the story that developed, with what changed, and leaves out the one that did not', async () => {
    const db = await makeDatabase();
    cleanup.push(() => db.dispose());
    const desk = mkdtempSync(join(tmpdir(), 'newsdigest-desk-'));
    cleanup.push(() => rmSync(desk, { recursive: true, force: true }));
    const config = testConfig({
      sources: [{ id: 'desk', type: 'files', path: desk }],
      channels: [{ id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'Africa/Cairo', sources: ['desk'] }],
    });
    const posts: RecordedPost[] = [];
    const clock = new TestClock(new Date('2026-11-27T05:00:00Z'));
    const { service } = await startableService(db, clock, posts, { config });
    cleanup.push(() => (service as Service).stop());
    await service.start();

    // Day 1: a wire story on two sites, and a ferry story.
    publish(desk, 'quakeWireValley', 'Valley Post');
    publish(desk, 'quakeWireHarbor', 'Harbor Times');
    publish(desk, 'ferry', 'Kalda Daily');
    clock.set('2026-11-27T06:00:00Z');
    expect(await service.postNow('daily')).toMatchObject({ status: 'posted' });

    // Day 2: the wire story updated (a higher toll, a new quote) and the ferry story reworded.
    clock.set('2026-11-28T05:00:00Z');
    publish(desk, 'quakeWireUpdate', 'Valley Post');
    publish(desk, 'ferryReworded', 'Kalda Daily');
    clock.set('2026-11-28T06:00:00Z');
    expect(await service.postNow('daily')).toMatchObject({ status: 'posted' });
    // Asked again, day 2 is not posted twice.
    expect(await service.postNow('daily')).toMatchObject({ status: 'skipped', reason: 'posted' });

    // The start caught up the day before, when the desk was still empty.
    expect(posts.map((post) => [post.digest.date, post.digest.items.length])).toEqual([
      ['2026-11-26', 0],
      ['2026-11-27', 2],
      ['2026-11-28', 1],
    ]);
    const [day1, day2] = posts.slice(1).map((post) => post.digest);
    expect(day1!.items.map((item) => [item.headline, item.outletCount, item.development])).toEqual([
      ['Earthquake in Dravenia kills at least 700', 1, undefined],
      ['Ferry service to Oslen island resumes after strike', 1, undefined],
    ]);
    expect(day2!.items).toHaveLength(1);
    const [quake] = day2!.items;
    expect(quake!.id).toBe(day1!.items[0]!.id);
    expect(describeDevelopment(quake!.development!)).toBe(
      'Developing since 27 Nov: at least 820 people killed, up from at least 700 on 27 Nov; 1 new quote',
    );

    // /article on the developing story shows each day's figures and sources.
    const context = {
      library: new StoreLibrary(service.store),
      fetchArticle: async () => Promise.reject(new Error('offline')),
      now: clock.now,
      timeZone: 'Africa/Cairo',
    };
    const view = await articleCommand.run({ query: '1' }, context);
    const text = renderView(view, { color: false, width: 1000 });
    expect(text).toContain('Developing since 27 Nov: at least 820 people killed, up from at least 700 on 27 Nov; 1 new quote');
    expect(text).toContain('Timeline');
    expect(text).toContain(
      '• 27 Nov: at least 700 people killed (Valley Post, Harbor Times), thousands displaced (Valley Post, Harbor Times), at least 1,200 people injured (Valley Post, Harbor Times) · sources: Valley Post, Harbor Times',
    );
    expect(text).toContain(
      '• 28 Nov: at least 820 people killed (Valley Post), thousands displaced (Valley Post), at least 1,200 people injured (Valley Post) · sources: Valley Post',
    );
    // Day 2 is told from its new article, not from the ones day 1 already showed.
    expect(quake!.headline).toBe('Earthquake in Dravenia kills at least 820');
  });
});
