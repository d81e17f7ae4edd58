import { collapse } from '../article/read.js';
import { decodeHTML } from 'entities';
import { DetectError, MalformedError, parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import { UserError } from '../errors.js';
import { decodeText } from './charset.js';
import { displayUrl, formatBytes, type ConditionalHeaders, type HttpClient } from './http.js';
import { articleText, htmlToBlocks, htmlToParagraphs, toIsoDate } from './html.js';

/** One feed item, read into what newsdigest needs from it. */
export interface FeedItem {
  /** Plain-text headline ("" when the item has none). */
  title: string;
  /** Absolute URL of the article page. */
  link?: string;
  guid?: string;
  author?: string;
  /** ISO 8601; undefined when the feed gives no date or one that cannot be read. */
  publishedAt?: string;
  categories: string[];
  /** The feed's title: the publication that carried the item. */
  publication?: string;
  /** The item's full text as paragraphs: content:encoded (or Atom/JSON content), else the description. */
  paragraphs: string[];
  /** Where `paragraphs` came from; 'none' means the linked page has to be fetched for the text. */
  textFrom: 'content' | 'description' | 'none';
  /** Paragraphs the item's HTML marks as figure captions (`<figcaption>`), as they appear in `paragraphs`. */
  captions?: string[];
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site's home page, when the feed says. */
  link?: string;
  items: FeedItem[];
  /** Items left out, one plain sentence each (too large, empty). */
  skipped: string[];
}

/** A feed that cannot be read; the message names the feed and what is wrong. */
export class FeedError extends UserError {
  override name = 'FeedError';
}

export interface ParseFeedOptions {
  /** Items read from one feed at most (a feed of 100,000 items is not news). */
  maxItems?: number;
  /** An item whose HTML is larger than this (characters) is skipped: no news article is that long. */
  maxItemChars?: number;
}

const defaults = { maxItems: 500, maxItemChars: 1024 * 1024 };

/**
 * Reads RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed text into items. `origin` is the feed's URL, used
 * to resolve relative links and in error messages. Throws FeedError for text that is not a feed.
 */
export function parseFeedText(text: string, feedUrl: string, options: ParseFeedOptions = {}): ParsedFeed {
  const { maxItems, maxItemChars } = { ...defaults, ...options };
  // Named without any user:pass@, in messages and as the base of relative links.
  const origin = displayUrl(feedUrl);
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed<string>(text.replace(/^\uFEFF/, ''), { maxItems });
  } catch (error) {
    const why =
      error instanceof DetectError
        ? 'is not an RSS, Atom, RDF or JSON feed'
        : error instanceof MalformedError
          ? 'is not well-formed XML or JSON'
          : `could not be read as a feed (${error instanceof Error ? error.message : String(error)})`;
    throw new FeedError(`${origin} ${why}`);
  }
  const raws = rawItems(parsed);
  const publication = plain(parsed.format === 'atom' ? parsed.feed.title?.value : parsed.feed.title) || undefined;
  const home = feedLink(parsed);
  const base = absolute(home, origin) ?? origin;
  const items: FeedItem[] = [];
  const skipped: string[] = [];
  // The parser drops items past the cap, and items with nothing but empty fields, without a word.
  const census = countEntries(text, parsed.format);
  const total = Math.max(census?.total ?? 0, raws.length);
  const read = Math.min(total, maxItems);
  const emptyRead = census?.empty.filter((index) => index < read) ?? [];
  // Places in the feed of the items the parser kept, when the census accounts for every one dropped.
  const placed = read - emptyRead.length === raws.length;
  const places = placed ? Array.from({ length: read }, (_, index) => index).filter((index) => !emptyRead.includes(index)) : [];
  if (placed) {
    for (const index of emptyRead) skipped.push(`item #${index + 1} in ${origin} has no title, text or link`);
  } else if (read > raws.length) {
    const n = read - raws.length;
    skipped.push(`${n} item${n === 1 ? '' : 's'} in ${origin} ${n === 1 ? 'has' : 'have'} no title, text or link`);
  }
  raws.forEach((raw, rawIndex) => {
    const index = places[rawIndex] ?? rawIndex;
    const label = raw.title ? `"${plain(raw.title).slice(0, 80)}"` : `#${index + 1}`;
    const size = Math.max(raw.content?.length ?? 0, raw.description?.length ?? 0);
    if (size > maxItemChars) {
      skipped.push(`item ${label} in ${origin} is ${formatBytes(size)}, more than the ${formatBytes(maxItemChars)} limit for one article`);
      return;
    }
    const empty = { paragraphs: [], captions: [] };
    const content = raw.content ? htmlToBlocks(raw.content) : empty;
    const description = content.paragraphs.length === 0 && raw.description ? htmlToBlocks(raw.description) : empty;
    const fromContent = content.paragraphs;
    const fromDescription = description.paragraphs;
    const captions = fromContent.length ? content.captions : description.captions;
    const item: FeedItem = {
      title: plain(raw.title),
      link: absolute(raw.link, base),
      guid: raw.guid?.trim() || undefined,
      author: plain(raw.author) || undefined,
      publishedAt: toIsoDate(raw.date),
      categories: [...new Set(raw.categories.map(plain).filter(Boolean))],
      publication,
      paragraphs: fromContent.length ? fromContent : fromDescription,
      textFrom: fromContent.length ? 'content' : fromDescription.length ? 'description' : 'none',
      ...(captions.length ? { captions } : {}),
    };
    if (!item.title && !item.link && item.paragraphs.length === 0) {
      skipped.push(`item ${label} in ${origin} has no title, text or link`);
      return;
    }
    items.push(item);
  });
  if (total > maxItems) {
    const beyond = total - maxItems;
    const which = beyond === 1 ? `the last one (#${total}) was` : `the last ${beyond} (#${maxItems + 1} to #${total}) were`;
    skipped.push(`${origin} has ${total} items, more than the ${maxItems} newsdigest reads from one feed: ${which} left out`);
  }
  skipped.sort(byItemNumber);
  return { format: parsed.format, title: publication, link: home, items, skipped };
}

