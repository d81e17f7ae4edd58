import { createHash } from 'node:crypto';
import { normalizeText } from './normalize.js';
import { findCredit, findDateline, findTrailer, looksLikeCaption, sameWords, startsWithWords } from './debris.js';
import type { Article, ArticleSource, Paragraph } from './types.js';

interface Block {
  start: number;
  end: number;
}

/**
 * Reads a plain-text article (title line, blank line, paragraphs) into an Article:
 * normalises the text, marks debris (repeated title, captions, credits, datelines, feed
 * trailers) and keeps what the debris tells (publication, agency, photo credit).
 * Never throws on any string. Without a title line (`hasTitleLine: false`) the title is empty
 * and the summarizer uses the first words instead.
 */
export function readArticle(raw: string, source: Partial<ArticleSource> & { origin: string }, options: { hasTitleLine?: boolean } = {}): Article {
  const { text, toRaw } = normalizeText(raw);
  const blocks = splitParagraphs(text);
  const found: Partial<ArticleSource> = {};
  const paragraphs: Paragraph[] = [];

  // Pasted text may have no title line: then every block is story.
  const titleBlock = options.hasTitleLine === false ? undefined : blocks[0];
  const rest = titleBlock ? blocks.slice(1) : blocks;
  const title = titleBlock ? collapse(text.slice(titleBlock.start, titleBlock.end)) : '';
  if (titleBlock) paragraphs.push({ role: 'title', start: titleBlock.start, end: titleBlock.end });

  const captions: string[] = [];
  let bodySeen = 0;
  for (const block of rest) {
    const content = text.slice(block.start, block.end);

    if (bodySeen === 0 && paragraphs.length === 1 && title && sameWords(content, title)) {
      paragraphs.push({ role: 'title-repeat', ...block });
      continue;
    }
    const trailer = findTrailer(content);
    if (trailer) {
      found.publication ??= trailer.publication;
      paragraphs.push({ role: 'trailer', ...block });
      continue;
    }
    const credit = findCredit(content);
    if (credit) {
      found.photoCredit ??= credit.credit;
      found.agency ??= credit.agency;
      const captionEnd = block.start + credit.index;
      const captionText = content.slice(0, credit.index).trim();
      if (captionText) {
        captions.push(captionText);
        paragraphs.push({ role: 'caption', start: block.start, end: trimEnd(text, block.start, captionEnd) });
      }
      paragraphs.push({ role: 'credit', start: block.start + content.indexOf('(', credit.index), end: block.end });
      continue;
    }
    // A caption repeated without its credit (often with other quotation marks), or one that
    // reads like a caption: names with (L)/(C)/(R) positions.
    if (captions.some((caption) => startsWithWords(caption, content)) || looksLikeCaption(content)) {
      captions.push(content);
      paragraphs.push({ role: 'caption', ...block });
      continue;
    }

    const paragraph: Paragraph = { role: 'body', ...block };
    if (bodySeen < 2) {
      const dateline = findDateline(content);
      if (dateline) {
        paragraph.dateline = { start: block.start, end: block.start + dateline.length, text: dateline.text };
        paragraph.start = block.start + dateline.length;
        found.agency ??= dateline.agency;
      }
    }
    if (paragraph.end > paragraph.start) {
      paragraphs.push(paragraph);
      bodySeen++;
    }
  }

  return {
    id: createHash('sha256').update(text).digest('hex').slice(0, 16),
    title,
    text,
    paragraphs,
    source: { ...found, ...definedOnly(source), origin: source.origin },
    rawOffset: toRaw,
  };
}

/**
 * Blocks separated by blank lines. Within a block, a line that ends a sentence starts a new
 * paragraph (one paragraph a line), while a line that stops mid-sentence is a hard wrap.
 */
function splitParagraphs(text: string): Block[] {
  const blocks: Block[] = [];
  const lineBreak = /\n/g;
  let lineStart = 0;
  let current: Block | null = null;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    const { start, end } = trimmed(text, lineStart, lineEnd);
    if (start === end) {
      flush();
    } else {
      const block: Block = current ?? { start, end };
      block.end = end;
      current = block;
      if (/[.!?"”’)\]:]$/.test(text.slice(end - 1, end))) flush();
    }
    if (!match) break;
    lineStart = lineEnd + 1;
  }
  flush();
  return blocks;
}

function trimmed(text: string, start: number, end: number): Block {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return { start, end: trimEnd(text, start, end) };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 10 ||
    code === 9 ||
    code === 13 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whitespace runs → one space, for display. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
