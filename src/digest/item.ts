import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import type { Summary } from '../summarize/types.js';
import { mergeFigures, mergeQuotes } from './facts.js';
import { independentReports, outletName } from './outlets.js';
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

/**
 * One story: the lead entry's headline and summary; the quotes and figures of every entry, each
 * with the outlets that reported it; every entry's source; and how many independent outlets those are.
 */
export function toDigestItem(lead: DigestEntry, others: DigestEntry[] = []): DigestItem {
  const { summary, source } = lead;
  const entries = [lead, ...others];
  return {
    id: summary.articleId,
    headline: summary.headline,
    summary: summary.summary.map((sentence) => collapse(sentence.text)),
    quotes: mergeQuotes(entries.map((entry) => ({ outlet: outletName(entry.source), quotes: entry.summary.quotes }))),
    figures: mergeFigures(entries.map((entry) => ({ outlet: outletName(entry.source), figures: entry.summary.casualties }))),
    sources: entries.map((entry) => entry.source),
    outletCount: independentReports(entries).length,
    publishedAt: source.publishedAt,
  };
}
