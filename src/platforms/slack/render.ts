import { createHash } from 'node:crypto';
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { STORY_BUTTONS, encodeStoryButton, type ButtonPart } from '../../commands/buttons.js';
import type { ItemPart, View } from '../../commands/types.js';
import type { Digest, DigestItem, SourceRef, StoryFigure, StoryQuote } from '../../digest/types.js';
import {
  describeDevelopment,
  describeSource,
  describeSourceCount,
  describeStoryDay,
  describeStoryFigure,
  describeUnreadSources,
  quoteOutlets,
  quoteSpeaker,
  quoteWords,
} from '../../digest/format.js';
import { selectForDigest, selectInFull, type StorySelection } from '../../digest/select.js';
import { SLACK_LIMITS as L, type SlackMessage } from './limits.js';
import { escapeMrkdwn, escapeWithin, joinWithin, link, slackDate, truncate } from './mrkdwn.js';

/**
 * Block Kit for the platform-neutral Views. Every piece of article text goes through
 * `escapeWithin` (see mrkdwn.ts) and every text object is `verbatim`, so nothing from an
 * article can mention anyone; every size is capped by SLACK_LIMITS.
 */

/** Per-piece budgets that keep a story's section under 3,000 characters together. */
const BUDGET = { headline: 250, summary: 1200, quote: 240, figures: 300, contextLine: 500, unreadSources: 1000 } as const;
/** A story with several outlets names them per quote and figure, and a developing one says what changed: its summary gives way. */
const ATTRIBUTED_BUDGET = { summary: 700, figures: 500, development: 400 } as const;

export interface RenderOptions {
  /** Blocks a message may hold (tests use fewer to exercise splitting). */
  maxBlocks?: number;
}

const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const divider: KnownBlock = { type: 'divider' };

/**
 * plain_text is never parsed for mentions, and escaping it would show "&amp;" literally; a word
 * joiner after "<" still keeps a lookalike "<!channel>" or "<url|label>" inert for any client that might parse it.
 */
function plainText(text: string): string {
  return text.replace(/</g, '<\u2060').replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(plainText(text.trim() || 'News digest'), L.headerText), emoji: false } };
}

function context(parts: string[]): ContextBlock | null {
  const elements = parts.filter(Boolean).slice(0, L.contextElements).map(mrkdwn);
  return elements.length ? { type: 'context', elements } : null;
}

