import type { Figure, Quote } from '../summarize/types.js';
import { outletNames } from './outlets.js';
import type { Development, Digest, DigestItem, SourceRef, StoryDay, StoryFigure } from './types.js';

/**
 * Wording shared by every renderer, so that a figure or a source reads the same in the
 * terminal, Slack and Discord. Plain text: each platform escapes it for its own markup.
 */

const QUALIFIER_FIRST = new Set([
  'at least',
  'more than',
  'over',
  'up to',
  'nearly',
  'almost',
  'about',
  'around',
  'some',
  'fewer than',
  'less than',
  'roughly',
  'approximately',
]);

/** "1,234": whole numbers grouped by hand, because the first toLocaleString call starts ICU (about 20 ms at every CLI start). */
export function formatNumber(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  return value < 0 ? `-${digits}` : digits;
}

/** "at least 700 people killed", "between 20 and 30 civilians injured", "hundreds displaced". */
export function describeFigure(figure: Figure): string {
  const who = figure.who ? ` ${figure.who}` : '';
  return `${describeAmount(figure)}${who} ${figure.kind}`;
}

/** The amount of a figure alone: "at least 700", "between 20 and 30", "hundreds". */
export function describeAmount(figure: Figure): string {
  let amount: string;
  if (figure.count !== null) {
    amount = formatNumber(figure.count);
    if (figure.qualifier && QUALIFIER_FIRST.has(figure.qualifier.toLowerCase())) amount = `${figure.qualifier} ${amount}`;
  } else if (figure.min !== null && figure.max !== null) {
    amount = `between ${formatNumber(figure.min)} and ${formatNumber(figure.max)}`;
  } else {
    // Vague amounts ("hundreds") read best as written.
    amount =
      figure.qualifier ??
      (figure.min !== null
        ? `at least ${formatNumber(figure.min)}`
        : figure.max !== null
          ? `up to ${formatNumber(figure.max)}`
          : 'an unknown number of');
  }
  return amount;
}

/** The quoted words as a reader sees them: pieces split by the attribution joined with " … ", no trailing comma. */
export function quoteWords(quote: Quote): string {
  const pieces = quote.parts?.length ? quote.parts.map((part) => part.text) : [quote.text];
  return pieces.map((piece) => piece.replace(/[\s,]+$/, '').trim()).join(' … ');
}

/** "William Hague, British Foreign Secretary": the speaker's name, then who they are when the article says. */
export function quoteSpeaker(quote: Quote): string {
  if (!quote.speaker) return 'unattributed';
  return quote.speakerRole ? `${quote.speaker}, ${quote.speakerRole}` : quote.speaker;
}

/** `“…” — William Hague, British Foreign Secretary` */
export function describeQuote(quote: Quote): string {
  return `“${quoteWords(quote)}” — ${quoteSpeaker(quote)}`;
}

/** "Daily News Egypt / AFP" */
export function describeSource(source: SourceRef): string {
  const names = [source.publication, source.agency].filter((name): name is string => Boolean(name));
  return names.length ? [...new Set(names)].join(' / ') : (hostname(source.url) ?? source.origin);
}

function hostname(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname || null;
}

/** "Coast Herald, Valley Post" (at most three names, then how many more). */
export function describeOutlets(outlets: string[], max = 3): string {
  const shown = outlets.slice(0, max).join(', ');
  return outlets.length > max ? `${shown} +${outlets.length - max} more` : shown;
}

/** "at least 700 people killed (Coast Herald, Valley Post)" when the story has several outlets, else as describeFigure. */
export function describeStoryFigure(figure: StoryFigure, attributed: boolean): string {
  const outlets = attributed && figure.outlets?.length ? ` (${describeOutlets(figure.outlets)})` : '';
  return describeFigure(figure) + outlets;
}

/** The outlets that carried a quote, when the story has several outlets; else null. */
export function quoteOutlets(quote: { outlets?: string[] }, attributed: boolean): string | null {
  return attributed && quote.outlets?.length ? describeOutlets(quote.outlets) : null;
}

/**
 * How many outlets carried a story: "3 sources"; "1 source, on 2 sites" for wire copy republished;
 * null for a story from one article.
 */
export function describeSourceCount(item: DigestItem): string | null {
  const sites = outletNames(item.sources).length;
  const independent = item.outletCount ?? sites;
  if (independent > 1) return `${independent} sources`;
  return sites > 1 ? `1 source, on ${sites} sites` : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Nov" for 2026-11-27 (the digest's own year is implied). */
export function shortDate(date: string): string {
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})$/.exec(date) ?? [];
  return month && day ? `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}` : date;
}

function amountValue(figure: Figure): number | null {
  return figure.count ?? figure.min ?? figure.max;
}

/** "at least 750 people killed, up from 700 on 27 Nov" (or "new: …" when nothing of the kind was reported before). */
export function describeFigureChange(change: Development['newFigures'][number]): string {
  const now = describeFigure(change.figure);
  if (!change.previous) return now;
  const before = amountValue(change.previous.figure);
  const after = amountValue(change.figure);
  const direction = before === null || after === null || before === after ? 'revised from' : after > before ? 'up from' : 'down from';
  return `${now}, ${direction} ${describeAmount(change.previous.figure)} on ${shortDate(change.previous.date)}`;
}

/** One line on what changed: "Developing since 27 Nov: at least 750 people killed, up from 700 on 27 Nov; 1 new quote; new sources: Valley Post". */
export function describeDevelopment(development: Development): string {
  const changes = development.newFigures.map(describeFigureChange);
  if (development.newQuotes) changes.push(`${development.newQuotes} new quote${development.newQuotes === 1 ? '' : 's'}`);
  if (development.newOutlets.length)
    changes.push(`new source${development.newOutlets.length === 1 ? '' : 's'}: ${describeOutlets(development.newOutlets)}`);
  return `Developing since ${shortDate(development.firstDate)}${changes.length ? `: ${changes.join('; ')}` : ''}`;
}

/** One day of a story's timeline: "27 Nov: at least 700 people killed (Coast Herald) · sources: Coast Herald, Valley Post". */
export function describeStoryDay(day: StoryDay): string {
  const figures = day.figures.map((figure) => describeStoryFigure(figure, true)).join(', ');
  const sources = day.outlets.length ? `sources: ${describeOutlets(day.outlets, 6)}` : '';
  return `${shortDate(day.date)}: ${[figures || 'no figures', sources].filter(Boolean).join(' · ')}`;
}

/** Sources named one by one in the unread-sources line; the rest are counted. */
const MAX_NAMED_UNREAD = 3;

/**
 * The one line every renderer shows when some of a digest's sources could not be read, e.g.
 * "Not in this digest: feed “city-news” could not be read (timed out); its latest stories follow in
 * the next digest once it can be read." Null when every source was read.
 */
export function describeUnreadSources(digest: Pick<Digest, 'unreadSources'>): string | null {
  const unread = digest.unreadSources ?? [];
  if (unread.length === 0) return null;
  const named = unread.slice(0, MAX_NAMED_UNREAD);
  const more = unread.length - named.length;
  if (unread.length === 1) {
    const [only] = unread;
    return `Not in this digest: feed “${only!.name}” could not be read (${only!.reason}); its latest stories follow in the next digest once it can be read.`;
  }
  const parts = named.map((source) => `“${source.name}” (${source.reason})`);
  if (more > 0) parts.push(`${more} more`);
  const list = `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Not in this digest: feeds ${list} could not be read; their latest stories follow in the next digest once they can be read.`;
}

/** Removes control characters (terminal escape sequences, bidi overrides) that article text must not carry into output. */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
