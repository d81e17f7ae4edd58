/**
 * The summarizer's one tokenizer: words, figures and marks of the article text, with their offsets
 * into Article.text. Two readers use it, and they want a word cut in different places, so it has
 * one token pattern for each (see TOKEN_PATTERNS).
 */
import { NAME_TITLES } from './lexicon/index.js';

/** A word, a figure or one punctuation mark of the text. */
export interface Token {
  text: string;
  /** Lower-cased text, for lexicon look-ups. */
  lower: string;
  /** Offsets into the text given to tokenize (Article.text). */
  start: number;
  end: number;
  /** The token starts with a digit ("130,000", "12-year-old"). */
  digits: boolean;
}

/**
 * For names (quotations and their speakers): a name must stay one token, so initials ("U.S."), a
 * title with its period ("Gov."), an initial before a name ("John F. Kennedy"), and a word with
 * inner hyphens, apostrophes and digits ("al-Assad", "O’Brien", "12-year-old") each make one
 * token. A word keeps a mis-decoded accented letter whole ("FranÃ§ois", "PeÃ±a"). Anything else
 * is one mark.
 */
const NAME_TOKEN = new RegExp(
  `(?:\\p{Lu}\\.){2,}|(?:${NAME_TITLES.join('|')})\\.|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}’'-]|(?<=[Ã\\u0303])[\\u0080-\\u00BF])*|[^\\s\\p{L}\\p{N}]`,
  'gu',
);

/**
 * For counts (casualty figures): a figure must be one token and stand apart from the words around
 * it, so a run of digits with thousands commas or a decimal point is one token ("130,000",
 * "1.5"), letters and digits never share a token, and a hyphen is a token of its own: "12-year-old"
 * shows its number, "twenty-five" its two number words. A word keeps only inner apostrophes
 * ("don’t").
 */
const COUNT_TOKEN = /\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}]+(?:['’][\p{L}]+)*|[^\s\p{L}\d]/gu;

/**
 * Each pattern with the text it may read. A name token may look past the end it was given (an
 * initial is one only before a capitalised word) and a token that runs over that end is cut there.
 * The casualty reader reads its sentence alone, as if nothing came after it.
 */
const TOKEN_PATTERNS = {
  names: { pattern: NAME_TOKEN, readsPastEnd: true },
  counts: { pattern: COUNT_TOKEN, readsPastEnd: false },
} as const;

export interface TokenizeOptions {
  /** Which token pattern: 'names' for quotations and speakers, 'counts' for casualty figures. */
  pattern: keyof typeof TOKEN_PATTERNS;
  /** Stop after this many tokens. */
  limit?: number;
}

/** Tokens of text[start, end), with offsets into `text`. */
export function tokenize(text: string, start: number, end: number, options: TokenizeOptions): Token[] {
  const { pattern, readsPastEnd } = TOKEN_PATTERNS[options.pattern];
  const limit = options.limit ?? Infinity;
  const source = readsPastEnd ? text : text.slice(start, end);
  const offset = readsPastEnd ? 0 : start;
  const stop = readsPastEnd ? end : source.length;
  const tokens: Token[] = [];
  pattern.lastIndex = readsPastEnd ? start : 0;
  for (let match = pattern.exec(source); match && match.index < stop; match = pattern.exec(source)) {
    const matchEnd = match.index + match[0].length;
    const value = matchEnd <= stop ? match[0] : source.slice(match.index, stop);
    const code = value.charCodeAt(0);
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: match.index + offset,
      end: Math.min(stop, matchEnd) + offset,
      digits: code >= 48 && code <= 57,
    });
    if (tokens.length >= limit) break;
  }
  return tokens;
}
