/**
 * One small matcher for the casualty phrase rules of ./patterns.ts. A rule is a row of token
 * patterns written as text, one element per word:
 *
 * | element      | matches one token (or a number)                                        |
 * | ------------ | ---------------------------------------------------------------------- |
 * | `word`       | that word, in any case                                                 |
 * | `a\|b\|c`    | any of these words                                                     |
 * | `~a\|b`      | a word starting with one of these stems ("~injur": injured, injuries …) |
 * | `@class`     | a word of the named word list in WORD_CLASSES                          |
 * | `$cue`       | a casualty cue word ("killed", "wounded", "fled" …); it gives the kind  |
 * | `$nounOf`    | a noun that takes its count after "of" ("deaths of"); it gives the kind |
 * | `#`          | a number as news writes it ("29", "two dozen", "hundreds of")          |
 * | `%qualifier` | a qualifier of a count ("at least", "more than", "nearly" …)           |
 * | `^`          | a capitalised word that is no number and no cue (a name: "Madaya")     |
 * | `_`          | any word (or a hyphen inside one: "rebel-held")                        |
 *
 * An element ending in `?` may be left out. Matching is anchored and tries the shorter way when
 * an optional element does not lead to a match.
 */
import { readNumber, type Token } from '../numbers.js';
import { CUE_AFTER, NOUN_OF_BEFORE, QUALIFIERS, WORD_CLASSES } from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';

type Element =
  | { type: 'words'; words: ReadonlySet<string>; optional: boolean }
  | { type: 'stem'; stems: readonly string[]; optional: boolean }
  | { type: 'class'; words: ReadonlySet<string>; optional: boolean }
  | { type: 'cue'; table: Readonly<Record<string, FigureKind>>; optional: boolean }
  | { type: 'number'; optional: boolean }
  | { type: 'qualifier'; optional: boolean }
  | { type: 'name'; optional: boolean }
  | { type: 'any'; optional: boolean };

export interface Pattern {
  source: string;
  elements: readonly Element[];
}

/** Compiles a pattern written as text; an unknown `@class` or `$table` is a programming error, thrown at load. */
export function compile(source: string): Pattern {
  const elements = source
    .trim()
    .split(/\s+/)
    .map((raw): Element => {
      const optional = raw.endsWith('?');
      const body = optional ? raw.slice(0, -1) : raw;
      if (body === '#') return { type: 'number', optional };
      if (body === '%qualifier') return { type: 'qualifier', optional };
      if (body === '^') return { type: 'name', optional };
      if (body === '_') return { type: 'any', optional };
      if (body.startsWith('~')) return { type: 'stem', stems: body.slice(1).toLowerCase().split('|'), optional };
      if (body.startsWith('@')) {
        const words = WORD_CLASSES[body.slice(1)];
        if (!words) throw new Error(`casualty pattern "${source}": no word class "${body}"`);
        return { type: 'class', words, optional };
      }
      if (body === '$cue') return { type: 'cue', table: CUE_AFTER, optional };
      if (body === '$nounOf') return { type: 'cue', table: NOUN_OF_BEFORE, optional };
      if (body.startsWith('$')) throw new Error(`casualty pattern "${source}": no cue table "${body}"`);
      return { type: 'words', words: new Set(body.toLowerCase().split('|')), optional };
    });
  return { source, elements };
}

export interface Match {
  /** Token index where the match starts. */
  start: number;
  /** Token index after the match. */
  end: number;
  /** The kind given by a `$cue` or `$nounOf` element, when the pattern has one. */
  kind: FigureKind | null;
}

/** Matches `pattern` at tokens[at], or returns null. */
export function matchAt(tokens: readonly Token[], at: number, pattern: Pattern): Match | null {
  return step(tokens, at, pattern.elements, 0, at, null);
}

/** Matches `pattern` so that it ends right before tokens[end] (and starts at most `reach` tokens earlier). */
export function matchEndingAt(tokens: readonly Token[], end: number, pattern: Pattern, reach = 8): Match | null {
  const shortest = pattern.elements.filter((e) => !e.optional).length;
  for (let at = end - Math.max(1, shortest); at >= Math.max(0, end - reach); at--) {
    const match = step(tokens, at, pattern.elements, 0, at, null, end);
    if (match) return match;
  }
  return null;
}

function step(
  tokens: readonly Token[],
  i: number,
  elements: readonly Element[],
  e: number,
  start: number,
  kind: FigureKind | null,
  mustEnd?: number,
): Match | null {
  if (e === elements.length) return mustEnd === undefined || i === mustEnd ? { start, end: i, kind } : null;
  if (mustEnd !== undefined && i > mustEnd) return null;
  const element = elements[e]!;
  const taken = take(tokens, i, element);
  if (taken) {
    const match = step(tokens, taken.next, elements, e + 1, start, taken.kind ?? kind, mustEnd);
    if (match) return match;
  }
  return element.optional ? step(tokens, i, elements, e + 1, start, kind, mustEnd) : null;
}

function take(tokens: readonly Token[], i: number, element: Element): { next: number; kind?: FigureKind } | null {
  const token = tokens[i];
  if (!token) return null;
  switch (element.type) {
    case 'words':
    case 'class':
      return element.words.has(token.lower) ? { next: i + 1 } : null;
    case 'stem':
      return element.stems.some((stem) => token.lower.startsWith(stem)) ? { next: i + 1 } : null;
    case 'cue': {
      const kind = element.table[token.lower];
      return kind ? { next: i + 1, kind } : null;
    }
    case 'number': {
      const read = readNumber(tokens as Token[], i);
      return read ? { next: read.last } : null;
    }
    case 'qualifier': {
      const qualifier = QUALIFIERS.find((q) => q.words.every((w, n) => tokens[i + n]?.lower === w));
      return qualifier ? { next: i + qualifier.words.length } : null;
    }
    case 'name':
      return /^\p{Lu}/u.test(token.text) && !readNumber(tokens as Token[], i) && !CUE_AFTER[token.lower] ? { next: i + 1 } : null;
    case 'any':
      return /^\p{L}/u.test(token.text) || token.text === '-' ? { next: i + 1 } : null;
  }
}
