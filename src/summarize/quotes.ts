import type { Article } from '../article/types.js';
import type { Sentence } from './sentences.js';
import type { Quote } from './types.js';

/** Every direct quotation in the body with its speaker; the best two or three marked key. */
export function extractQuotes(article: Article, sentences: Sentence[]): Quote[] {
  void article;
  void sentences;
  return [];
}
