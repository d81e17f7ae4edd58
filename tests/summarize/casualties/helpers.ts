/** Shared by the casualty rule tests: the figures of a body we write, and the numbers of a sentence. */
import { readArticle } from '../../../src/article/read.js';
import { extractCasualties } from '../../../src/summarize/casualties.js';
import { type NumberRead, readNumber } from '../../../src/summarize/numbers.js';
import { splitSentences } from '../../../src/summarize/sentences.js';
import { type Token, tokenize } from '../../../src/summarize/tokens.js';
import type { Figure } from '../../../src/summarize/types.js';

export function figures(body: string): Figure[] {
  const article = readArticle(`Report from the region\n\n${body}\n`, { origin: 'test' });
  return extractCasualties(article, splitSentences(article));
}

/** The tokens of `text` as the casualty reader cuts them. */
export function countTokens(text: string): Token[] {
  return tokenize(text, 0, text.length, { pattern: 'counts' });
}

/** Every number of `text` as the extractor reads them, left to right. */
export function numbersOf(text: string): { tokens: Token[]; reads: NumberRead[] } {
  const tokens = countTokens(text);
  const reads: NumberRead[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const read = readNumber(tokens, i);
    if (!read) continue;
    reads.push(read);
    i = read.last - 1;
  }
  return { tokens, reads };
}
