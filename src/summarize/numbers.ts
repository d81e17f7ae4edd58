/**
 * Numbers as news writes them: figures ("130,000", degraded "130000" or "1 000"), decimals with
 * a scale ("1.5 million"), words ("twenty-five", "two hundred and fifty", "a dozen") and vague
 * amounts ("dozens", "tens of thousands") that carry only a lower bound.
 */
import { BARE_VAGUE_NEXT, BARE_VAGUE_NOT_AFTER, NUMBER_SCALES, NUMBER_TENS, NUMBER_UNITS, VAGUE_AMOUNTS, VAGUE_NEEDS_OF } from './lexicon/numbers.js';
import { tokenize, type Token } from './tokens.js';

/** A number read from tokens[first..last). */
export interface NumberRead {
  first: number;
  last: number;
  /** The value as written; null for vague amounts. */
  count: number | null;
  /** Lower bound of a vague amount ("hundreds" → 200). */
  min: number | null;
  /** The vague phrase ("dozens of", "tens of thousands of"), when that is what was written. */
  vague: string | null;
}

const HUNDRED = 'hundred';
const DOZEN = 'dozen';

/**
 * Words a number can start with; any other word is rejected at once (readNumber runs on every
 * token). Built from the lexicon's number tables, so it is no list of its own.
 */
const STARTERS = new Set([
  ...Object.keys(NUMBER_UNITS),
  ...Object.keys(NUMBER_TENS),
  ...Object.keys(VAGUE_AMOUNTS),
  'a',
  'an',
  'half',
  'several',
  'tenth',
]);

const adjacent = (tokens: Token[], i: number): boolean => {
  const a = tokens[i];
  const b = tokens[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
};

/** Reads the number that starts at tokens[i], or null when none does. */
export function readNumber(tokens: Token[], i: number): NumberRead | null {
  const token = tokens[i];
  if (!token) return null;
  if (token.digits) return readFigure(tokens, i);
  if (!STARTERS.has(token.lower)) return null;
  const vague = readVague(tokens, i);
  if (vague) return vague;
  return readWords(tokens, i);
}

function readFigure(tokens: Token[], i: number): NumberRead | null {
  const token = tokens[i]!;
  let text = token.text.replace(/,/g, '');
  let last = i + 1;
  // Degraded text groups thousands with a space ("1 000"): join 3-digit groups one space apart.
  if (/^\d{1,3}$/.test(token.text)) {
    while (tokens[last]?.digits && /^\d{3}$/.test(tokens[last]!.text) && tokens[last]!.start === tokens[last - 1]!.end + 1) {
      text += tokens[last]!.text;
      last++;
    }
  }
  let value = Number(text);
  if (!Number.isFinite(value)) return null;
  const scale = tokens[last]?.lower;
  if (scale && NUMBER_SCALES[scale]) {
    value = Math.round(value * NUMBER_SCALES[scale]!);
    last++;
  } else if (scale === HUNDRED && Number.isInteger(value)) {
    value *= 100;
    last++;
  } else if (!Number.isInteger(value)) {
    return null; // "1.5" alone is a measure, not a head count
  }
  return { first: i, last, count: value, min: null, vague: null };
}

function readVague(tokens: Token[], i: number): NumberRead | null {
  const word = tokens[i]!.lower;
  const ofFollows = tokens[i + 1]?.lower === 'of';
  // "tens of thousands (of)", "hundreds of thousands (of)"
  if ((word === 'tens' || word === 'hundreds' || word === 'tenths') && ofFollows && tokens[i + 2]?.lower === 'thousands') {
    const min = word === 'hundreds' ? 200_000 : 20_000;
    const last = tokens[i + 3]?.lower === 'of' ? i + 4 : i + 3;
    return { first: i, last, count: null, min, vague: phrase(tokens, i, last) };
  }
  // "several hundred", "a few thousand"
  const fewStart = word === 'several' ? 1 : word === 'a' && tokens[i + 1]?.lower === 'few' ? 2 : 0;
  if (fewStart) {
    const scaleWord = tokens[i + fewStart]?.lower;
    const scale = scaleWord === HUNDRED ? 100 : scaleWord === DOZEN ? 12 : scaleWord ? NUMBER_SCALES[scaleWord] : undefined;
    if (!scale) return null;
    const last = tokens[i + fewStart + 1]?.lower === 'of' ? i + fewStart + 2 : i + fewStart + 1;
    return { first: i, last, count: null, min: 2 * scale, vague: phrase(tokens, i, last) };
  }
  // "tenth of casualties", a mistranslation of "tens of"; "a tenth of the victims" is a share.
  if (word === 'tenth') {
    const noun = tokens[i + 2]?.lower ?? '';
    if (!ofFollows || isFraction(tokens, i) || !/^\p{L}+s$/u.test(noun)) return null;
    return { first: i, last: i + 2, count: null, min: VAGUE_AMOUNTS.tenths!, vague: phrase(tokens, i, i + 2) };
  }
  const min = VAGUE_AMOUNTS[word];
  if (min === undefined) return null;
  if (VAGUE_NEEDS_OF.has(word) && !ofFollows && !standsAlone(tokens, i)) return null;
  if (word === 'tenths' && isFraction(tokens, i)) return null; // "nine tenths of the town" is a share
  const last = ofFollows ? i + 2 : i + 1;
  return { first: i, last, count: null, min, vague: phrase(tokens, i, last) };
}

/** A number before a fraction word: "nine tenths", "a tenth". */
function isFraction(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before !== undefined && (before.digits || STARTERS.has(before.lower));
}

/** A vague word used as a noun phrase of its own: a clause or sentence follows, and no determiner or number precedes it. */
function standsAlone(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before && (before.digits || BARE_VAGUE_NOT_AFTER.has(before.lower) || STARTERS.has(before.lower))) return false;
  const next = tokens[i + 1];
  return next !== undefined && (BARE_VAGUE_NEXT.has(next.lower) || next.text === '.' || next.text === ',' || next.text === ';');
}

