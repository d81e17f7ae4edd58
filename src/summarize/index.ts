import type { Article } from '../article/types.js';
import { collapse } from '../article/read.js';
import { extractCasualties } from './casualties.js';
import { extractQuotes } from './quotes.js';
import { selectSentences } from './select.js';
import { splitSentences } from './sentences.js';
import type { SummarizeOptions, Summary } from './types.js';

export type { Summary, SummarizeOptions } from './types.js';

/**
 * Summarizes one article: headline, the N most informative sentences, direct quotes with
 * speakers, and casualty figures. Pure and deterministic: no clock, network or randomness.
 */
export function summarize(article: Article, options: SummarizeOptions = {}): Summary {
  const sentences = splitSentences(article);
  const count = Math.max(1, options.sentences ?? 2);
  return {
    articleId: article.id,
    headline: collapse(article.title) || firstWords(article, sentences[0]),
    summary: selectSentences(article, sentences, count).map((s) => ({ text: article.text.slice(s.start, s.end), start: s.start, end: s.end })),
    quotes: extractQuotes(article, sentences),
    casualties: extractCasualties(article, sentences),
  };
}

/** For an article without a title line: its first words stand in as the headline. */
function firstWords(article: Article, sentence: { start: number; end: number } | undefined): string {
  if (!sentence) return '(untitled)';
  const words = collapse(article.text.slice(sentence.start, sentence.end)).split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