/** Skipped lines in feed order: numbered items by their number, the rest after them as they came. */
function byItemNumber(a: string, b: string): number {
  const number = (line: string) => Number(/^item #(\d+) /.exec(line)?.[1] ?? Infinity);
  const difference = number(a) - number(b);
  return Number.isNaN(difference) ? 0 : difference;
}

/** How many items a feed's text holds, and which of them (0-based) hold nothing but empty fields. */
interface EntryCensus {
  total: number;
  empty: number[];
}

/** Comments, CDATA sections, and item or entry tags (any namespace prefix), in document order. */
const ENTRY_TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)(?:[A-Za-z_][\w.-]*:)?(item|entry)(?=[\s/>])[^>]*?(\/?)>/g;

/**
 * Counts the items in a feed's text without the parser, which drops some silently. Returns
 * undefined when the text cannot be counted (then only what the parser kept is known).
 */
function countEntries(text: string, format: FeedFormat): EntryCensus | undefined {
  if (format === 'json') {
    try {
      const items = (JSON.parse(text.replace(/^\uFEFF/, '')) as { items?: unknown }).items;
      if (!Array.isArray(items)) return undefined;
      return { total: items.length, empty: items.flatMap((item, index) => (hasContent(item) ? [] : [index])) };
    } catch {
      return undefined;
    }
  }
  const element = format === 'atom' ? 'entry' : 'item';
  const census: EntryCensus = { total: 0, empty: [] };
  let depth = 0;
  let start = 0;
  ENTRY_TOKEN.lastIndex = 0;
  for (let match = ENTRY_TOKEN.exec(text); match; match = ENTRY_TOKEN.exec(text)) {
    if (match[2] !== element) continue; // a comment or CDATA section: skipped whole
    if (match[1]) {
      if (depth > 0 && --depth === 0 && !xmlHasContent(text.slice(start, ENTRY_TOKEN.lastIndex))) census.empty.push(census.total - 1);
    } else if (depth === 0) {
      census.total++;
      if (match[3]) {
        if (!xmlHasContent(match[0])) census.empty.push(census.total - 1);
      } else {
        start = match.index;
        depth = 1;
      }
    } else if (!match[3]) {
      depth++;
    }
  }
  return census;
}

/** Whether an item's XML holds any text or attribute value (namespace declarations aside). */
function xmlHasContent(xml: string): boolean {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (/<!\[CDATA\[[\s\S]*?\S[\s\S]*?\]\]>/.test(withoutComments)) return true;
  const tagsOnly = withoutComments.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const attribute of tagsOnly.matchAll(/\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (!attribute[1]!.startsWith('xmlns') && (attribute[2] ?? attribute[3] ?? '').trim()) return true;
  }
  return tagsOnly.replace(/<[^>]*>/g, '').trim().length > 0;
}

