import { describe, expect, it } from 'vitest';
import { aggregateSummaries, rougeArticle, summaryText } from '../../eval/summaries.js';

describe('summaries', () => {
  it('joins the summary sentences with spaces', () => {
    expect(summaryText({ summary: ['One.', 'Two.'] })).toBe('One. Two.');
    expect(summaryText({ summary: 'ab' })).toBe('a b');
    expect(summaryText(undefined)).toBe('');
  });

  it('scores a summary and the article’s Lead-3 against the reference, in percent', () => {
    const text = 'Headline\nThe mayor opened the bridge. Traffic was heavy. Shops stayed shut. Nobody came.';
    const g = { id: 'x', file: 'x.txt', reference: 'The mayor opened the bridge. Shops stayed shut.' };
    const row = rougeArticle(g, { summary: ['The mayor opened the bridge.', 'Shops stayed shut.'] }, text);
    expect(row.system).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(row.words).toBe(8);
    expect(row.lead3.rouge1).toBeCloseTo((2 * 1 * (8 / 11)) / (1 + 8 / 11), 12);
    const total = aggregateSummaries([row, { ...row, system: { rouge1: 0, rouge2: 0, rougeL: 0 }, words: 0 }]);
    expect(total.system).toEqual({ rouge1: 50, rouge2: 50, rougeL: 50 });
    expect(total.mean_summary_words).toBe(4);
    expect(total.articles).toBe(2);
  });
});
