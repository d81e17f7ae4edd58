import type { Article, ArticleSource } from './types.js';

/**
 * Reads a plain-text article (title line, blank line, paragraphs) into an Article:
 * normalises the text, marks debris (repeated title, captions, credits, datelines, feed
 * trailers) and keeps what the debris tells (publication, agency, photo credit).
 * Never throws on any string.
 */
export function readArticle(raw: string, source: Partial<ArticleSource> & { origin: string }): Article {
  void raw;
  void source;
  throw new Error('not yet implemented');
}
