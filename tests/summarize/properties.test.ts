import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readArticle } from '../../src/article/read.js';
import { summarize } from '../../src/summarize/index.js';

/** Text that looks enough like news to reach every extractor: quotes, numbers, attributions, debris. */
const newsLike = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '“',
        '”',
        '"',
        '‘',
        '’',
        "'",
        '\n\n',
        '\n',
        ' said',
        ' he said.',
        ' according to ',
        'Mr. ',
        'Kerry',
        'John Kerry',
        ' killed',
        ' at least ',
        ' 1,200 ',
        ' hundreds of ',
        ' two dozen ',
        ' between 5 and 10 ',
        ' people were injured',
        ' displaced',
        '(AFP PHOTO / X)',
        'BEIRUT (Reuters) - ',
        'The post X appeared first on Y.',
        '&amp;',
        '&#8220;',
        '\u200b',
        '\u202e',
        '\u0000',
        '.',
        ',',
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function checkInvariants(raw: string): void {
  const article = readArticle(raw, { origin: 'property' });
  const summary = summarize(article, { sentences: 3 });
  const { text } = article;
  for (const span of [...summary.summary, ...summary.quotes, ...summary.casualties]) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(text.slice(span.start, span.end)).toBe(span.text);
  }
  for (const offset of [0, text.length]) {
    expect(article.rawOffset(offset)).toBeGreaterThanOrEqual(0);
    expect(article.rawOffset(offset)).toBeLessThanOrEqual(raw.length);
  }
  // Deterministic: the same input gives the same output.
  expect(summarize(readArticle(raw, { origin: 'property' }), { sentences: 3 })).toEqual(summary);
}

describe('reader and summarizer on any input', () => {
  it('never throw, keep every span at its offsets, and are deterministic (news-like strings)', () => {
    fc.assert(
      fc.property(newsLike, (raw) => checkInvariants(raw)),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('never throw on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => checkInvariants(raw)),
      { numRuns: 300, seed: 7 },
    );
  });

  it('handle right-to-left and zero-width characters around quotes and figures', () => {
    checkInvariants(
      'Title\n\n\u202e“We will \u200brebuild the town,” the mayor\u200d said.\u202c At least 1\u200b2 people were killed, \u2067officials\u2069 said.',
    );
  });

  it('summarize a 50 MB article without throwing', () => {
    const paragraph = 'The council said on Monday that at least 12 people were killed. “We will rebuild,” Mayor Ana Silva said.\n\n';
    const raw = `Huge\n\n${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length))}`;
    const summary = summarize(readArticle(raw, { origin: 'huge' }), { sentences: 2 });
    expect(summary.summary.length).toBe(2);
  }, 120_000);
});
