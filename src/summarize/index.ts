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
export function summarize(whole: Article, options: SummarizeOptions = {}): Summary {
  const article = analysedPart(whole);
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

/**
 * A news story is a few thousand characters; past this, text is a dump or an attack, and reading
 * all of it would stall the service. Only paragraphs that start before the limit are analysed.
 */
export const MAX_ANALYSED_CHARS = 100_000;

function analysedPart(article: Article): Article {
  if (article.text.length <= MAX_ANALYSED_CHARS) return article;
  return { ...article, paragraphs: article.paragraphs.filter((paragraph) => paragraph.start < MAX_ANALYSED_CHARS) };
}

/** For an article without a title line: its first words stand in as the headline. */
function firstWords(article: Article, sentence: { start: number; end: number } | undefined): string {
  if (!sentence) return '(untitled)';
  const words = collapse(article.text.slice(sentence.start, sentence.end)).split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