/** Quote text without its own quotation marks, so we can add typographic ones. */
function bareQuote(text: string): string {
  return text
    .trim()
    .replace(/^["“”'‘’«»]+|["“”'‘’«»,]+$/g, '')
    .trim();
}

/** `> “…” — _Speaker_`, then the outlets that carried it when the story has several. */
export function formatQuote(quote: StoryQuote, max: number = BUDGET.quote, attributed = false): string {
  const speaker = quote.speaker ? ` — _${escapeWithin(quoteSpeaker(quote), 160)}_` : '';
  const outlets = quoteOutlets(quote, attributed);
  return `> “${escapeWithin(bareQuote(quoteWords(quote)), max)}”${speaker}${outlets ? ` (${escapeWithin(outlets, 160)})` : ''}`;
}

function figuresLine(figures: StoryFigure[], attributed: boolean): string | null {
  if (!figures.length) return null;
  const max = attributed ? ATTRIBUTED_BUDGET.figures : BUDGET.figures;
  return `*Figures:* ${escapeWithin(figures.map((figure) => describeStoryFigure(figure, attributed)).join(' · '), max)}`;
}

function developmentLine(item: DigestItem, max: number): string | null {
  return item.development ? `*${escapeWithin(describeDevelopment(item.development), max)}*` : null;
}

function sourceLine(source: SourceRef): string {
  return escapeWithin(describeSource(source), 200);
}

function itemContext(item: DigestItem): ContextBlock | null {
  const lead = item.sources[0];
  const parts: string[] = [];
  if (lead) {
    const who = sourceLine(lead);
    if (who) parts.push(who);
  }
  const when = slackDate(item.publishedAt ?? lead?.publishedAt);
  if (when) parts.push(when);
  const count = describeSourceCount(item);
  if (count) parts.push(escapeWithin(count, 100));
  return context(parts);
}

function headlineLine(item: DigestItem): string {
  return `*${link(item.sources[0]?.url, item.headline.trim() || 'Untitled story', BUDGET.headline)}*`;
}

function summaryText(item: DigestItem, max: number): string | null {
  const text = item.summary.join(' ').trim();
  return text ? escapeWithin(text, max) : null;
}

function buttons(item: DigestItem): ActionsBlock | null {
  if (item.id.length > L.buttonValue) return null;
  const available: Record<ButtonPart, boolean> = {
    quotes: item.quotes.length > 0,
    figures: item.figures.length > 0,
    source: item.sources.length > 0,
  };
  const elements: Button[] = STORY_BUTTONS.filter((b) => available[b.part]).map((b) => {
    const actionId = encodeStoryButton(b.part, item.id);
    return {
      type: 'button',
      text: { type: 'plain_text', text: b.label },
      // A very long id still fits in the value; the action_id then only needs to stay unique.
      action_id: actionId.length <= L.actionId ? actionId : encodeStoryButton(b.part, createHash('sha256').update(item.id).digest('hex')),
      value: item.id,
    };
  });
  return elements.length ? { type: 'actions', elements } : null;
}

/** The blocks of one story in a digest: section (two when its figures would not fit), context, buttons, divider. */
export function storyBlocks(item: DigestItem): KnownBlock[] {
  const shown = selectForDigest(item);
  const lines = [headlineLine(item)];
  const development = developmentLine(item, ATTRIBUTED_BUDGET.development);
  if (development) lines.push(development);
  const summary = summaryText(item, shown.attributed || development ? ATTRIBUTED_BUDGET.summary : BUDGET.summary);
  if (summary) lines.push(summary);
  for (const quote of shown.quotes) lines.push(formatQuote(quote, BUDGET.quote, shown.attributed));
  const figures = figuresLine(shown.figures, shown.attributed);
  const blocks: KnownBlock[] = [];
  if (figures && lines.join('\n').length + 1 + figures.length > L.sectionText) {
    // Figures with their sources must not be what gets cut: they take a section of their own.
    blocks.push(section(joinWithin(lines, L.sectionText)), section(figures));
  } else {
    blocks.push(section(joinWithin(figures ? [...lines, figures] : lines, L.sectionText)));
  }
  const ctx = itemContext(item);
  if (ctx) blocks.push(ctx);
  const actions = buttons(item);
  if (actions) blocks.push(actions);
  blocks.push(divider);
  return blocks;
}

function fallbackText(text: string): string {
  // The notification text is plain, but Slack still parses it: escape it like the blocks.
  return escapeWithin(text.trim() || 'News digest', L.fallbackText);
}

/**
 * A digest as one or more messages: the first carries the header; the rest continue it (the
 * publisher posts them in the first message's thread). Stories are never split across messages.
 */
export function renderDigest(digest: Digest, options: RenderOptions = {}): SlackMessage[] {
  const maxBlocks = Math.min(options.maxBlocks ?? L.blocksPerMessage, L.blocksPerMessage);
  const count = digest.items.length;
  const intro: KnownBlock[] = [header(digest.title)];
  const introContext = context([escapeMrkdwn(digest.date), `${count} ${count === 1 ? 'story' : 'stories'}`]);
  if (introContext) intro.push(introContext);
  // Sources that could not be read are said under the header, before any story.
  const unread = describeUnreadSources(digest);
  if (unread) intro.push(context([`:warning: ${escapeWithin(unread, BUDGET.unreadSources)}`])!);
  if (count === 0) {
    intro.push(section('No stories for this digest yet.'));
    return [{ text: fallbackText(`${digest.title}: no stories`), blocks: intro }];
  }

  const pages: KnownBlock[][] = [[...intro, divider]];
  for (const item of digest.items) {
    const story = storyBlocks(item);
    let page = pages[pages.length - 1]!;
    if (page.length + story.length > maxBlocks) {
      page = [];
      pages.push(page);
    }
    page.push(...story);
  }
  return pages.map((blocks, i) => {
    if (blocks[blocks.length - 1]?.type === 'divider') blocks.pop();
    const part = pages.length > 1 ? ` (${i + 1}/${pages.length})` : '';
    return { text: fallbackText(`${digest.title}${part}`), blocks };
  });
}

/** Splits escaped lines into sections of at most 3,000 characters each. */
function sections(lines: string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines.map((l) => joinWithin([l], L.sectionText))) {
    if (current.length && size + 1 + line.length > L.sectionText) {
      out.push(section(current.join('\n')));
      current = [];
      size = 0;
    }
    current.push(line);
    size += (current.length > 1 ? 1 : 0) + line.length;
  }
  if (current.length) out.push(section(joinWithin(current, L.sectionText)));
  return out;
}

function sourceLines(item: DigestItem): string[] {
  return item.sources.map((source) => {
    const meta = [sourceLine(source), slackDate(source.publishedAt)].filter(Boolean).join(' · ');
    const title = link(source.url, source.title || source.url || source.origin, BUDGET.headline);
    return `• ${title}${meta ? ` — ${meta}` : ''}`;
  });
}

function figureLines(shown: StorySelection): string[] {
  return shown.figures.map((figure) => {
    const context = figure.context ? `\n   _${escapeWithin(figure.context, 600)}_` : '';
    return `• *${escapeWithin(describeStoryFigure(figure, shown.attributed), 300)}*${context}`;
  });
}

function quoteLines(shown: StorySelection): string[] {
  return shown.quotes.map((quote) => formatQuote(quote, 1000, shown.attributed));
}

function timelineLines(item: DigestItem): string[] {
  return (item.timeline ?? []).map((day) => `• ${escapeWithin(describeStoryDay(day), 1000)}`);
}

const PART_TITLES: Record<ItemPart, string> = { full: '', quotes: 'Quotes', figures: 'Figures', source: 'Sources' };
const EMPTY_PART: Record<ButtonPart, string> = {
  quotes: 'This story has no quotes.',
  figures: 'This story has no casualty figures.',
  source: 'This story has no recorded source.',
};

/** One story in full (/article) or one part of it (the buttons). */
export function renderItem(item: DigestItem, part: ItemPart): SlackMessage {
  const blocks: KnownBlock[] = [];
  const shown = selectInFull(item);
  if (part === 'full') {
    blocks.push(header(item.headline));
    const development = developmentLine(item, 1000);
    if (development) blocks.push(section(development));
    const summary = summaryText(item, L.sectionText);
    if (summary) blocks.push(section(summary));
    const ctx = itemContext(item);
    if (ctx) blocks.push(ctx);
    if (shown.quotes.length) blocks.push(section('*Quotes*'), ...sections(quoteLines(shown)));
    if (shown.figures.length) blocks.push(section('*Figures*'), ...sections(figureLines(shown)));
    if ((item.timeline?.length ?? 0) > 1) blocks.push(section('*Timeline*'), ...sections(timelineLines(item)));
    if (item.sources.length) blocks.push(section('*Sources*'), ...sections(sourceLines(item)));
  } else {
    blocks.push(section(`*${PART_TITLES[part]}* · ${link(item.sources[0]?.url, item.headline.trim() || 'Untitled story', BUDGET.headline)}`));
    const lines = part === 'quotes' ? quoteLines(shown) : part === 'figures' ? figureLines(shown) : sourceLines(item);
    blocks.push(...(lines.length ? sections(lines) : [section(EMPTY_PART[part])]));
  }
  if (blocks.length > L.blocksPerMessage) {
    blocks.length = L.blocksPerMessage - 1;
    blocks.push(context(['_Cut short: Slack shows at most 50 blocks in a message._'])!);
  }
  const title = part === 'full' ? item.headline : `${PART_TITLES[part]}: ${item.headline}`;
  return { text: fallbackText(title), blocks };
}

const NOTICE_ICONS = { info: '', usage: ':information_source: ', error: ':warning: ' } as const;

export function renderNotice(tone: 'info' | 'usage' | 'error', text: string): SlackMessage {
  const body = text.trim() || 'Done.';
  return { text: fallbackText(body), blocks: [section(NOTICE_ICONS[tone] + escapeWithin(body, L.sectionText - 30))] };
}

/** Any View as Slack messages (a long digest gives several). */
export function renderView(view: View, options: RenderOptions = {}): SlackMessage[] {
  switch (view.kind) {
    case 'digest':
      return renderDigest(view.digest, options);
    case 'item':
      return [renderItem(view.item, view.part)];
    case 'notice':
      return [renderNotice(view.tone, view.text)];
  }
}
