import type { Figure, Quote } from '../summarize/types.js';
import { quoteWords } from './format.js';
import type { StoryFigure, StoryQuote } from './types.js';

/**
 * When two reports carry the same fact. Quotes: the same words, give or take punctuation, case and
 * an outlet trimming one end of the quotation. Figures: the same kind, the same people counted and
 * the same amount as written; "at least 700" and "750" are different claims and both stand.
 */

/** Two quotations sharing this share of their words (or one inside the other) are one quotation. */
const SAME_QUOTE_WORDS = 0.8;
/** A quotation this short must match whole: a few common words say nothing about being the same. */
const MIN_CONTAINED_WORDS = 5;

interface QuoteWords {
  list: string[];
  joined: string;
  set: Set<string>;
}

/** A story of many outlets compares each quote with many others: its words are read once. */
const wordsOfQuote = new WeakMap<Quote, QuoteWords>();

function words(quote: Quote): QuoteWords {
  let found = wordsOfQuote.get(quote);
  if (!found) {
    const list =
      quoteWords(quote)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    found = { list, joined: list.join(' '), set: new Set(list) };
    wordsOfQuote.set(quote, found);
  }
  return found;
}

export function sameQuote(a: Quote, b: Quote): boolean {
  const { list: wordsA, joined: joinedA, set: setA } = words(a);
  const { list: wordsB, joined: joinedB, set: setB } = words(b);
  if (joinedA === joinedB) return joinedA.length > 0;
  const [shorter, longer] = wordsA.length <= wordsB.length ? [joinedA, joinedB] : [joinedB, joinedA];
  if (Math.min(wordsA.length, wordsB.length) >= MIN_CONTAINED_WORDS && ` ${longer} `.includes(` ${shorter} `)) return true;
  let shared = 0;
  for (const word of setA) if (setB.has(word)) shared++;
  return shared / (setA.size + setB.size - shared || 1) >= SAME_QUOTE_WORDS;
}

/** Who a figure counts, with the unspoken default ("700 killed" counts people). */
function counted(figure: Figure): string {
  const who = (figure.who ?? '').toLowerCase().trim();
  return who === 'people' || who === 'persons' ? '' : who;
}

/** The same kind of figure about the same people: "killed" of "civilians", whatever the amount. */
export function figureSubject(figure: Figure): string {
  return `${figure.kind}|${counted(figure)}`;
}

export function sameFigure(a: Figure, b: Figure): boolean {
  return (
    figureSubject(a) === figureSubject(b) &&
    a.count === b.count &&
    a.min === b.min &&
    a.max === b.max &&
    (a.qualifier ?? '').toLowerCase() === (b.qualifier ?? '').toLowerCase()
  );
}

/** Adds `outlet` to a fact's outlets (first reporter first, each once). */
export function withOutlet<T extends StoryQuote | StoryFigure>(fact: T, outlet: string): T {
  const outlets = fact.outlets ?? [];
  return outlets.includes(outlet) ? fact : { ...fact, outlets: [...outlets, outlet] };
}

/** Quotes of several reports merged: each quotation once, with every outlet that carried it. */
export function mergeQuotes(reports: { outlet: string; quotes: Quote[] }[]): StoryQuote[] {
  const merged: StoryQuote[] = [];
  for (const { outlet, quotes } of reports) {
    for (const quote of [...quotes].sort((a, b) => a.rank - b.rank)) {
      const index = merged.findIndex((known) => sameQuote(known, quote));
      if (index < 0) {
        merged.push({ ...quote, outlets: [outlet] });
        continue;
      }
      const known = withOutlet(merged[index]!, outlet);
      // An outlet that names the speaker (or calls the quote key) completes the one that did not.
      merged[index] = {
        ...known,
        speaker: known.speaker ?? quote.speaker,
        speakerRole: known.speaker ? known.speakerRole : quote.speakerRole,
        key: known.key || quote.key,
      };
    }
  }
  return merged.map((quote, i) => ({ ...quote, rank: i + 1 }));
}

/** Figures of several reports merged: equal figures once with all their outlets, disagreeing ones side by side. */
export function mergeFigures(reports: { outlet: string; figures: Figure[] }[]): StoryFigure[] {
  const merged: StoryFigure[] = [];
  for (const { outlet, figures } of reports) {
    for (const figure of withoutRestatements(figures)) {
      const index = merged.findIndex((known) => sameFigure(known, figure));
      if (index < 0) {
        merged.push({ ...figure, outlets: [outlet] });
        continue;
      }
      const known = withOutlet(merged[index]!, outlet);
      // "700 killed" in a headline and "700 people killed" in the text: keep the fuller wording and its sentence.
      merged[index] = known.who || !figure.who ? known : { ...figure, outlets: known.outlets };
    }
  }
  // Figures about the same thing stand next to each other, so a disagreement reads as one.
  const firstOfSubject = new Map<string, number>();
  merged.forEach((figure, i) => {
    if (!firstOfSubject.has(figureSubject(figure))) firstOfSubject.set(figureSubject(figure), i);
  });
  return merged
    .map((figure, i) => ({ figure, i }))
    .sort((a, b) => firstOfSubject.get(figureSubject(a.figure))! - firstOfSubject.get(figureSubject(b.figure))! || a.i - b.i)
    .map(({ figure }) => figure);
}

/**
 * One report's figures without restatements: a headline's "toll rises to 820" and the body's "at
 * least 820 killed" are one figure, kept as the body words it with its qualifier.
 */
function withoutRestatements(figures: Figure[]): Figure[] {
  return figures.filter(
    (figure) =>
      figure.qualifier !== null ||
      !figures.some(
        (other) =>
          other !== figure &&
          other.qualifier !== null &&
          figureSubject(other) === figureSubject(figure) &&
          other.count !== null &&
          other.count === figure.count,
      ),
  );
}
