import type { Article } from '../article/types.js';
import type { Sentence } from './sentences.js';
import type { Figure } from './types.js';

/** Every count of people killed, injured, displaced, missing, detained or kidnapped. */
export function extractCasualties(article: Article, sentences: Sentence[]): Figure[] {
  void article;
  void sentences;
  return [];
}
