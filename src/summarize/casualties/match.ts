/**
 * One small matcher for the casualty phrase rules of ./patterns.ts. A rule is a row of token
 * patterns written as text, one element per word:
 *
 * | element      | matches one token (or a number, or a run of tokens)                     |
 * | ------------ | ---------------------------------------------------------------------- |
 * | `word`       | that word, in any case                                                 |
 * | `a\|b\|c`    | any of these words                                                     |
 * | `~a\|b`      | a word starting with one of these stems ("~injur": injured, injuries …) |
 * | `@class`     | a word of the named word list in WORD_CLASSES                          |
 * | `$cue`       | a casualty cue word ("killed", "wounded", "fled" …); it gives the kind  |
 * | `$nounOf`    | a noun that takes its count after "of" ("deaths of"); it gives the kind |
 * | `$toll`      | the noun before "toll" ("death", "casualty", "injury"); it gives the kind |
 * | `#`          | a number as news writes it ("29", "two dozen", "hundreds of")          |
 * | `%qualifier` | a qualifier of a count ("at least", "more than", "nearly" …)           |
 * | `^`          | a capitalised word that is no number and no cue (a name: "Madaya")     |
 * | `_`          | any word (or a hyphen inside one: "rebel-held")                        |
 * | `…` / `…N`   | a gap: any tokens (at most N), none a figure in digits, "." or ";"     |
 *
 * An element ending in `?` may be left out; a gap may be empty. Matching is anchored and tries
 * the shorter way when an optional element does not lead to a match; a gap tries its longest
 * run first, so a `$cue` after it is the last cue before what follows.
 */
import { readNumber } from '../numbers.js';
import type { Token } from '../tokens.js';
import { CUE_AFTER, NOUN_OF_BEFORE, QUALIFIERS, TOLL_KINDS, WORD_CLASSES } from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';

type Element =
  | { type: 'words'; words: ReadonlySet<string>; optional: boolean }
  | { type: 'stem'; stems: readonly string[]; optional: boolean }
  | { type: 'class'; words: ReadonlySet<string>; optional: boolean }
  | { type: 'cue'; table: Readonly<Record<string, FigureKind>>; optional: boolean }
  | { type: 'number'; optional: boolean }
  | { type: 'qualifier'; optional: boolean }
  | { type: 'name'; optional: boolean }
  | { type: 'any'; optional: boolean }
  | { type: 'gap'; most: number; optional: true };

export interface Pattern {
  source: string;
  elements: readonly Element[];
  /** How many optional elements open the pattern (a row matched backwards takes them when present). */
  lead: number;
  /** The fewest tokens a match can span. */
  shortest: number;
}

const CUE_TABLES: Readonly<Record<string, Readonly<Record<string, FigureKind>>>> = {
  $cue: CUE_AFTER,
  $nounOf: NOUN_OF_BEFORE,
  $toll: TOLL_KINDS,
};

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
      if (body.startsWith('…')) return { type: 'gap', most: gapLength(source, body), optional: true };
      if (body.startsWith('~')) return { type: 'stem', stems: body.slice(1).toLowerCase().split('|'), optional };
      if (body.startsWith('@')) {
        const words = WORD_CLASSES[body.slice(1)];
        if (!words) throw new Error(`casualty pattern "${source}": no word class "${body}"`);
        return { type: 'class', words, optional };
      }
      if (body.startsWith('$')) {
        const table = Object.hasOwn(CUE_TABLES, body) ? CUE_TABLES[body] : undefined;
        if (!table) throw new Error(`casualty pattern "${source}": no cue table "${body}"`);
        return { type: 'cue', table, optional };
      }
      return { type: 'words', words: new Set(body.toLowerCase().split('|')), optional };
    });
  let lead = 0;
  while (lead < elements.length && elements[lead]!.optional) lead++;
  return { source, elements, lead, shortest: elements.filter((e) => !e.optional).length };
}

/** `…` alone reaches to the end of the clause; `…12` at most 12 tokens. */
function gapLength(source: string, body: string): number {
  if (body === '…') return Number.POSITIVE_INFINITY;
  const most = Number(body.slice(1));
  if (!Number.isInteger(most) || most < 1) throw new Error(`casualty pattern "${source}": a gap is "…" or "…N", not "${body}"`);
  return most;
}

