import { collapse } from '../article/read.js';
import { Readability } from '@mozilla/readability';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { UserError } from '../errors.js';
import { linkBlockRule, type BlockStats } from './page-signals.js';

/**
 * HTML to the project's plain-text article format. Text is built block by block (paragraphs,
 * headings, list items, quotes…) so that two blocks never run together into one line, and
 * whitespace inside a block is collapsed as a browser would.
 */

/** Elements whose text is never article text. */
const skipped = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'NAV',
  'OBJECT',
  'EMBED',
  'AUDIO',
  'VIDEO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** Elements that start and end a block of text. */
const blocks = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'THEAD',
  'TBODY',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'CENTER',
  'BODY',
  'HTML',
]);

/**
 * Pages beyond these are built to stall a reader: Readability's time grows with the cube of the
 * nesting depth and a DOM costs ~0.1 ms an element, all on the event loop. Real article pages
 * nest a few dozen levels and hold a few thousand elements.
 */
export const MAX_HTML_DEPTH = 200;
export const MAX_HTML_ELEMENTS = 30_000;

/** A comment, or a start or end tag: the tokens the shape scan reads. */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
/** Elements that never hold others, or whose end tag a browser implies: they don't nest. */
const flat = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
]);
/**
 * Elements whose content is not the page's structure: text to a parser (scripts often hold HTML in
 * JSON), or a fallback and a template the reader never shows. The scan skips their bodies.
 */
const opaque = new Set(['script', 'style', 'template', 'textarea', 'noscript', 'title', 'xmp']);
/** Of those, the ones a DOM parser still builds elements from: their bodies are cut before parsing. */
const builtAnyway = new Set(['template', 'noscript']);
const endTags = new Map([...opaque].map((name) => [name, new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'gi')]));

/** A page's shape from a scan of its tags, and the bodies (start, end) to cut before parsing. */
interface HtmlScan {
  problem: string | null;
  cut: [number, number][];
}

function scanHtml(html: string): HtmlScan {
  let depth = 0;
  let elements = 0;
  const cut: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (match[1]) {
      if (depth > 0 && !flat.has(name)) depth--;
      continue;
    }
    if (++elements > MAX_HTML_ELEMENTS) return { problem: `has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements`, cut };
    // As in a browser, "<script/>" still opens a script: the slash is ignored.
    const endTag = endTags.get(name);
    if (endTag) {
      // Everything up to the end tag is this element's body; without one, the rest of the page is.
      const bodyStart = TOKEN.lastIndex;
      endTag.lastIndex = bodyStart;
      const end = endTag.exec(html);
      const bodyEnd = end ? end.index : html.length;
      if (builtAnyway.has(name) && bodyEnd > bodyStart) cut.push([bodyStart, bodyEnd]);
      TOKEN.lastIndex = end ? end.index + end[0].length : html.length;
      continue;
    }
    if (!match[3] && !flat.has(name) && ++depth > MAX_HTML_DEPTH) return { problem: `nests elements more than ${MAX_HTML_DEPTH} levels deep`, cut };
  }
  return { problem: null, cut };
}

/** A page too deep or too large to read safely, named by its URL. */
export class PageShapeError extends UserError {
  override name = 'PageShapeError';
}

/**
 * Why an HTML text is too deep or too large to parse, from a scan of its tags; null when fine.
 * Comments and the bodies of scripts, styles, templates, textareas and noscript fallbacks are
 * skipped: tags in them are text, not the page's shape.
 */
export function htmlShapeProblem(html: string): string | null {
  return scanHtml(html).problem;
}

/** `html` without the cut bodies, so the parser builds only what the scan measured. */
function withoutCuts(html: string, cut: [number, number][]): string {
  if (cut.length === 0) return html;
  let result = '';
  let from = 0;
  for (const [start, end] of cut) {
    result += html.slice(from, start);
    from = end;
  }
  return result + html.slice(from);
}

/** Text of HTML without a DOM, for content too deep or large to parse: tags become line breaks. */
function tagsStripped(html: string): string[] {
  // The same bodies the shape scan skips are not text either.
  const hidden = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea|noscript|title|xmp)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
  return decodeHTML(html.replace(hidden, ' ').replace(/<[^>]*>/g, '\n'))
    .split(/\n\s*\n|\n/)
    .map(collapse)
    .filter(Boolean);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MinimalNode>;
}

