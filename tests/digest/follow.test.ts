import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestOptions } from '../../src/digest/build.js';
import { describeDevelopment, describeStoryDay } from '../../src/digest/format.js';
import { followedStories, storyRecords, type StoryRecord } from '../../src/digest/follow.js';
import type { DigestEntry } from '../../src/digest/item.js';
import type { Digest } from '../../src/digest/types.js';
import { entry } from './stories.fixtures.js';

/** Groups by topic word in the headline: the grouping engine is tested on its own. */
function byTopic(entries: DigestEntry[]): DigestEntry[][] {
  const groups = new Map<string, DigestEntry[]>();
  for (const e of entries) {
    const topic = /dravenia/i.test(e.summary.headline) ? 'quake' : /ferry/i.test(e.summary.headline) ? 'ferry' : e.source.articleId;
    groups.set(topic, [...(groups.get(topic) ?? []), e]);
  }
  return [...groups.values()];
}

/** A channel's digests day after day, each following what the earlier ones showed. */
function channel(groupSameStory: DigestOptions['groupSameStory'] = byTopic) {
  const records: StoryRecord[] = [];
  const articles = new Map<string, DigestEntry>();
  return (date: string, entries: DigestEntry[]): Digest => {
    const followed = followedStories(
      records.filter((record) => record.date < date),
      (id) => articles.get(id),
    );
    const digest = buildDigest(entries, { date, now: new Date(`${date}T08:00:00Z`), groupSameStory, followed });
    for (const e of entries) articles.set(e.source.articleId, e);
    records.push(...storyRecords(digest));
    return digest;
  };
}

const valley = (name: 'quakeWireValley' | 'quakeWireUpdate' = 'quakeWireValley') => entry(name, { publication: 'Valley Post', agency: 'Northwire' });
const herald = () => entry('quakeHerald', { publication: 'Coast Herald' });
const courier = () => entry('quakeDayTwo', { publication: 'Mountain Courier' });
const ferry = (name: 'ferry' | 'ferryReworded' = 'ferry') => entry(name, { publication: 'Kalda Daily' });

describe('a story followed across days', () => {
  it('shows a story with a new figure on day 2 as developing, with what changed; an unchanged one is left out', () => {
    const digestFor = channel();
    const day1 = digestFor('2026-11-27', [valley(), herald(), ferry()]);
    expect(day1.items.map((item) => [item.headline, item.development])).toEqual([
      ['Earthquake in Dravenia kills at least 700', undefined],
      ['Ferry service to Oslen island resumes after strike', undefined],
    ]);

    const day2 = digestFor('2026-11-28', [courier(), ferry('ferryReworded')]);
    expect(day2.items).toHaveLength(1);
    const [quake] = day2.items;
    expect(quake!.id).toBe(day1.items[0]!.id);
    expect(describeDevelopment(quake!.development!)).toBe(
      'Developing since 27 Nov: at least 820 killed, up from at least 700 on 27 Nov; hundreds of injured; 1 new quote; new source: Mountain Courier',
    );
    expect(quake!.quotes.filter((quote) => quote.isNew).map((quote) => quote.speaker)).toEqual(['Aleksa Dorn']);
    expect(quake!.timeline!.map(describeStoryDay)).toEqual([
      '27 Nov: at least 700 people killed (Valley Post), 750 people killed (Coast Herald), thousands displaced (Valley Post), at least 1,200 people injured (Valley Post) · sources: Valley Post, Coast Herald',
      '28 Nov: at least 820 killed (Mountain Courier), hundreds of injured (Mountain Courier) · sources: Mountain Courier',
    ]);
  });

  it.each([
    [
      'a new quote and figure from the same outlet: developing',
      () => entry('quakeHerald', { publication: 'Valley Post' }),
      'Developing since 27 Nov: 750 people killed, up from at least 700 on 27 Nov; 1 new quote',
    ],
    ['a verbatim copy on another site: left out', () => entry('quakeWireValley', { publication: 'Hill Gazette' }), null],
    [
      'a second site republishing the wire copy: left out',
      () => entry('quakeWireHarbor', { publication: 'Harbor Times', agency: 'Northwire' }),
      null,
    ],
  ] as const)('day 2 brings %s', (_case, dayTwo, says) => {
    const digestFor = channel();
    digestFor('2026-11-27', [valley()]);
    const items = digestFor('2026-11-28', [dayTwo()]).items;
    expect(items.map((item) => describeDevelopment(item.development!))).toEqual(says ? [says] : []);
  });

  it('does not call a figure new when only its wording changed ("700 killed" after "at least 700 people killed")', () => {
    const digestFor = channel();
    digestFor('2026-11-27', [valley()]);
    const restated = entry('quakeWireValley', { publication: 'Valley Post' });
    const figures = restated.summary.casualties.map((figure) => (figure.kind === 'killed' ? { ...figure, qualifier: null, who: null } : figure));
    const dayTwo = {
      ...restated,
      source: { ...restated.source, articleId: 'restated' },
      summary: { ...restated.summary, articleId: 'restated', casualties: figures },
    };
    expect(digestFor('2026-11-28', [dayTwo]).items).toEqual([]);
  });

  it('does not count a new quote the summarizer calls minor (not key) as a development', () => {
    const digestFor = channel();
    digestFor('2026-11-27', [valley()]);
    const update = entry('quakeWireUpdate', { publication: 'Valley Post' });
    const minor = {
      ...update,
      summary: {
        ...update.summary,
        casualties: valley().summary.casualties,
        quotes: update.summary.quotes.map((quote) => (quote.speaker === 'Aleksa Dorn' ? { ...quote, key: false } : quote)),
      },
    };
    expect(digestFor('2026-11-28', [minor]).items).toEqual([]);
  });

  it('leaves out a story whose only articles were already shown (a window that overlaps the last digest)', () => {
    const digestFor = channel();
    digestFor('2026-11-27', [valley(), ferry()]);
    expect(digestFor('2026-11-28', [valley(), ferry()]).items).toEqual([]);
  });

  it('recognises new articles about an earlier story with the default grouping (an updated wire story)', () => {
    const digestFor = channel(undefined);
    digestFor('2026-11-27', [valley(), ferry()]);
    const day2 = digestFor('2026-11-28', [valley('quakeWireUpdate'), ferry('ferryReworded')]);
    expect(day2.items.map((item) => item.headline)).toEqual(['Earthquake in Dravenia kills at least 820']);
    expect(describeDevelopment(day2.items[0]!.development!)).toBe(
      'Developing since 27 Nov: at least 820 people killed, up from at least 700 on 27 Nov; 1 new quote',
    );
  });

  it('follows a story over three days: the timeline has each day, the change is against the latest', () => {
    const digestFor = channel();
    digestFor('2026-11-27', [valley()]);
    digestFor('2026-11-28', [herald()]);
    const [item] = digestFor('2026-11-29', [courier()]).items;
    expect(item!.timeline!.map((day) => day.date)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
    expect(item!.development).toMatchObject({ firstDate: '2026-11-27', previousDate: '2026-11-28' });
    expect(describeDevelopment(item!.development!)).toContain('at least 820 killed, up from 750 on 28 Nov');
  });
});
