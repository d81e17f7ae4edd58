import { figureSubject } from './facts.js';
import { outletNames } from './outlets.js';
import type { DigestItem, StoryFigure, StoryQuote } from './types.js';

/**
 * What of a story a reader is shown, decided here once for every renderer (terminal, Slack,
 * Discord): a digest shows the key quotes and the figures; /article and the buttons show all.
 */

/** How much of a story a digest shows; the rest is one button or /article away. */
export const DIGEST_SHOWS = { quotes: 3, figures: 6 } as const;

export interface StorySelection {
  quotes: (StoryQuote & { isNew?: boolean })[];
  figures: StoryFigure[];
  /** Name the outlets of each quote and figure: the story was carried by more than one outlet. */
  attributed: boolean;
}

/** A story carried by more than one outlet names who reported each fact. */
export function isAttributed(item: DigestItem): boolean {
  return outletNames(item.sources).length > 1;
}

/**
 * The quotes and figures a digest shows of a story. Quotes: only those the summarizer calls key
 * (an article with none shows none), new ones first in a developing story, then those carried by
 * more outlets, then by rank. Figures: all of them up to a cap, disagreeing figures side by side
 * and never split by it.
 */
export function selectForDigest(item: DigestItem): StorySelection {
  const quotes = item.quotes
    .map((quote, order) => ({ quote, order }))
    .filter(({ quote }) => quote.key)
    .sort(
      (a, b) =>
        Number(b.quote.isNew ?? false) - Number(a.quote.isNew ?? false) ||
        (b.quote.outlets?.length ?? 1) - (a.quote.outlets?.length ?? 1) ||
        a.quote.rank - b.quote.rank ||
        a.order - b.order,
    )
    .slice(0, DIGEST_SHOWS.quotes)
    .map(({ quote }) => quote);
  return { quotes, figures: wholeSubjects(item.figures, DIGEST_SHOWS.figures), attributed: isAttributed(item) };
}

/**
 * Figures up to `max`, never cutting between figures about the same thing: where outlets
 * disagree, the digest shows all of their figures or none (the first subject always).
 */
function wholeSubjects(figures: StoryFigure[], max: number): StoryFigure[] {
  const subjects = new Map<string, StoryFigure[]>();
  for (const figure of figures) subjects.set(figureSubject(figure), [...(subjects.get(figureSubject(figure)) ?? []), figure]);
  const shown: StoryFigure[] = [];
  for (const group of subjects.values()) {
    if (shown.length > 0 && shown.length + group.length > max) break;
    shown.push(...group);
  }
  return shown;
}

/** Everything of a story, for /article and the Quotes / Figures buttons: every quote by rank, every figure. */
export function selectInFull(item: DigestItem): StorySelection {
  return { quotes: [...item.quotes].sort((a, b) => a.rank - b.rank), figures: item.figures, attributed: isAttributed(item) };
}
