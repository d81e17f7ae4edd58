import pc from 'picocolors';
import type { View } from '../../commands/types.js';
import {
  describeDevelopment,
  describeQuote,
  describeSource,
  describeSourceCount,
  describeStoryDay,
  describeStoryFigure,
  describeUnreadSources,
  quoteOutlets,
  stripControl,
} from '../../digest/format.js';
import { selectForDigest, selectInFull } from '../../digest/select.js';
import type { Digest, DigestItem } from '../../digest/types.js';

export interface TerminalStyle {
  color: boolean;
  /** Wrap width in columns. */
  width: number;
}

type Paint = (text: string) => string;

function painter(style: TerminalStyle) {
  const colors = pc.createColors(style.color);
  return {
    bold: colors.bold as Paint,
    dim: colors.dim as Paint,
    cyan: colors.cyan as Paint,
    yellow: colors.yellow as Paint,
    red: colors.red as Paint,
    green: colors.green as Paint,
  };
}

/** Wraps plain text to `width`, indenting every line. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of stripControl(text).split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** Sources named under a headline; /article and the Source button list them all. */
const MAX_NAMED_SOURCES = 5;

function renderItem(
  item: DigestItem,
  number: number | null,
  part: 'full' | 'quotes' | 'figures' | 'source' | 'digest',
  style: TerminalStyle,
): string {
  const paint = painter(style);
  const indent = '   ';
  const out: string[] = [];
  const heading = number === null ? stripControl(item.headline) : `${number}. ${stripControl(item.headline)}`;
  out.push(paint.bold(paint.cyan(heading)));
  const count = describeSourceCount(item);
  // Two articles of one outlet name it once; a story of many outlets names the first few.
  const sources = [...new Set(item.sources.map(describeSource))];
  const named =
    sources.length > MAX_NAMED_SOURCES ? [...sources.slice(0, MAX_NAMED_SOURCES), `+${sources.length - MAX_NAMED_SOURCES} more`] : sources;
  out.push(paint.dim(wrap(named.join(' · ') + (count ? ` (${count})` : ''), style.width, indent)));
  if (item.development && part !== 'source') out.push(paint.green(wrap(describeDevelopment(item.development), style.width, indent)));
  if (part === 'digest' || part === 'full') {
    for (const sentence of item.summary) out.push(wrap(sentence, style.width, indent));
  }
  const shown = part === 'digest' ? selectForDigest(item) : selectInFull(item);
  const quotes = part === 'digest' || part === 'full' || part === 'quotes' ? shown.quotes : [];
  if (quotes.length) {
    out.push('');
    for (const quote of quotes) {
      const outlets = quoteOutlets(quote, shown.attributed);
      const text = describeQuote(quote) + (outlets ? ` (${outlets})` : '');
      // Continuation lines align under the quote's first word, past the ❝ mark.
      out.push(paint.yellow(`${indent}❝ ${wrap(text, style.width, `${indent}  `).slice(indent.length + 2)}`));
    }
  }
  const figures = part === 'digest' || part === 'full' || part === 'figures' ? shown.figures : [];
  if (figures.length) {
    out.push('');
    for (const figure of figures) out.push(paint.red(wrap(`▲ ${describeStoryFigure(figure, shown.attributed)}`, style.width, indent)));
  }
  if (part === 'full' && item.timeline && item.timeline.length > 1) {
    out.push('', indent + paint.bold('Timeline'));
    for (const day of item.timeline) out.push(wrap(`• ${describeStoryDay(day)}`, style.width, indent));
  }
  if (part === 'full' || part === 'source') {
    out.push('');
    for (const source of item.sources)
      out.push(indent + paint.dim(stripControl(`Source: ${describeSource(source)} — ${source.url ?? source.origin}`)));
  }
  if (part === 'quotes' && quotes.length === 0) out.push(`${indent}No direct quotes in this story.`);
  if (part === 'figures' && figures.length === 0) out.push(`${indent}No casualty figures in this story.`);
  return out.join('\n');
}

export function renderDigest(digest: Digest, style: TerminalStyle): string {
  const paint = painter(style);
  const count = `${digest.items.length} ${digest.items.length === 1 ? 'story' : 'stories'}`;
  const title = paint.bold(`━━ ${stripControl(digest.title)} ━━`) + paint.dim(`  (${count})`);
  // Sources that could not be read are said under the title, before any story.
  const unread = describeUnreadSources(digest);
  const header = unread ? `${title}\n${paint.yellow(wrap(unread, style.width, ''))}` : title;
  if (digest.items.length === 0) return `${header}\n\nNo stories for this digest.\n`;
  return `${header}\n\n${digest.items.map((item, i) => renderItem(item, i + 1, 'digest', style)).join('\n\n')}\n`;
}

export function renderView(view: View, style: TerminalStyle): string {
  const paint = painter(style);
  switch (view.kind) {
    case 'digest':
      return renderDigest(view.digest, style);
    case 'item':
      return `${renderItem(view.item, null, view.part, style)}\n`;
    case 'notice':
      return `${view.tone === 'error' ? paint.red(view.text) : view.text}\n`;
  }
}

/** Colour when stdout is a terminal that wants it (NO_COLOR / FORCE_COLOR respected by picocolors). */
export function terminalStyle(stream: NodeJS.WriteStream = process.stdout): TerminalStyle {
  return { color: pc.isColorSupported && Boolean(stream.isTTY), width: Math.min(stream.columns || 100, 100) };
}
