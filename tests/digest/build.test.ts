import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { addDays, localDate } from '../../src/digest/dates.js';
import { describeFigure, describeQuote } from '../../src/digest/format.js';
import type { Figure } from '../../src/summarize/types.js';
import { storyEntry } from '../fakes/stories.js';

describe('buildDigest', () => {
  const now = new Date('2026-11-27T08:00:00Z');

  it('makes one item per story with a stable id, headline, summary and sources', () => {
    const digest = buildDigest([storyEntry('bridge', 'https://news.example/bridge')], { date: '2026-11-27', now });
    expect(digest).toMatchObject({ date: '2026-11-27', title: 'News digest for 2026-11-27', generatedAt: now.toISOString() });
    const [item] = digest.items;
    expect(item!.headline).toBe('Harbour bridge reopens after repairs');
    expect(item!.summary[0]).toBe('The harbour bridge reopened on Friday after six months of repairs, city officials said.');
    expect(item!.sources).toEqual([expect.objectContaining({ publication: 'Coast Herald', agency: 'Reuters', url: 'https://news.example/bridge' })]);
    expect(buildDigest([storyEntry('bridge', 'https://news.example/bridge')], { date: '2026-11-27', now }).items[0]!.id).toBe(item!.id);
  });

  it('filters by keywords and caps the number of items', () => {
    const entries = [storyEntry('bridge'), storyEntry('storm'), storyEntry('council')];
    expect(buildDigest(entries, { date: 'd', now, keywords: ['STORM'] }).items.map((i) => i.headline)).toEqual([
      'Storm leaves thousands without power',
    ]);
    expect(buildDigest(entries, { date: 'd', now, maxItems: 2 }).items).toHaveLength(2);
  });

  it('merges what the grouping says is the same story, listing every source', () => {
    const entries = [storyEntry('bridge', 'https://a.example/1'), storyEntry('bridge', 'https://b.example/2'), storyEntry('council')];
    const digest = buildDigest(entries, { date: 'd', now, groupSameStory: (all) => [[all[0]!, all[1]!], [all[2]!]] });
    expect(digest.items).toHaveLength(2);
    expect(digest.items[0]!.sources.map((s) => s.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
  });
  it('ranks by independent outlets alike whatever the cap: wire copy on three sites stays below two outlets of their own', () => {
    const wireCopy = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'].map((url) => storyEntry('bridge', url));
    const ownReports = [
      storyEntry('storm', 'https://north.example/storm'),
      {
        ...storyEntry('storm', 'https://valley.example/storm'),
        body: 'Linemen in Orwick worked through the night after the gale brought down forty poles, the valley paper reported.',
      },
    ];
    const entries = [...wireCopy, ...ownReports, storyEntry('council')];
    const groupSameStory = (all: typeof entries) => [all.slice(0, 3), all.slice(3, 5), all.slice(5)];
    const ranked = (maxItems: number) =>
      buildDigest(entries, { date: 'd', now, maxItems, groupSameStory }).items.map((item) => `${item.headline} (${item.outletCount})`);
    const all = ranked(50);
    expect(all[0]).toBe('Storm leaves thousands without power (2)');
    expect(all).toContain('Harbour bridge reopens after repairs (1)');
    for (const maxItems of [1, 2, 3]) expect(ranked(maxItems)).toEqual(all.slice(0, maxItems));
  });
});

describe('dates', () => {
  it('gives the local date in a zone and steps days across month ends', () => {
    expect(localDate(new Date('2026-11-27T23:30:00Z'), 'Africa/Cairo')).toBe('2026-11-28');
    expect(localDate(new Date('2026-11-27T03:30:00Z'), 'America/New_York')).toBe('2026-11-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('describeFigure', () => {
  const base: Figure = {
    text: '',
    start: 0,
    end: 0,
    count: null,
    min: null,
    max: null,
    qualifier: null,
    kind: 'killed',
    who: 'people',
    context: null,
  };
  it.each([
    [{ count: 700, min: 700, qualifier: 'at least' }, 'at least 700 people killed'],
    [{ count: 130000 }, '130,000 people killed'],
    [{ min: 20, max: 30, qualifier: 'between', kind: 'injured' as const, who: 'civilians' }, 'between 20 and 30 civilians injured'],
    [{ min: 200, qualifier: 'hundreds', kind: 'displaced' as const, who: null }, 'hundreds displaced'],
  ])('%j reads "%s"', (figure, text) => {
    expect(describeFigure({ ...base, ...figure })).toBe(text);
  });
});

describe('describeQuote', () => {
  it('joins the pieces of a quote split by its attribution, and names the speaker with their role', () => {
    const text = 'We will rebuild the bridge,” the mayor, Ana Silva, said. “It will take a year.';
    const quote = {
      text,
      start: 0,
      end: text.length,
      speaker: 'Ana Silva',
      speakerRole: 'mayor',
      key: true,
      rank: 1,
      parts: [
        { text: 'We will rebuild the bridge,', start: 0, end: 27 },
        { text: 'It will take a year.', start: text.length - 20, end: text.length },
      ],
    };
    expect(describeQuote(quote)).toBe('“We will rebuild the bridge … It will take a year.” — Ana Silva, mayor');
    expect(describeQuote({ ...quote, parts: undefined, text: 'No comment,', speaker: null })).toBe('“No comment” — unattributed');
  });
});
