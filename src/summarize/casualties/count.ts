/**
 * The count as written: the number, the qualifier before it ("at least", "nearly" …, the rows of
 * QUALIFIERS) and a range ("10-15", "10 to 15", "between 10 and 15", the rows of RANGE_LINKS).
 */
import { readNumber, type NumberRead } from '../numbers.js';
import type { Token } from '../tokens.js';
import { QUALIFIERS } from '../lexicon/casualties.js';

export type Bound = 'min' | 'max' | null;

export interface QualifiedCount {
  /** Token index where the figure's text starts: the qualifier (or "between"), else the number. */
  start: number;
  /** Token index after the number, or after the second number of a range. */
  end: number;
  qualifier: string | null;
  bound: Bound;
  /** The upper end of a range; its lower end is the count. */
  rangeMax: number | null;
}

type Qualifier = (typeof QUALIFIERS)[number];

/** QUALIFIERS by their last word, longest first, so a qualifier ending before a count is found by one look-up. */
const QUALIFIERS_BY_LAST_WORD = new Map<string, Qualifier[]>();
for (const qualifier of QUALIFIERS) {
  const last = qualifier.words[qualifier.words.length - 1]!;
  const list = QUALIFIERS_BY_LAST_WORD.get(last) ?? [];
  list.push(qualifier);
  QUALIFIERS_BY_LAST_WORD.set(last, list);
}

/** The qualifier whose words end right before tokens[end] ("at least | 12"), or null. */
export function qualifierEndingAt(tokens: readonly Token[], end: number): { qualifier: Qualifier; start: number } | null {
  const candidates = QUALIFIERS_BY_LAST_WORD.get(tokens[end - 1]?.lower ?? '');
  if (!candidates) return null;
  for (const qualifier of candidates) {
    const start = end - qualifier.words.length;
    if (start >= 0 && qualifier.words.every((word, k) => tokens[start + k]!.lower === word)) return { qualifier, start };
  }
  return null;
}

/** The qualifier of QUALIFIERS whose words are exactly `text` ("At least"), or undefined. */
export function qualifierNamed(text: string): Qualifier | undefined {
  const lower = text.toLowerCase();
  return QUALIFIERS.find((q) => q.words.join(' ') === lower);
}

/** What may join two numbers into a range, after the first number (tokens[at] is the joining word). */
interface RangeLink {
  name: string;
  /** A sentence with such a range, written for the tests. */
  example: string;
  links: (tokens: readonly Token[], at: number, read: NumberRead, between: boolean) => boolean;
}

export const RANGE_LINKS: readonly RangeLink[] = [
  {
    name: 'dash',
    example: 'Clashes killed 10-15 people.',
    links: (tokens, at) => {
      const dash = tokens[at]!;
      return (dash.text === '-' || dash.text === '–') && dash.start === tokens[at - 1]!.end && tokens[at + 1]?.start === dash.end;
    },
  },
  {
    // "rose from 10 to 15" is a change, not a range.
    name: 'to',
    example: 'The storm killed 10 to 15 people.',
    links: (tokens, at, read) => tokens[at]!.lower === 'to' && tokens[read.first - 1]?.lower !== 'from',
  },
  {
    name: 'between … and',
    example: 'Between 10 and 15 people were hurt.',
    links: (tokens, at, _read, between) => between && tokens[at]!.lower === 'and',
  },
];

/** Reads the qualifier before the number and the range it opens, if any. */
export function readQualifiedCount(tokens: readonly Token[], read: NumberRead): QualifiedCount {
  const found = qualifierEndingAt(tokens, read.first);
  const count: QualifiedCount = {
    start: found ? found.start : read.first,
    end: read.last,
    qualifier: found ? qualifierText(tokens, found.start, read.first) : null,
    bound: found ? found.qualifier.bound : null,
    rangeMax: null,
  };
  const second = rangeEnd(tokens, read, count.start);
  if (second) {
    count.rangeMax = second.count;
    count.end = second.last;
    if (tokens[count.start - 1]?.lower === 'between') {
      count.start--;
      count.qualifier = 'between';
    }
  }
  return count;
}

/** The second number of a range after `read`, when it is larger: "10-15", "10 to 15", "between 10 and 15". */
function rangeEnd(tokens: readonly Token[], read: NumberRead, start: number): (NumberRead & { count: number }) | null {
  if (read.count === null || !tokens[read.last]) return null;
  const between = tokens[start - 1]?.lower === 'between';
  if (!RANGE_LINKS.some((link) => link.links(tokens, read.last, read, between))) return null;
  const second = readNumber(tokens as Token[], read.last + 1);
  return second && second.count !== null && second.count > read.count ? (second as NumberRead & { count: number }) : null;
}

function qualifierText(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
}
