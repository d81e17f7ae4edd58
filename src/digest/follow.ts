import { figureSubject, sameFigure, sameQuote } from './facts.js';
import type { DigestEntry } from './item.js';
import { outletNames } from './outlets.js';
import type { Development, Digest, DigestItem, FigureChange, StoryDay, StoryFigure, StoryQuote } from './types.js';

/**
 * Following a story across days in one channel. Each digest records what it showed of each story
 * (a StoryRecord). The next digest links new articles to those stories; a linked story is shown
 * again only with something new (a figure, a quote or an outlet not shown before), as developing,
 * with its timeline; with nothing new it is left out.
 */

/** What one digest of a channel showed of one story. */
export interface StoryRecord extends StoryDay {
  storyId: string;
  headline: string;
  /** Every article the story was built from that day, lead first. */
  articleIds: string[];
  quotes: StoryQuote[];
}

/** A story the channel was shown in earlier digests. */
export interface FollowedStory {
  storyId: string;
  /** Each earlier digest that showed it, oldest first. */
  days: StoryRecord[];
  /** Some of its articles (at least one day's lead), so that new articles about it can be recognised. */
  entries: DigestEntry[];
}

/** How long a story is followed: an article about it after this many days starts a new story. */
export const FOLLOW_DAYS = 7;

/** What a digest showed of each of its stories, for the next digests to follow them. */
export function storyRecords(digest: Digest): StoryRecord[] {
  return digest.items.map((item) => ({
    storyId: item.id,
    date: digest.date,
    headline: item.headline,
    articleIds: item.sources.map((source) => source.articleId),
    figures: item.figures,
    quotes: item.quotes.map(({ isNew: _isNew, ...quote }) => quote),
    outlets: outletNames(item.sources),
  }));
}

/** Every article id the story has been built from so far. */
export function knownArticles(story: FollowedStory): Set<string> {
  return new Set(story.days.flatMap((day) => day.articleIds));
}

/**
 * The story again on `date`, built from today's articles: as developing, with what changed and its
 * timeline, or null when nothing in it is new. `copiedBy` names outlets whose articles only
 * republish copy shown before: they are not new sources.
 */
export function develop(item: DigestItem, story: FollowedStory, date: string, copiedBy: ReadonlySet<string> = new Set()): DigestItem | null {
  const days = story.days.filter((day) => day.date < date);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return item;
  const seenFigures = days.flatMap((day) => day.figures);
  const seenQuotes = days.flatMap((day) => day.quotes);
  const seenOutlets = new Set(days.flatMap((day) => day.outlets));

  const newFigures: FigureChange[] = item.figures
    .filter((figure) => !seenFigures.some((seen) => restates(figure, seen)))
    .map((figure) => ({ figure, previous: previousFigure(figure, days) }));
  const quotes = item.quotes.map((quote) => (seenQuotes.some((seen) => sameQuote(seen, quote)) ? quote : { ...quote, isNew: true }));
  // Only quotes a digest shows (key ones) make news: a new aside is no development.
  const newQuotes = quotes.filter((quote) => quote.isNew && quote.key).length;
  const outlets = outletNames(item.sources);
  const newOutlets = outlets.filter((outlet) => !seenOutlets.has(outlet) && !copiedBy.has(outlet));
  if (newFigures.length === 0 && newQuotes === 0 && newOutlets.length === 0) return null;

  const development: Development = { firstDate: first.date, previousDate: last.date, newFigures, newQuotes, newOutlets };
  const timeline: StoryDay[] = [
    ...days.map(({ date: day, figures, outlets: dayOutlets }) => ({ date: day, figures, outlets: dayOutlets })),
    { date, figures: item.figures, outlets },
  ];
  return { ...item, id: story.storyId, quotes, development, timeline };
}

/**
 * The latest earlier figure a new one revises: same kind, same people counted, a definite number
 * both times; where outlets disagreed that day, the one most of them reported.
 */
function previousFigure(figure: StoryFigure, days: StoryRecord[]): FigureChange['previous'] {
  if (figure.count === null) return undefined;
  for (let i = days.length - 1; i >= 0; i--) {
    const candidates = days[i]!.figures.filter((seen) => seen.count !== null && figureSubject(seen) === figureSubject(figure));
    const best = candidates.sort((a, b) => (b.outlets?.length ?? 1) - (a.outlets?.length ?? 1))[0];
    if (best) return { figure: best, date: days[i]!.date };
  }
  return undefined;
}

/**
 * Earlier records of a channel as followed stories: each story's days oldest first, and as its
 * articles for recognising new ones the leads of its first and latest days (those `entryOf` finds).
 */
export function followedStories(records: StoryRecord[], entryOf: (articleId: string) => DigestEntry | undefined): FollowedStory[] {
  const byStory = new Map<string, StoryRecord[]>();
  for (const record of [...records].sort((a, b) => a.date.localeCompare(b.date))) {
    const days = byStory.get(record.storyId) ?? [];
    days.push(record);
    byStory.set(record.storyId, days);
  }
  return [...byStory].map(([storyId, days]) => {
    const leads = [...new Set([days[0]!.articleIds[0], days.at(-1)!.articleIds[0]])].filter((id): id is string => Boolean(id));
    return { storyId, days, entries: leads.map(entryOf).filter((entry): entry is DigestEntry => entry !== undefined) };
  });
}

/** The lead article ids whose text `followedStories` needs from the store. */
export function leadArticleIds(records: StoryRecord[]): string[] {
  return [...new Set(records.map((record) => record.articleIds[0]).filter((id): id is string => Boolean(id)))];
}

/**
 * Whether a figure says again what an earlier one said: the same kind about the same people and
 * the same number, however qualified ("700 killed" after "at least 700 killed" is not news).
 */
function restates(figure: StoryFigure, earlier: StoryFigure): boolean {
  if (figureSubject(figure) !== figureSubject(earlier)) return false;
  return figure.count !== null ? figure.count === earlier.count : sameFigure(figure, earlier);
}
