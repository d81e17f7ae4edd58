import { toDigestItem, type DigestEntry } from './item.js';
import { sameStoryGrouper } from './same-story.js';
import type { Digest, DigestItem } from './types.js';

export interface DigestOptions {
  /** Local date the digest is for, YYYY-MM-DD. */
  date: string;
  now: Date;
  maxItems?: number;
  /** Keep only stories mentioning one of these words (case-insensitive); empty keeps all. */
  keywords?: string[];
  title?: string;
  /** Groups entries about the same story; default: groupBySameStory (docs/stories.md). */
  groupSameStory?: (entries: DigestEntry[]) => DigestEntry[][];
}

/**
 * Builds the platform-neutral digest: filters by keywords, merges the same story from several
 * sources into one item, ranks stories by how much they carry, and keeps the top ones.
 */
export function buildDigest(entries: DigestEntry[], options: DigestOptions): Digest {
  const keywords = (options.keywords ?? []).map((word) => word.toLowerCase());
  const kept = keywords.length ? entries.filter((entry) => matchesKeywords(entry, keywords)) : entries;
  const groups = (options.groupSameStory ?? groupBySameStory)(kept);
  const ranked = groups
    .filter((group) => group.length > 0)
    .map((group, order) => ({ item: toDigestItem(group[0]!, group.slice(1)), order }))
    .sort((a, b) => weight(b.item) - weight(a.item) || a.order - b.order)
    .slice(0, options.maxItems ?? 10)
    .map(({ item }) => item);
  return {
    date: options.date,
    title: options.title ?? `News digest for ${options.date}`,
    items: ranked,
    generatedAt: options.now.toISOString(),
  };
}

/** The same story from several sources: compared by headline and body text, and how far apart they were published. */
export const groupBySameStory = sameStoryGrouper((entry: DigestEntry) => ({
  id: entry.source.articleId,
  title: entry.summary.headline,
  body: entry.body,
  publishedAt: entry.source.publishedAt,
}));

function matchesKeywords(entry: DigestEntry, keywords: string[]): boolean {
  const text = `${entry.summary.headline}\n${entry.body}`.toLowerCase();
  return keywords.some((word) => text.includes(word));
}

/** A story carried by more sources, with people quoted and figures reported, ranks higher. */
function weight(item: DigestItem): number {
  return item.sources.length * 3 + Math.min(item.quotes.filter((quote) => quote.key).length, 3) + (item.figures.length ? 2 : 0) + (item.summary.length ? 1 : 0);
}
