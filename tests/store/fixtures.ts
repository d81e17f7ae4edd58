import { createHash } from 'node:crypto';
import type { Digest, DigestItem } from '../../src/digest/types.js';
import type { Summary } from '../../src/summarize/types.js';
import type { Store, StoredArticle } from '../../src/store/types.js';

export type ArticleInput = Omit<StoredArticle, 'storyId'> & { storyId?: string };

/** A stored article whose id and content hash follow from its text, like the reader's. */
export function article(fields: Partial<ArticleInput> & { text: string; title: string }): ArticleInput {
  const contentHash = fields.contentHash ?? createHash('sha256').update(fields.text).digest('hex');
  const id = fields.id ?? contentHash.slice(0, 12);
  const summary: Summary = {
    articleId: id,
    headline: fields.title,
    summary: [{ text: fields.text.slice(0, 40), start: 0, end: Math.min(40, fields.text.length) }],
    quotes: [],
    casualties: [],
  };
  return {
    sourceId: 'seeds',
    origin: 'seeds/test.txt',
    ingestedAt: '2024-03-01T06:00:00.000Z',
    summary,
    ...fields,
    id,
    contentHash,
  };
}

export function digestItem(id: string, headline: string): DigestItem {
  return {
    id,
    headline,
    summary: [`${headline}.`],
    quotes: [],
    figures: [],
    sources: [{ articleId: id, title: headline, origin: 'seeds/test.txt' }],
  };
}

export function digest(date: string, items: DigestItem[], generatedAt = `${date}T06:00:00.000Z`): Digest {
  return { date, title: `News for ${date}`, items, generatedAt };
}

/** A store under test, and a way to open a second connection to the same database. */
export interface StoreFixture {
  store: Store;
  /** Another store on the same database (already migrated by `store`); absent for :memory:. */
  connect?: () => Promise<Store>;
  dispose(): Promise<void>;
}
