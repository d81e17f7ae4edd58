/** Stories the summarizer tests write: a title line, a blank line, then the paragraphs. */
import { readArticle } from '../../src/article/read.js';
import type { Article } from '../../src/article/types.js';
import { extractQuotes } from '../../src/summarize/quotes.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { Quote } from '../../src/summarize/types.js';

export function storyOf(...paragraphs: string[]): Article {
  return readArticle(['Test story', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'), { origin: 'test' });
}

/** Every quotation of a story, in order. */
export function quotesOf(...paragraphs: string[]): Quote[] {
  const article = storyOf(...paragraphs);
  return extractQuotes(article, splitSentences(article));
}

/** Who speaks each quotation of a story (null where no one is shown). */
export function speakers(...paragraphs: string[]): (string | null)[] {
  return quotesOf(...paragraphs).map((q) => q.speaker);
}
