import type { Figure, Quote } from '../summarize/types.js';
import type { DigestItem, SourceRef } from './types.js';

/**
 * Wording shared by every renderer, so that a figure or a source reads the same in the
 * terminal, Slack and Discord. Plain text: each platform escapes it for its own markup.
 */

const QUALIFIER_FIRST = new Set(['at least', 'more than', 'over', 'up to', 'nearly', 'almost', 'about', 'around', 'some', 'fewer than', 'less than', 'roughly', 'approximately']);

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

/** "at least 700 people killed", "between 20 and 30 civilians injured", "hundreds displaced". */
export function describeFigure(figure: Figure): string {
  const who = figure.who ? ` ${figure.who}` : '';
  let amount: string;
  if (figure.count !== null) {
    amount = formatNumber(figure.count);
    if (figure.qualifier && QUALIFIER_FIRST.has(figure.qualifier.toLowerCase())) amount = `${figure.qualifier} ${amount}`;
  } else if (figure.min !== null && figure.max !== null) {
    amount = `between ${formatNumber(figure.min)} and ${formatNumber(figure.max)}`;
  } else {
    // Vague amounts ("hundreds") read best as written.
    amount = figure.qualifier ?? (figure.min !== null ? `at least ${formatNumber(figure.min)}` : figure.max !== null ? `up to ${formatNumber(figure.max)}` : 'an unknown number of');
  }
  return `${amount}${who} ${figure.kind}`;
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

export function keyQuotes(item: DigestItem, max = 3): Quote[] {
  const key = item.quotes.filter((quote) => quote.key);
  return (key.length ? key : item.quotes).slice(0, max);
}

/** Removes control characters (terminal escape sequences, bidi overrides) that article text must not carry into output. */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