function phrase(tokens: Token[], first: number, last: number): string {
  return tokens
    .slice(first, last)
    .map((t) => t.text)
    .join(' ');
}

/** "twenty-five", "two hundred and fifty", "a dozen", "two dozen", "half a million", "three million". */
function readWords(tokens: Token[], i: number): NumberRead | null {
  type Last = 'none' | 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'dozen' | 'scale';
  let j = i;
  let total = 0;
  let current = 0;
  let last: Last = 'none';
  let end = -1; // token after the last number word
  let half = false;
  if (tokens[j]?.lower === 'half' && (tokens[j + 1]?.lower === 'a' || tokens[j + 1]?.lower === 'an')) {
    half = true;
    j++;
  }
  if (tokens[j]?.lower === 'a' || tokens[j]?.lower === 'an') {
    const next = tokens[j + 1]?.lower;
    if (next !== HUNDRED && next !== DOZEN && !(next && NUMBER_SCALES[next])) return null;
    current = 1;
    last = 'a';
    j++;
  }
  for (;;) {
    const word = tokens[j]?.lower;
    if (word === undefined) break;
    const unit = NUMBER_UNITS[word];
    const fresh = last === 'none' || last === 'hundred' || last === 'scale';
    if (unit !== undefined && (fresh || (last === 'tens' && unit > 0 && unit < 10))) {
      current += unit;
      last = unit >= 10 ? 'teen' : 'unit';
    } else if (NUMBER_TENS[word] !== undefined && fresh) {
      current += NUMBER_TENS[word]!;
      last = 'tens';
    } else if (word === HUNDRED && (last === 'unit' || last === 'teen' || last === 'a') && current < 100) {
      current *= 100;
      last = 'hundred';
    } else if (word === DOZEN && (last === 'unit' || last === 'teen' || last === 'tens' || last === 'a') && current < 100) {
      current *= 12;
      last = 'dozen';
    } else if (NUMBER_SCALES[word] !== undefined && last !== 'none' && last !== 'scale') {
      total += current * NUMBER_SCALES[word]!;
      current = 0;
      last = 'scale';
    } else if (word === '-' && last === 'tens' && adjacent(tokens, j - 1) && adjacent(tokens, j)) {
      j++;
      continue; // "twenty-five"
    } else if (word === 'and' && (last === 'hundred' || last === 'scale') && isNumberWord(tokens[j + 1]?.lower)) {
      j++;
      continue; // "two hundred and fifty"
    } else {
      break;
    }
    j++;
    end = j;
  }
  if (end < 0) return null;
  let value = total + current;
  if (half) value = Math.round(value / 2);
  return { first: i, last: end, count: value, min: null, vague: null };
}

function isNumberWord(word: string | undefined): boolean {
  return word !== undefined && (NUMBER_UNITS[word] !== undefined || NUMBER_TENS[word] !== undefined);
}

/** The value of a whole number phrase ("two dozen" → 24, "130,000" → 130000), or null. */
export function parseNumber(text: string): number | null {
  const tokens = tokenize(text, 0, text.length, { pattern: 'counts' });
  const read = readNumber(tokens, 0);
  if (!read || read.last !== tokens.length) return null;
  return read.count ?? read.min;
}
