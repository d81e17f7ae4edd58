import { describe, expect, it } from 'vitest';
import { groupSameStory, sameStoryGrouper, storySimilarity } from '../../src/digest/same-story.js';
import {
  clubMatch,
  clubTransfer,
  floodReprint,
  floodWire,
  jobsHiring,
  jobsOstmark,
  jobsRate,
  localStories,
  mayorFeature,
  mayorWire,
  museum,
  newLine,
  strikeCourier,
  strikeHerald,
  talksCollapse,
  talksOpen,
  talksStall,
  type TestArticle,
} from './same-story.fixtures.js';

const ids = (groups: TestArticle[][]): string[][] => groups.map((group) => group.map((item) => item.id));

describe('groupSameStory', () => {
  it('merges the same story rewritten by two sources', () => {
    expect(ids(groupSameStory([strikeHerald, museum, strikeCourier]))).toEqual([['strike-herald', 'strike-courier'], ['museum']]);
  });

  it('merges a wire story republished with small edits', () => {
    expect(ids(groupSameStory([floodWire, floodReprint]))).toEqual([['flood-wire', 'flood-reprint']]);
    expect(storySimilarity([floodWire, floodReprint], 0, 1).nearDuplicate).toBeGreaterThan(0.5);
  });

  it('keeps two different stories on the same topic apart', () => {
    // Same railway, same minister and operator; a strike is not a new line.
    expect(ids(groupSameStory([strikeHerald, newLine]))).toEqual([['strike-herald'], ['new-line']]);
    // Same club, same coach; a transfer is not a match report.
    expect(ids(groupSameStory([clubTransfer, clubMatch]))).toEqual([['club-transfer'], ['club-match']]);
  });

  it('sorts a mixed batch into stories, keeping input order, the first article leading', () => {
    const batch = [newLine, strikeCourier, floodWire, clubTransfer, strikeHerald, museum, floodReprint, clubMatch];
    expect(ids(groupSameStory(batch))).toEqual([
      ['new-line'],
      ['strike-courier', 'strike-herald'],
      ['flood-wire', 'flood-reprint'],
      ['club-transfer'],
      ['museum'],
      ['club-match'],
    ]);
  });

  it('is deterministic and keeps every item exactly once', () => {
    const batch = [strikeHerald, newLine, strikeCourier, floodWire, floodReprint, clubTransfer, clubMatch, museum];
    const once = ids(groupSameStory(batch));
    expect(ids(groupSameStory([...batch]))).toEqual(once);
    expect(once.flat().sort()).toEqual(batch.map((a) => a.id).sort());
  });

  it('merges one event told in different words, and keeps the same kind of story elsewhere apart', () => {
    // "Jobless rate dips to 4.1%" / "Employers add 310,000 jobs in March": other headlines, the same facts.
    expect(ids(groupSameStory([jobsRate, jobsOstmark, jobsHiring]))).toEqual([['jobs-rate', 'jobs-hiring'], ['jobs-ostmark']]);
  });

  it('merges a short wire item with a long feature full of other people’s quotes', () => {
    expect(ids(groupSameStory([mayorWire, museum, mayorFeature]))).toEqual([['mayor-wire', 'mayor-feature'], ['museum']]);
  });

  it('judges the same pair alike in a batch of two and in a day of twenty', () => {
    const alone = storySimilarity([jobsRate, jobsHiring], 0, 1).similarity;
    const day = [jobsRate, ...localStories(18), jobsHiring];
    const amongMany = storySimilarity(day, 0, day.length - 1).similarity;
    expect(alone).toBeGreaterThan(0.3);
    expect(amongMany).toBeGreaterThan(0.3);
    expect(Math.abs(alone - amongMany)).toBeLessThan(0.15);
    const groups = ids(groupSameStory(day));
    expect(groups).toContainEqual(['jobs-rate', 'jobs-hiring']);
    // Eighteen council stories share a template and a topic, but not their towns, people or sums.
    expect(groups).toHaveLength(19);
  });

  it('does not chain follow-ups days apart into one story', () => {
    // Opening and stall are two days apart and alike; the collapse comes four days after the stall.
    expect(ids(groupSameStory([talksOpen, talksStall, talksCollapse]))).toEqual([['talks-open', 'talks-stall'], ['talks-collapse']]);
  });

  it('compares articles less the further apart they were published, and not at all after four days', () => {
    const sameDay = { ...jobsHiring, publishedAt: '2031-04-04T20:00:00Z' };
    const rate = { ...jobsRate, publishedAt: '2031-04-04T08:00:00Z' };
    const threeDays = { ...sameDay, publishedAt: '2031-04-07T08:00:00Z' };
    const week = { ...sameDay, publishedAt: '2031-04-11T08:00:00Z' };
    const near = storySimilarity([rate, sameDay], 0, 1).similarity;
    const later = storySimilarity([rate, threeDays], 0, 1).similarity;
    expect(near).toBeGreaterThan(0.3);
    expect(later).toBeGreaterThan(0);
    expect(later).toBeLessThan(near);
    expect(storySimilarity([rate, week], 0, 1).similarity).toBe(0);
  });

  it('copes with empty and tiny texts', () => {
    const empty = { id: 'e', title: '', body: '' };
    const short = { id: 's', title: 'Hi', body: 'Ok.' };
    expect(ids(groupSameStory([]))).toEqual([]);
    expect(ids(groupSameStory([empty, short, { ...empty, id: 'e2' }]))).toEqual([['e'], ['s'], ['e2']]);
  });

  it('groups a thousand articles, finding the planted copies among them', () => {
    // Deterministic pseudo-random articles over a shared vocabulary, plus 20 lightly edited copies.
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 4000 }, (_, i) => `word${i.toString(36)}x`);
    const names = Array.from({ length: 600 }, (_, i) => `Name${i.toString(36)}`);
    const articles = Array.from({ length: 1000 }, (_, i) => {
      const words = Array.from({ length: 200 }, () =>
        next() < 0.1 ? names[Math.floor(next() * names.length)] : vocabulary[Math.floor(next() ** 2 * vocabulary.length)],
      );
      return { id: `a${i}`, title: words.slice(0, 8).join(' '), body: `${words.join(' ')}.` };
    });
    const copies = articles.slice(0, 20).map((a) => ({ ...a, id: `${a.id}-copy`, body: a.body.replace(/^\S+ \S+ \S+/, 'Edited opening words') }));
    const groups = groupSameStory([...articles, ...copies]);
    const groupOf = new Map(groups.flatMap((group) => group.map((a) => [a.id, group] as const)));
    for (const a of articles.slice(0, 20)) expect(groupOf.get(a.id)).toContain(groupOf.get(`${a.id}-copy`)![0]);
    // Word salad has no story, and the nearest-neighbour rule pairs some of it by chance
    // (docs/stories.md); news is measured on the evaluation corpus. Most articles stay alone.
    expect(groups.length).toBeGreaterThanOrEqual(915);
    expect(groups.filter((group) => group.length === 1).length).toBeGreaterThanOrEqual(820);
  });
});

describe('sameStoryGrouper', () => {
  it('groups items of any shape through an accessor', () => {
    const entries = [strikeHerald, museum, strikeCourier].map((article) => ({
      summary: { headline: article.title },
      source: { articleId: article.id },
      body: article.body,
    }));
    const group = sameStoryGrouper((entry: (typeof entries)[number]) => ({
      id: entry.source.articleId,
      title: entry.summary.headline,
      body: entry.body,
    }));
    expect(group(entries).map((g) => g.map((e) => e.source.articleId))).toEqual([['strike-herald', 'strike-courier'], ['museum']]);
  });
});
