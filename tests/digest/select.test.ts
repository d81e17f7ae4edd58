import { describe, expect, it } from 'vitest';
import { DIGEST_SHOWS, selectForDigest, selectInFull } from '../../src/digest/select.js';
import type { DigestItem, StoryQuote } from '../../src/digest/types.js';
import type { Figure } from '../../src/summarize/types.js';

function quote(words: string, key: boolean, rank: number, extra: Partial<StoryQuote> = {}): StoryQuote {
  return { text: words, start: 0, end: words.length, speaker: 'Ines Varga', key, rank, ...extra };
}

function figure(count: number): Figure {
  return { text: `${count} killed`, start: 0, end: 1, count, min: count, max: count, qualifier: null, kind: 'killed', who: null, context: null };
}

function item(quotes: StoryQuote[], overrides: Partial<DigestItem> = {}): DigestItem {
  const source = { articleId: 'a1', title: 'Dam repairs finish early', publication: 'Lakeside Echo', origin: 'dam.txt' };
  return { id: 'a1', headline: 'Dam repairs finish early', summary: [], quotes, figures: [], sources: [source], ...overrides };
}

const words = (quotes: StoryQuote[]) => quotes.map((q) => q.text);

describe('what a digest shows of a story, decided once', () => {
  it.each([
    ['key quotes only, by rank', [quote('b', true, 2), quote('a', true, 1), quote('c', false, 3)], ['a', 'b']],
    ['no key quote: none (no fallback to the others)', [quote('a', false, 1), quote('b', false, 2)], []],
    ['at most three', [1, 2, 3, 4, 5].map((n) => quote(`q${n}`, true, n)), ['q1', 'q2', 'q3']],
    [
      'carried by more outlets first',
      [
        quote('one', true, 1, { outlets: ['A'] }),
        quote('three', true, 2, { outlets: ['A', 'B', 'C'] }),
        quote('two', true, 3, { outlets: ['B', 'C'] }),
      ],
      ['three', 'two', 'one'],
    ],
    ['new in a developing story first', [quote('old', true, 1), { ...quote('new', true, 2), isNew: true }], ['new', 'old']],
  ] as const)('quotes: %s', (_rule, quotes, shown) => {
    expect(words(selectForDigest(item([...quotes])).quotes)).toEqual(shown);
  });

  it(`shows at most ${DIGEST_SHOWS.figures} figures in a digest and all of them in full`, () => {
    const many = item([], { figures: Array.from({ length: 9 }, (_, i) => ({ ...figure(i + 1), who: `group ${i}` })) });
    expect(selectForDigest(many).figures).toHaveLength(DIGEST_SHOWS.figures);
    expect(selectInFull(many).figures).toHaveLength(9);
  });

  it('never cuts between disagreeing figures: a subject is shown whole or not at all', () => {
    const injured = (count: number): Figure => ({ ...figure(count), kind: 'injured', text: `${count} injured` });
    const story = item([], { figures: [figure(1), figure(2), figure(3), figure(4), figure(5), injured(10), injured(12)] });
    expect(selectForDigest(story).figures.map((f) => `${f.count} ${f.kind}`)).toEqual(['1 killed', '2 killed', '3 killed', '4 killed', '5 killed']);
    // The first subject is shown even when it alone is over the cap.
    const many = item([], { figures: Array.from({ length: 8 }, (_, i) => figure(i + 1)) });
    expect(selectForDigest(many).figures).toHaveLength(8);
  });

  it('shows every quote in full, by rank', () => {
    expect(words(selectInFull(item([quote('b', false, 2), quote('a', true, 1)])).quotes)).toEqual(['a', 'b']);
  });

  it.each([
    ['one source', [{ publication: 'Lakeside Echo' }], false],
    ['two articles of one outlet', [{ publication: 'Lakeside Echo' }, { publication: 'Lakeside Echo' }], false],
    ['two outlets', [{ publication: 'Lakeside Echo' }, { publication: 'Hill Gazette' }], true],
  ] as const)('names outlets per fact only for several outlets: %s', (_case, outlets, attributed) => {
    const sources = outlets.map((outlet, i) => ({ articleId: `a${i}`, title: 't', origin: `${i}.txt`, ...outlet }));
    expect(selectForDigest(item([], { sources })).attributed).toBe(attributed);
  });
});
