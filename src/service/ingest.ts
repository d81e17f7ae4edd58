import { createHash } from 'node:crypto';
import { ArticleFileError, expandArticlePaths, readArticleFile } from '../sources/files.js';
import { bodyParagraphs, type Article } from '../article/types.js';
import type { SourceConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { ArticleStore, StoredArticle } from '../store/types.js';
import { summarize } from '../summarize/index.js';

/** An article read by the reader, as the store keeps it (with its summary). */
export function toStoredArticle(article: Article, sourceId: string, options: { sentences: number; now: Date }): Omit<StoredArticle, 'storyId'> {
  const body =
    bodyParagraphs(article)
      .map((p) => article.text.slice(p.start, p.end))
      .join('\n\n') || article.text;
  const { publication, agency, author, url, publishedAt, origin } = article.source;
  return {
    id: article.id,
    sourceId,
    origin,
    url,
    title: article.title,
    text: article.text,
    contentHash: createHash('sha256').update(body).digest('hex'),
    publication,
    agency,
    author,
    publishedAt,
    ingestedAt: options.now.toISOString(),
    summary: summarize(article, { sentences: options.sentences }),
  };
}

export interface IngestDeps {
  articles: ArticleStore;
  logger: Logger;
  sentences: number;
  now(): Date;
  /** Counts articles newly stored, per source (for /metrics). */
  onStored?(sourceId: string, count: number): void;
}

/**
 * Stores articles the store has not seen (it also de-duplicates by URL and content hash),
 * summarizing only those. An article that fails is logged by name and skipped. The articles may
 * come one at a time (a generator): each is stored before the next is read.
 */
export async function storeArticles(sourceId: string, articles: Iterable<Article>, deps: IngestDeps): Promise<number> {
  let stored = 0;
  for (const article of articles) {
    const name = article.source.url ?? article.source.origin;
    try {
      // Sources are read again before each digest: an article already stored is not summarized again.
      if (await deps.articles.getArticle(article.id)) continue;
      const result = await deps.articles.saveArticle(toStoredArticle(article, sourceId, { sentences: deps.sentences, now: deps.now() }));
      if (result.stored) stored++;
    } catch (error) {
      deps.logger.error({ err: error, source: sourceId, origin: name }, `source ${sourceId}: could not store ${name}`);
    }
  }
  if (stored) deps.logger.info({ source: sourceId, stored }, `source ${sourceId}: stored ${stored} new article(s)`);
  deps.onStored?.(sourceId, stored);
  return stored;
}

/**
 * Reads a `files` source folder into the store, one file at a time: each article is read, summarized
 * and stored before the next is read, so memory holds one article, not the whole folder. A bad file
 * is logged by name; it never stops the service.
 */
export async function ingestFileSource(source: Extract<SourceConfig, { type: 'files' }>, deps: IngestDeps): Promise<number> {
  const { files, errors } = expandArticlePaths([source.path]);
  const warn = (error: Error) => deps.logger.warn({ source: source.id }, `source ${source.id}: ${error.message}`);
  errors.forEach(warn);
  function* articles(): Generator<Article> {
    for (const file of files) {
      try {
        yield readArticleFile(file);
      } catch (error) {
        if (!(error instanceof ArticleFileError)) throw error;
        warn(error);
      }
    }
  }
  return storeArticles(source.id, articles(), deps);
}
