import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import type { Summary } from '../summarize/types.js';
import type { DigestItem, SourceRef } from './types.js';

/** An article's summary with where it came from: what a digest is built of. */
export interface DigestEntry {
  summary: Summary;
  source: SourceRef;
  /** The article's body text, for same-story grouping. */
  body: string;
}

export function sourceRef(article: Article): SourceRef {
  const { publication, agency, url, publishedAt, origin } = article.source;
  return { articleId: article.id, title: article.title, publication, agency, url, publishedAt, origin };
}

export function entryFor(article: Article, summary: Summary): DigestEntry {
  return { summary, source: sourceRef(article), body: article.text };
}

/** One story: the lead entry's summary, every entry's source. */
export function toDigestItem(lead: DigestEntry, others: DigestEntry[] = []): DigestItem {
  const { summary, source } = lead;
  return {
    id: summary.articleId,
    headline: summary.headline,
    summary: summary.summary.map((sentence) => collapse(sentence.text)),
    quotes: [...summary.quotes].sort((a, b) => a.rank - b.rank),
    figures: summary.casualties,
    sources: [source, ...others.map((entry) => entry.source)],
    publishedAt: source.publishedAt,
  };
}