/** Paragraph texts of an element tree, in document order, whitespace collapsed, empty ones dropped. */
export function paragraphsOf(root: MinimalNode): string[] {
  return readBlocks(root, { captions: false, linkBlocks: false }).paragraphs;
}

/** The text of a page's article, block by block, with what its structure says. */
export interface BlockReading {
  paragraphs: string[];
  /** Paragraphs that are figure captions (also in `paragraphs`, in place). */
  captions: string[];
}

/**
 * Reads the blocks of an element tree. With `captions`, figcaption text is also listed as
 * captions; with `linkBlocks`, blocks that are mostly links to other stories are left out.
 */
function readBlocks(root: MinimalNode, options: { captions: boolean; linkBlocks: boolean }): BlockReading {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  const stats = options.linkBlocks ? blockStats(root) : undefined;
  let current = '';
  const flush = (): void => {
    const text = collapse(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  // An explicit stack: deeply nested hostile HTML must not overflow the call stack.
  const stack: (MinimalNode | 'end-block' | { captionsFrom: number })[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if ('captionsFrom' in node) {
      flush();
      captions.push(...paragraphs.slice(node.captionsFrom));
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (skipped.has(name)) continue;
    if (name === 'BR') {
      // Feeds often separate paragraphs with <br><br>; a lone <br> is a line break we keep as a break.
      flush();
      continue;
    }
    const isBlock = blocks.has(name);
    if (isBlock && stats && node !== root) {
      const block = stats.get(node);
      if (block && linkBlockRule(block)) {
        flush();
        continue;
      }
    }
    if (isBlock) {
      flush();
      stack.push(name === 'FIGCAPTION' && options.captions ? { captionsFrom: paragraphs.length } : 'end-block');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return { paragraphs, captions };
}

/** Blocks no longer than this keep their text for the rules that read words; longer ones are prose. */
const TEXT_RULE_CHARS = 300;

/** Text and link counts of every element under `root`, in one pass from the leaves up. */
function blockStats(root: MinimalNode): Map<MinimalNode, BlockStats> {
  const stats = new Map<MinimalNode, BlockStats>();
  // The text of each short element so far (null once longer than the text rules read).
  const texts = new Map<MinimalNode, string | null>();
  const stack: { node: MinimalNode; children?: MinimalNode[] }[] = [{ node: root }];
  while (stack.length > 0) {
    const entry = stack[stack.length - 1]!;
    const { node } = entry;
    if (!entry.children) {
      // First visit: read the children once (a DOM may build the list on each access), then them.
      entry.children = Array.from(node.childNodes);
      for (const child of entry.children) {
        if (child.nodeType === ELEMENT_NODE && !skipped.has(child.nodeName.toUpperCase())) stack.push({ node: child });
      }
      continue;
    }
    stack.pop();
    const block: BlockStats = { chars: 0, linkChars: 0, links: 0, text: '' };
    let text: string | null = '';
    for (const child of entry.children) {
      if (child.nodeType === TEXT_NODE) {
        const value = child.textContent ?? '';
        block.chars += value.replace(/\s+/g, '').length;
        if (text !== null) text += value;
        continue;
      }
      const inner = stats.get(child);
      if (!inner) continue;
      block.chars += inner.chars;
      block.linkChars += inner.linkChars;
      block.links += inner.links;
      const innerText = texts.get(child) ?? null;
      text = text === null || innerText === null ? null : text + innerText;
    }
    const name = node.nodeName.toUpperCase();
    if (name === 'A' && block.chars > 0) {
      block.linkChars = block.chars;
      block.links = Math.max(block.links, 1);
    }
    if (block.chars > TEXT_RULE_CHARS) text = null;
    // Blocks and line breaks separate words.
    if (text !== null && (blocks.has(name) || name === 'BR')) text = ` ${text} `;
    texts.set(node, text);
    // Only short blocks are read word by word; an empty one has no words to read.
    if (text !== null && block.chars > 0 && blocks.has(name)) block.text = collapse(text);
    stats.set(node, block);
  }
  return stats;
}

/** Paragraphs of an HTML fragment (a feed item's content or description). */
export function htmlToParagraphs(html: string): string[] {
  return htmlToBlocks(html).paragraphs;
}

/**
 * Paragraphs of an HTML fragment, and which of them are figure captions. Links are kept: in a
 * feed's own content they carry its trailer ("The post … appeared first on …") and credits.
 */
export function htmlToBlocks(html: string): BlockReading {
  // Plain text in a description (no tags) is common: keep its own blank-line paragraphs.
  if (!/<[a-z!/]/i.test(html)) {
    const paragraphs = decodeHTML(html)
      .split(/\n\s*\n/)
      .map(collapse)
      .filter(Boolean);
    return { paragraphs, captions: [] };
  }
  // Feed content too deep or large for a DOM still gives its text, read without one.
  const scan = scanHtml(html);
  if (scan.problem) return { paragraphs: tagsStripped(html), captions: [] };
  const { document } = parseHTML(`<!doctype html><html><body>${withoutCuts(html, scan.cut)}</body></html>`);
  return readBlocks(document.body as unknown as MinimalNode, { captions: true, linkBlocks: false });
}

/** The project's plain-text article: title line, blank line, paragraphs separated by blank lines. */
export function articleText(title: string, paragraphs: string[]): string {
  return [collapse(title), ...paragraphs].join('\n\n') + '\n';
}

export interface ExtractedPage {
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601 when the page states a valid publication time. */
  publishedAt?: string;
  paragraphs: string[];
  /** Paragraphs the page marks as figure captions (`<figcaption>`), as they appear in `paragraphs`. */
  captions?: string[];
}

/**
 * The article in a web page: Readability picks the content, then its paragraphs are read block by
 * block. Returns null when the page has no article text Readability can find.
 */
export function extractArticle(html: string, url?: string): ExtractedPage | null {
  const { problem, cut } = scanHtml(html);
  if (problem) throw new PageShapeError(`${url ?? 'the page'} ${problem}, more than an article page; newsdigest does not read it`);
  const { document } = parseHTML(withoutCuts(html, cut));
  const pageTitle = document.querySelector('title')?.textContent?.trim();
  // Readability reads the document's URL to resolve links; linkedom has none, which is fine.
  const reader = new Readability<MinimalNode>(document as never, {
    // Keep the element itself: walking it gives paragraphs; re-parsing serialized HTML would not add anything.
    serializer: (node) => node as unknown as MinimalNode,
    maxElemsToParse: MAX_HTML_ELEMENTS,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  // Links to other stories are not article text; figure captions are named as such.
  const { paragraphs, captions } = readBlocks(parsed.content, { captions: true, linkBlocks: true });
  const title = collapse(parsed.title ?? pageTitle ?? '') || url || 'Untitled';
  // Readability sometimes repeats the headline as the first block; the title line already says it.
  if (paragraphs[0] && paragraphs[0] === title) paragraphs.shift();
  // …and the byline line ("By Jane Roe") when the byline is kept as metadata anyway.
  const byline = clean(parsed.byline);
  if (byline && paragraphs[0] && /^by\s/i.test(paragraphs[0]) && paragraphs[0].length <= byline.length + 4 && paragraphs[0].includes(byline))
    paragraphs.shift();
  if (paragraphs.length === 0) return null;
  return {
    title,
    byline,
    siteName: clean(parsed.siteName),
    publishedAt: toIsoDate(parsed.publishedTime),
    paragraphs,
    captions: captions.filter((caption) => paragraphs.includes(caption)),
  };
}

function clean(value: string | null | undefined): string | undefined {
  return value ? collapse(value) || undefined : undefined;
}

/** ISO 8601 for any date string Date can read, else undefined (never an "Invalid Date"). */
export function toIsoDate(value: string | Date | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(value.trim());
  if (Number.isNaN(time)) return undefined;
  // Years outside 1970–2100 are feed typos (year 0002, 9999), not news.
  const year = new Date(time).getUTCFullYear();
  if (year < 1970 || year > 2100) return undefined;
  return new Date(time).toISOString();
}
