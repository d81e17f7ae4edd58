import { toDigestItem, type DigestEntry } from '../digest/item.js';
import type { NewsLibrary } from '../digest/library.js';
import type { Digest, DigestItem } from '../digest/types.js';
import type { ArticleStore, DigestStore, StoredArticle } from './types.js';

/** A stored article as the digest builder's input: its summary and where it came from. */
export function storedEntry(article: StoredArticle): DigestEntry {
  const { id, title, publication, agency, url, publishedAt, origin } = article;
  return {
    summary: article.summary,
    source: { articleId: id, title, publication, agency, url, publishedAt, origin },
    body: article.text,
  };
}

/** Which part of the store a library reads: one channel's digests, one tenant's sources. */
export interface LibraryScope {
  /** Only this channel's digests; null: no digest here (nothing is read from any digest); every channel's when omitted. */
  channelId?: string | null;
  /**
   * The sources whose articles may be read (a tenant's: what its channels receive), asked at each
   * read since channels subscribe while running; every source's when omitted.
   */
  sources?: () => Promise<readonly string[]>;
}

/**
 * The commands' NewsLibrary over the store, for the service: digests as they were posted, and any
 * stored article as a story even when no digest carried it, within the scope given.
 */
export class StoreLibrary implements NewsLibrary {
  constructor(
    /** The articles and digests; a whole Store will do. */
    private readonly store: ArticleStore & DigestStore,
    private readonly scope: LibraryScope = {},
  ) {}

  async digest(date?: string): Promise<Digest | null> {
    if (this.scope.channelId === null) return null;
    return this.store.getDigest({ channelId: this.scope.channelId, date });
  }

  /** The story as the latest digest showed it, else built from its stored articles (those in scope). */
  async item(id: string): Promise<DigestItem | null> {
    if (this.scope.channelId !== null) {
      const posted = await this.store.findDigestItem(id, this.scope.channelId);
      if (posted) return posted;
    }
    const sources = await this.scope.sources?.();
    const inScope = (article: StoredArticle) => !sources || sources.includes(article.sourceId);
    const article = await this.store.getArticle(id);
    if (!article || !inScope(article)) return null;
    // Other tenants' articles of the same story stay theirs.
    const [lead = article, ...others] = (await this.store.storyArticles(article.storyId)).filter(inScope);
    return toDigestItem(storedEntry(lead), others.map(storedEntry));
  }

  /** Stories whose articles match, best first; several matching articles of one story count once. */
  async search(query: string, limit: number): Promise<DigestItem[]> {
    if (limit <= 0) return [];
    const articles = await this.store.searchArticles(query, limit * 3, await this.scope.sources?.());
    const firstOfStory = new Map<string, StoredArticle>();
    for (const article of articles) if (!firstOfStory.has(article.storyId)) firstOfStory.set(article.storyId, article);
    const items = await Promise.all(
      [...firstOfStory].slice(0, limit).map(async ([storyId, article]) => (await this.item(storyId)) ?? this.item(article.id)),
    );
    return items.filter((item): item is DigestItem => item !== null);
  }
}
