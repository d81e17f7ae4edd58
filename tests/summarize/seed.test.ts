import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { extractQuotes } from '../../src/summarize/quotes.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import { summarize } from '../../src/summarize/index.js';

interface ExpectedQuote {
  text: string;
  speaker: string;
  key: boolean;
}

const seedPath = new URL('../../seeds/000_64716e510a3de195.txt', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../fixtures/seed.expected.json', import.meta.url), 'utf8')) as { quotes: ExpectedQuote[] };
const article = readArticle(readFileSync(seedPath, 'utf8'), { origin: 'seeds/000_64716e510a3de195.txt' });

describe('quotes of the seed article', () => {
  const quotes = extractQuotes(article, splitSentences(article));

  it('finds exactly the expected quotations, in order, with their speakers', () => {
    expect(quotes.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(expected.quotes.map((q) => ({ text: q.text, speaker: q.speaker })));
  });

  it('shows Kerry as "top US diplomat": a title keeps no capital that only opened its sentence', () => {
    const kerry = quotes.find((q) => q.speaker === 'John Kerry' && q.speakerRole);
    expect(kerry?.speakerRole).toBe('top US diplomat');
  });

  it('points every quotation back into the article text', () => {
    for (const quote of quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('marks two or three key quotations, all among those an editor would pick, from distinct speakers', () => {
    const keys = quotes.filter((q) => q.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.length).toBeLessThanOrEqual(3);
    const editorKeys = new Set(expected.quotes.filter((q) => q.key).map((q) => q.text));
    for (const key of keys) expect(editorKeys.has(key.text)).toBe(true);
    expect(new Set(keys.map((k) => k.speaker)).size).toBe(keys.length);
  });

  it('ranks every quotation 1..n with the key ones first', () => {
    const ranks = quotes.map((q) => q.rank).sort((a, b) => a - b);
    expect(ranks).toEqual(quotes.map((_, i) => i + 1));
    const keyRanks = quotes.filter((q) => q.key).map((q) => q.rank);
    expect(Math.max(...keyRanks)).toBe(keyRanks.length);
  });

  it('leaves out scare-quoted names and one-word fragments', () => {
    const texts = quotes.map((q) => q.text);
    for (const notQuote of ['Friends of Syria', 'Geneva II', 'confident', 'milestone']) expect(texts).not.toContain(notQuote);
  });

  it('reaches the summary unchanged', () => {
    expect(summarize(article).quotes).toEqual(quotes);
  });
});
