import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { syntheticArticles } from '../../eval/synthetic.js';
import { summarize } from '../../src/summarize/index.js';

describe('synthetic bench articles', () => {
  const articles = syntheticArticles(60, 7);

  it('are the same for the same seed and differ between seeds', () => {
    expect(syntheticArticles(60, 7)).toEqual(articles);
    expect(syntheticArticles(5, 8)).not.toEqual(articles.slice(0, 5));
  });

  it('have a title line, a blank line and several paragraphs', () => {
    for (const text of articles) {
      const [title, blank, ...rest] = text.split('\n');
      expect(title!.length).toBeGreaterThan(10);
      expect(blank).toBe('');
      expect(rest.filter((l) => l.trim()).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('mix the cases the summarizer must handle', () => {
    const all = articles.join('\n');
    expect(all).toMatch(/“[^”]+,” said /); // quote, then attribution
    expect(all).toMatch(/told reporters: /); // attribution, then quote
    expect(all).toMatch(/” (she|he) added\./); // pronoun
    expect(all).toMatch(/"[^"]+," /); // straight quotes
    expect(all).toMatch(/according to /);
    expect(all).toMatch(/\b(dozens|hundreds|scores|thousands|tens) of\b/);
    expect(all).toMatch(/between \d+ and \d+/);
    expect(all).toMatch(/\b\d{1,3},\d{3}\b/); // thousands with commas
    expect(all).toMatch(/\b\d{4,6} (people|civilians|soldiers|children|workers|passengers)/); // and without
    expect(all).toMatch(/^[A-Z ]+ \((AFP|Reuters|AP)\) - /m); // dateline
    expect(all).toMatch(/appeared first on/);
  });

  it('are read and summarized by the project’s own pipeline', () => {
    let quotes = 0;
    let figures = 0;
    for (const [i, text] of articles.entries()) {
      const summary = summarize(readArticle(text, { origin: `synthetic/${i}.txt` }), { sentences: 3 });
      expect(summary.summary.length).toBeGreaterThan(0);
      quotes += summary.quotes.length;
      figures += summary.casualties.length;
    }
    expect(quotes).toBeGreaterThan(articles.length);
    expect(figures).toBeGreaterThan(articles.length / 2);
  });
});