/** Whether a JSON value holds anything but empty strings, arrays and objects. */
function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return false;
}

/** The item in the project's plain-text article format, or null when it carries no text. */
export function feedItemText(item: FeedItem): string | null {
  if (item.paragraphs.length === 0) return null;
  return item.title ? articleText(item.title, item.paragraphs) : item.paragraphs.join('\n\n') + '\n';
}

export type FetchFeedResult =
  | { notModified: true; url: string; etag?: string; lastModified?: string }
  | { notModified: false; url: string; feed: ParsedFeed; etag?: string; lastModified?: string };

/** Fetches and parses a feed with a conditional GET when validators are given. */
export async function fetchFeed(
  url: string,
  client: HttpClient,
  validators: ConditionalHeaders = {},
  options: ParseFeedOptions = {},
): Promise<FetchFeedResult> {
  const response = await client.get(url, {
    ...validators,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
  });
  const { etag, lastModified } = response;
  if (response.notModified) return { notModified: true, url, etag: etag ?? validators.etag, lastModified: lastModified ?? validators.lastModified };
  const feed = parseFeedText(decodeText(response.body, response.contentType), url, options);
  return { notModified: false, url, feed, etag, lastModified };
}

/** The fields newsdigest reads, gathered from whichever format the feed is in. */
interface RawItem {
  title?: string;
  link?: string;
  guid?: string;
  author?: string;
  date?: string;
  categories: string[];
  content?: string;
  description?: string;
}

function rawItems(parsed: AnyFeed<string>): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        title: item.title,
        link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
        guid: item.guid?.value,
        author: item.dc?.creators?.[0] ?? item.authors?.[0]?.name ?? item.authors?.[0]?.email,
        date: item.pubDate ?? item.dc?.dates?.[0],
        categories: [...(item.categories ?? []).map((c) => c.name ?? ''), ...(item.dc?.subjects ?? [])],
        content: item.content?.encoded,
        description: item.description,
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        title: item.title,
        link: item.link ?? item.rdf?.about,
        guid: item.rdf?.about,
        author: item.dc?.creators?.[0],
        date: item.dc?.dates?.[0],
        categories: item.dc?.subjects ?? [],
        content: item.content?.encoded,
        description: item.description,
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => ({
        title: textOf(entry.title),
        link: (entry.links?.find((l) => !l.rel || l.rel === 'alternate') ?? entry.links?.[0])?.href,
        guid: entry.id,
        author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
        date: entry.published ?? entry.updated,
        categories: (entry.categories ?? []).map((c) => c.label ?? c.term ?? ''),
        content: textOf(entry.content),
        description: textOf(entry.summary),
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        title: item.title,
        link: item.url ?? item.external_url,
        guid: item.id === undefined ? undefined : String(item.id),
        author: item.authors?.[0]?.name ?? parsed.feed.authors?.[0]?.name,
        date: item.date_published ?? item.date_modified,
        categories: item.tags ?? [],
        content: item.content_html ?? (item.content_text ? escapeText(item.content_text) : undefined),
        description: item.summary ? escapeText(item.summary) : undefined,
      }));
  }
}

function feedLink(parsed: AnyFeed<string>): string | undefined {
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return parsed.feed.link;
    case 'atom':
      return (parsed.feed.links?.find((l) => !l.rel || l.rel === 'alternate') ?? undefined)?.href;
    case 'json':
      return parsed.feed.home_page_url;
  }
}

/** Atom text constructs: plain text is escaped so that it reads as the same text once parsed as HTML. */
function textOf(text: { value?: string; type?: string } | undefined): string | undefined {
  if (text?.value === undefined) return undefined;
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeText(text.value);
}

/** Plain text made safe to read as HTML, keeping its blank-line paragraphs. */
function escapeText(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((p) => `<p>${p}</p>`)
    .join('');
}

/** One line of plain text from a title, name or category that may hold markup or stray entities. */
function plain(value: string | undefined): string {
  if (!value) return '';
  const text = /<[a-z!/]/i.test(value) ? htmlToParagraphs(value).join(' ') : decodeHTML(value);
  return collapse(text);
}

function absolute(link: string | undefined, base: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
