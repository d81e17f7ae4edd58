import type { Summary } from '../summarize/types.js';
import { compact, instant, isoInstant, json, optionalText, searchWords, urlKey, type Row, type SqlConnection } from './rows.js';
import type { ArticleFilter, ArticleInput, ArticleStore, StoredArticle } from './types.js';

/** The articles table, the same statements on SQLite and PostgreSQL. */
export class SqlArticleStore implements ArticleStore {
  constructor(private readonly db: SqlConnection) {}

  async saveArticle(article: ArticleInput): Promise<{ stored: boolean; id: string }> {
    const storyId = article.storyId ? await this.storyRoot(article.storyId) : article.id;
    // DO NOTHING without a target skips a clash on any unique key: id, URL or content hash.
    const inserted = await this.db.all(
      `INSERT INTO articles (id, source_id, origin, url, url_key, title, text, content_hash, publication,
         agency, author, published_at, ingested_at, story_id, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        article.id,
        article.sourceId,
        article.origin,
        article.url ?? null,
        article.url ? urlKey(article.url) : null,
        article.title,
        article.text,
        article.contentHash,
        article.publication ?? null,
        article.agency ?? null,
        article.author ?? null,
        article.publishedAt ?? null,
        isoInstant(article.ingestedAt, 'ingestedAt'),
        storyId,
        JSON.stringify(article.summary),
      ],
    );
    if (inserted.length > 0) return { stored: true, id: article.id };
    const existing = await this.db.one(`SELECT id FROM articles WHERE id = ? OR content_hash = ? OR url_key = ? LIMIT 1`, [
      article.id,
      article.contentHash,
      article.url ? urlKey(article.url) : null,
    ]);
    return { stored: false, id: String(existing?.id ?? article.id) };
  }

  /** A story is named by its first article: joining a story means joining that article's story. */
  private async storyRoot(storyId: string): Promise<string> {
    const row = await this.db.one('SELECT story_id FROM articles WHERE id = ?', [storyId]);
    return row ? String(row.story_id) : storyId;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = await this.db.one('SELECT * FROM articles WHERE id = ?', [id]);
    return row ? toArticle(row) : null;
  }

  async articlesSince(since: Date, filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const { sourceIds, excludeSourcePrefix } = filter;
    if (sourceIds && sourceIds.length === 0) return [];
    const conditions = ['ingested_at >= ?'];
    const params: unknown[] = [since.toISOString()];
    if (sourceIds) {
      conditions.push(`source_id IN (${sourceIds.map(() => '?').join(', ')})`);
      params.push(...sourceIds);
    }
    if (excludeSourcePrefix) {
      // The prefix's own % and _ match only themselves; ILIKE on PostgreSQL ignores case as SQLite's LIKE does.
      conditions.push(`source_id NOT ${this.db.dialect.like} ? ESCAPE '\\'`);
      params.push(`${escapeLike(excludeSourcePrefix)}%`);
    }
    const rows = await this.db.all(`SELECT * FROM articles WHERE ${conditions.join(' AND ')} ORDER BY ingested_at, id`, params);
    return rows.map(toArticle);
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = await this.db.all(
      `SELECT * FROM articles WHERE story_id = ?
       ORDER BY CASE WHEN id = story_id THEN 0 ELSE 1 END, ingested_at, id`,
      [storyId],
    );
    return rows.map(toArticle);
  }

  /**
   * Every word must appear in the headline or the text; articles with more words in the headline
   * come first, then the newest.
   */
  async searchArticles(query: string, limit: number, sourceIds?: readonly string[]): Promise<StoredArticle[]> {
    const words = searchWords(query);
    const take = Math.max(0, Math.min(Math.floor(limit), 100));
    if (words.length === 0 || take === 0 || sourceIds?.length === 0) return [];
    const like = this.db.dialect.like;
    const patterns = words.map((w) => `%${escapeLike(w)}%`);
    const matches = patterns.map(() => `(title ${like} ? ESCAPE '\\' OR text ${like} ? ESCAPE '\\')`);
    const headlineScore = patterns.map(() => `CASE WHEN title ${like} ? ESCAPE '\\' THEN 1 ELSE 0 END`);
    // A tenant searches only what its channels receive: the articles of their sources.
    const sourceFilter = sourceIds ? ` AND source_id IN (${sourceIds.map(() => '?').join(', ')})` : '';
    const rows = await this.db.all(
      `SELECT * FROM articles WHERE ${matches.join(' AND ')}${sourceFilter}
       ORDER BY (${headlineScore.join(' + ')}) DESC, ingested_at DESC, id LIMIT ?`,
      [...patterns.flatMap((p) => [p, p]), ...(sourceIds ?? []), ...patterns, take],
    );
    return rows.map(toArticle);
  }
}

/** Text as a LIKE pattern that matches only itself (with ESCAPE '\'): its backslashes, % and _ escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toArticle(row: Row): StoredArticle {
  return compact({
    id: String(row.id),
    sourceId: String(row.source_id),
    origin: String(row.origin),
    url: optionalText(row.url),
    title: String(row.title),
    text: String(row.text),
    contentHash: String(row.content_hash),
    publication: optionalText(row.publication),
    agency: optionalText(row.agency),
    author: optionalText(row.author),
    publishedAt: optionalText(row.published_at),
    ingestedAt: instant(row.ingested_at),
    storyId: String(row.story_id),
    summary: json<Summary>(row.summary),
  });
}
