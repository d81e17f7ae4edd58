import { develop, knownArticles, type FollowedStory } from './follow.js';
import { toDigestItem, type DigestEntry } from './item.js';
import { independentReports, outletName, outletNames } from './outlets.js';
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
  /**
   * Stories this channel was shown in earlier digests. New articles about one of them make it a
   * developing story (or leave it out when they bring nothing new) instead of a new one.
   */
  followed?: FollowedStory[];
}

/**
 * Builds the platform-neutral digest: filters by keywords, merges the same story from several
 * sources into one item, ranks stories by how many independent outlets carried them and then by
 * how much they carry, and keeps the top ones.
 */
export function buildDigest(entries: DigestEntry[], options: DigestOptions): Digest {
  const keywords = (options.keywords ?? []).map((word) => word.toLowerCase());
  const kept = keywords.length ? entries.filter((entry) => matchesKeywords(entry, keywords)) : entries;
  const followed = options.followed ?? [];
  // Earlier stories join the grouping through their articles, so new articles about them are recognised.
  const storyOfEntry = new Map<DigestEntry, FollowedStory>();
  for (const story of followed) for (const entry of story.entries) storyOfEntry.set(entry, story);
  const storyOfArticle = new Map<string, FollowedStory>();
  for (const story of followed) for (const id of knownArticles(story)) storyOfArticle.set(id, story);

  const groups = (options.groupSameStory ?? groupBySameStory)([...storyOfEntry.keys(), ...kept]);
  const items: Candidate[] = [];
  const newStory = (entries: DigestEntry[]): Candidate => ({
    entries,
    order: items.length,
    outletBound: outletNames(entries.map((entry) => entry.source)).length,
  });
  const continued = new Set<FollowedStory>();
  for (const group of groups) {
    const fresh = group.filter((entry) => !storyOfEntry.has(entry));
    if (fresh.length === 0) continue;
    const story =
      group.map((entry) => storyOfEntry.get(entry)).find(Boolean) ?? fresh.map((entry) => storyOfArticle.get(entry.source.articleId)).find(Boolean);
    if (!story) {
      items.push(newStory(fresh));
      continue;
    }
    // Articles already shown (a window overlapping the last digest) bring nothing: the story goes on from the new ones.
    const known = knownArticles(story);
    const unseen = fresh.filter((entry) => !known.has(entry.source.articleId));
    if (unseen.length === 0) continue;
    // A story continues once; a second group of new articles linked to it is a story of its own.
    if (continued.has(story)) {
      items.push(newStory(unseen));
      continue;
    }
    continued.add(story);
    // A site republishing copy the channel was already shown is no new source.
    const copies = independentReports([...story.entries, ...unseen])
      .filter((report) => report.some((entry) => storyOfEntry.has(entry)))
      .flatMap((report) => report.filter((entry) => !storyOfEntry.has(entry)).map((entry) => outletName(entry.source)));
    const developing = develop(toDigestItem(unseen[0]!, unseen.slice(1)), story, options.date, new Set(copies));
    if (developing) items.push({ item: developing, order: items.length, outletBound: developing.outletCount ?? 1 });
  }
  return {
    date: options.date,
    title: options.title ?? `News digest for ${options.date}`,
    items: topStories(items, options.maxItems ?? 10),
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

/**
 * A story of the digest: built already (a developing one), or only its articles until it may rank
 * among the top ones. `outletBound` is the most independent outlets it can have (its distinct outlet names).
 */
interface Candidate {
  item?: DigestItem;
  entries?: DigestEntry[];
  order: number;
  outletBound: number;
}

/**
 * The `max` best stories, ranked by independent outlets, then weight, then order found. A digest
 * of thousands of articles shows ten stories: merging every story's facts and comparing its texts
 * would cost far more than grouping, so stories are built most-outlets-first, and the rest are left
 * unbuilt once `max` built ones have more independent outlets than any of them could have.
 */
function topStories(candidates: Candidate[], max: number): DigestItem[] {
  const built: { item: DigestItem; order: number }[] = [];
  const byBound = [...candidates].sort((a, b) => b.outletBound - a.outletBound || a.order - b.order);
  for (let i = 0; i < byBound.length; i++) {
    const candidate = byBound[i]!;
    const bound = candidate.outletBound;
    if (max > 0 && i > 0 && bound < byBound[i - 1]!.outletBound && built.filter(({ item }) => (item.outletCount ?? 1) > bound).length >= max) break;
    const item = candidate.item ?? toDigestItem(candidate.entries![0]!, candidate.entries!.slice(1));
    built.push({ item, order: candidate.order });
  }
  return built
    .sort((a, b) => (b.item.outletCount ?? 1) - (a.item.outletCount ?? 1) || weight(b.item) - weight(a.item) || a.order - b.order)
    .slice(0, max)
    .map(({ item }) => item);
}

/**
 * Among stories carried by as many independent outlets: one with people quoted and figures
 * reported ranks higher.
 */
function weight(item: DigestItem): number {
  return Math.min(item.quotes.filter((quote) => quote.key).length, 3) + (item.figures.length ? 2 : 0) + (item.summary.length ? 1 : 0);
}
