/**
 * Finds the spans inside double quotation marks in the story paragraphs, curly or straight,
 * with the newspaper convention for quotes that run over paragraphs: a paragraph that leaves a
 * quotation open is continued by the next one when that one opens again. Single quotation marks
 * are left alone: at the top level they are scare quotes or apostrophes far more often than
 * speech, and inside a quotation they are part of it (‘Geneva II’).
 */

/** One quoted piece inside one paragraph; offsets into Article.text. */
export interface QuotedPart {
  /** Inside the marks. */
  start: number;
  end: number;
  /** The opening mark, or -1 for a continuation paragraph that did not reopen. */
  open: number;
  /** The closing mark, or -1 when the quotation runs on (or is never closed). */
  close: number;
  paragraph: number;
}

/** A quotation: one part, or several when it runs over paragraphs. */
export interface QuotedSpan {
  parts: QuotedPart[];
}

export interface ParagraphRange {
  start: number;
  end: number;
}

const QUOTE_MARK = /["“”]/g;

enum Kind {
  Straight,
  Curly,
}

/** Character classes around a mark decide whether it opens or closes. */
function isSpaceOrStart(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 10 || code === 9 || code === 0xa0 || code === 13;
}

/** What may stand before an opening mark: space, brackets, dashes, colon, another quote mark. */
function opensAfter(code: number): boolean {
  return (
    isSpaceOrStart(code) ||
    code === 40 ||
    code === 91 ||
    code === 0x2014 ||
    code === 0x2013 ||
    code === 45 ||
    code === 47 ||
    code === 0x2018 ||
    code === 58
  );
}

/** What may follow a closing mark: space, end, punctuation, dashes, brackets, another mark. */
function closesBefore(code: number): boolean {
  if (isSpaceOrStart(code)) return true;
  // , . ; : ! ? ) ] — – - … ’ '
  return (
    code === 44 ||
    code === 46 ||
    code === 59 ||
    code === 58 ||
    code === 33 ||
    code === 63 ||
    code === 41 ||
    code === 93 ||
    code === 0x2014 ||
    code === 0x2013 ||
    code === 45 ||
    code === 0x2026 ||
    code === 0x2019 ||
    code === 39
  );
}

type Role = 'open' | 'close' | 'either';

/** , . ? ! as character codes, for roleOf's look at the character after a mark (no word list). */
const ENDS_CLAUSE = new Set([44, 46, 63, 33]);

function roleOf(text: string, at: number, paragraphStart: number, paragraphEnd: number): Role {
  const mark = text.charCodeAt(at);
  const before = at > paragraphStart ? text.charCodeAt(at - 1) : NaN;
  const after = at + 1 < paragraphEnd ? text.charCodeAt(at + 1) : NaN;
  const leftOpen = opensAfter(before);
  const rightClose = closesBefore(after);
  // “ closes only in garbled text: `word“.`, or `unusual,“ said Lee` (punctuation before, a space after: nothing opens there).
  if (mark === 0x201c) return rightClose && !leftOpen && (!isSpaceOrStart(after) || ENDS_CLAUSE.has(before)) ? 'close' : 'open';
  if (mark === 0x201d) return leftOpen && !rightClose ? 'open' : 'close'; // ” (opens only in garbled text: ”Word)
  if (leftOpen && !rightClose) return 'open';
  if (rightClose && !leftOpen) return 'close';
  return 'either';
}

/**
 * Every top-level double-quoted span of the paragraphs (given in reading order), with quotes
 * that run over paragraphs joined. Unclosed quotations end with their paragraph.
 */
export function findQuotedSpans(text: string, paragraphs: ParagraphRange[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let current: QuotedSpan | null = null;
  let kind: Kind = Kind.Straight;
  let depth = 0; // nested double quotation marks inside the open one
  let partStart = -1;
  let partOpen = -1;

  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    const pStart = paragraph.start;
    const pEnd = paragraph.end;
    QUOTE_MARK.lastIndex = pStart;
    let first = true;
    for (;;) {
      const match = QUOTE_MARK.exec(text);
      if (!match || match.index >= pEnd) break;
      const at = match.index;
      const markKind = text.charCodeAt(at) === 34 ? Kind.Straight : Kind.Curly;
      const role = roleOf(text, at, pStart, pEnd);
      // A continuation paragraph re-opens the running quotation with its first mark.
      if (current && first && partStart === -1 && at === pStart && role !== 'close') {
        partStart = at + 1;
        partOpen = at;
        first = false;
        continue;
      }
      first = false;
      if (partStart === -1) {
        if (role === 'close') continue; // a stray closing mark
        current = { parts: [] };
        kind = markKind;
        depth = 0;
        partStart = at + 1;
        partOpen = at;
        continue;
      }
      // Inside a quotation: a mark of the other kind, or one that clearly opens, nests.
      // Curly marks have a direction: “ after a space opens a nested quotation, never closes this one.
      const nests = role === 'open' && (markKind !== kind || depth > 0 || opensNested(text, at) || text.charCodeAt(at) === 0x201c);
      if (nests) {
        depth++;
        continue;
      }
      if (depth > 0) {
        depth--;
        continue;
      }
      current!.parts.push({ start: partStart, end: at, open: partOpen, close: at, paragraph: index });
      spans.push(current!);
      current = null;
      partStart = -1;
      partOpen = -1;
    }
    if (partStart !== -1 && current) {
      current.parts.push({ start: partStart, end: pEnd, open: partOpen, close: -1, paragraph: index });
      const next = paragraphs[index + 1];
      const continues = next !== undefined && /["“”]/.test(text.charAt(next.start));
      if (continues) {
        partStart = -1; // reopened by the next paragraph's first mark
        depth = 0;
      } else {
        spans.push(current);
        current = null;
        partStart = -1;
      }
    }
  }
  return spans;
}

/**
 * A same-kind mark that opens inside an open quotation nests only when it is followed by a
 * word and preceded by a colon or a space after a word ("question: “As you know…").
 */
function opensNested(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  return /:\s$/.test(before);
}