export interface Match {
  /** Token index where the match starts. */
  start: number;
  /** Token index after the match. */
  end: number;
  /** The kind given by a `$cue`, `$nounOf` or `$toll` element, when the pattern has one. */
  kind: FigureKind | null;
}

/** Matches `pattern` at tokens[at], or returns null. */
export function matchAt(tokens: readonly Token[], at: number, pattern: Pattern): Match | null {
  return step(tokens, at, pattern.elements, 0, at, null);
}

/**
 * How far before a count a row may start when it ends right before it: the rows of that place
 * are short phrases ("the lives of", "treated two dozen of"), so a few words more than the longest.
 */
export const PHRASE_REACH = 8;

/**
 * Matches `pattern` so that it ends right before tokens[end]; the nearest start wins, and it
 * starts at most `reach` tokens earlier (leading optional words, taken when present, may lie beyond).
 */
export function matchEndingAt(tokens: readonly Token[], end: number, pattern: Pattern, reach = PHRASE_REACH): Match | null {
  return nearestEndingAt(tokens, end, [pattern], reach)?.match ?? null;
}

/**
 * The match nearest to tokens[end] of any of `patterns` that ends right before it, with the index
 * of its pattern; at one start, the earlier pattern wins. Null when none matches within `reach`.
 */
export function nearestEndingAt(
  tokens: readonly Token[],
  end: number,
  patterns: readonly Pattern[],
  reach = PHRASE_REACH,
): { match: Match; index: number } | null {
  for (let at = end - 1; at >= Math.max(0, end - reach); at--) {
    for (let index = 0; index < patterns.length; index++) {
      const pattern = patterns[index]!;
      if (at > end - Math.max(1, pattern.shortest) || !endsWith(tokens, end, pattern)) continue;
      const core = step(tokens, at, pattern.elements, pattern.lead, at, null, end);
      if (core) return { match: withLead(tokens, core, pattern), index };
    }
  }
  return null;
}

/** A cheap first test: a pattern whose last element is one word needs that word right before `end`. */
function endsWith(tokens: readonly Token[], end: number, pattern: Pattern): boolean {
  const last = pattern.elements[pattern.elements.length - 1]!;
  if (last.optional || !(last.type === 'words' || last.type === 'class' || last.type === 'cue')) return true;
  return take(tokens, end - 1, last) !== null;
}

/** Takes the pattern's leading optional elements backwards from the start of `core`, each when present. */
function withLead(tokens: readonly Token[], core: Match, pattern: Pattern): Match {
  let { start, kind } = core;
  for (let e = pattern.lead - 1; e >= 0; e--) {
    const taken = take(tokens, start - 1, pattern.elements[e]!);
    if (taken?.next !== start) continue;
    start--;
    kind ??= taken.kind ?? null;
  }
  return { start, end: core.end, kind };
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
  if (element.type === 'gap') return gap(tokens, i, elements, e, start, kind, mustEnd);
  const taken = take(tokens, i, element);
  if (taken) {
    const match = step(tokens, taken.next, elements, e + 1, start, taken.kind ?? kind, mustEnd);
    if (match) return match;
  }
  return element.optional ? step(tokens, i, elements, e + 1, start, kind, mustEnd) : null;
}

/** A gap at tokens[i]: its longest run first, then shorter ones. */
function gap(
  tokens: readonly Token[],
  i: number,
  elements: readonly Element[],
  e: number,
  start: number,
  kind: FigureKind | null,
  mustEnd?: number,
): Match | null {
  const most = (elements[e] as { most: number }).most;
  const limit = Math.min(tokens.length, mustEnd ?? tokens.length);
  let longest = i;
  while (longest < limit && longest - i < most && !endsGap(tokens[longest]!)) longest++;
  for (let k = longest; k >= i; k--) {
    const match = step(tokens, k, elements, e + 1, start, kind, mustEnd);
    if (match) return match;
  }
  return null;
}

/** A figure in digits, a full stop or a semicolon ends a gap: past it, the words speak of something else. */
function endsGap(token: Token): boolean {
  return token.digits || token.text === '.' || token.text === ';';
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
    case 'gap':
      return null;
  }
}
