import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { summarize } from '../../src/summarize/index.js';

const ARTICLE = `Dam repairs finish early

Engineers finished repairs on the Kessel dam two weeks early, the water authority said on Monday.
Read more.
The dam holds back the reservoir that supplies drinking water to the region's three largest towns.
The water authority said the repairs on the Kessel dam finished two weeks early, on Monday.
Repairs on the dam began in March after inspectors found cracks in its concrete wall.
The reservoir will be refilled slowly over the summer so the repaired wall can settle.
Local anglers welcomed the news.`;

describe('summary sentence selection', () => {
  const article = readArticle(ARTICLE, { origin: 'dam.txt' });

  it('leads with the lede and keeps article order', () => {
    const summary = summarize(article, { sentences: 3 }).summary.map((s) => s.text);
    expect(summary[0]).toBe('Engineers finished repairs on the Kessel dam two weeks early, the water authority said on Monday.');
    expect(summary).toHaveLength(3);
    const positions = summary.map((text) => article.text.indexOf(text));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('does not repeat the lede in other words, and skips fragments', () => {
    const summary = summarize(article, { sentences: 4 }).summary.map((s) => s.text);
    expect(summary).not.toContain('The water authority said the repairs on the Kessel dam finished two weeks early, on Monday.');
    expect(summary).not.toContain('Read more.');
  });

  it('points every sentence back into the text', () => {
    for (const sentence of summarize(article, { sentences: 3 }).summary) expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('defaults to two sentences', () => {
    expect(summarize(article).summary).toHaveLength(2);
  });
});
