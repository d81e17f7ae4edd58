/**
 * The cue that tells what happened to the people counted: a verb or noun before the count
 * ("killing 12", "the bodies of 20", "the death toll rose to 45") or after it and its noun
 * ("700 people have been killed", "45 dead", "12 were among the dead").
 */
import { readNumber } from '../numbers.js';
import type { Token } from '../tokens.js';
import {
  COUNT_AUXILIARIES,
  BEFORE_COUNT,
  COLLECTIVES,
  CUE_AFTER,
  CUE_NOUNS,
  FINITE,
  FORMS_OF_BE,
  PEOPLE,
  PERSON_OBJECT_VERBS,
  PHRASE_PREPOSITIONS,
  QUALIFIERS,
  RELATIVES,
  VERB_BEFORE,
} from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';
import { BEFORE_RULES, NEXT_RULES, VERB_RULES } from './patterns.js';
import { verbPosition } from './between.js';
import { firstRule, tollBefore } from './rules.js';
import { isHarm } from './words.js';

/**
 * How far the cue searches reach, in tokens. Each is a little longer than the longest phrase of its
 * kind that still belongs to the count; past it, the words are another clause.
 */
const REACH = {
  /** Back from a part to its harm verb: "killing four civilians | including". */
  verbBeforePart: 4,
  /** A short phrase before the verb: "of the Takfiri group in the north". */
  phraseBeforeVerb: 9,
} as const;

/** The kind of a harm verb a few words before tokens[k]: "killing civilians including …". */
export function verbBefore(tokens: Token[], k: number): FigureKind | null {
  for (let n = k; n >= 0 && n > k - REACH.verbBeforePart; n--) {
    const word = tokens[n]!.lower;
    const kind = VERB_BEFORE[word] ?? CUE_AFTER[word];
    if (kind) return kind;
    if (!PEOPLE.has(word) && !/^\p{L}/u.test(tokens[n]!.text)) return null;
  }
  return null;
}

export interface Cue {
  kind: FigureKind;
  /** Token index where the cue starts. */
  start: number;
  /** Token index after the cue. */
  end: number;
  /** A cue that does not tie the count as closely as the other side can ("the toll … at"). */
  weak?: boolean;
}

/** The verb or noun before a count: "killing 12", "the bodies of 20", "the death toll rose to 45". */
export function cueBefore(tokens: Token[], phraseStart: number, hasPerson: boolean, hasPersonNoun: boolean): Cue | null {
  let p = phraseStart - 1;
  while (p >= 0 && BEFORE_COUNT.has(tokens[p]!.lower)) p--;
  const t = tokens[p];
  if (!t) return null;
  const verb = VERB_BEFORE[t.lower];
  if (verb) {
    if (t.lower.startsWith('captur') && !hasPerson) return null;
    if (PERSON_OBJECT_VERBS.has(t.lower) && !hasPersonNoun) return null; // a person must follow: "destroyed 60 terrorists", not "destroyed 60 positions"

    let kind: FigureKind = verb;
    let start = p;
    // "kills, injures 70", "killing and wounding 50": killed and injured together are casualties.
    let q = p - 1;
    if (tokens[q] && ['and', 'or', ',', '/'].includes(tokens[q]!.lower)) q--;
    const other = tokens[q] ? VERB_BEFORE[tokens[q]!.lower] : undefined;
    if (other && other !== kind && isHarm(other) && isHarm(kind)) {
      kind = 'casualties';
      start = q;
    }
    if (FORMS_OF_BE.has(tokens[p - 1]?.lower ?? '') && kind === verb) return null; // "were killed 3 …"
    return { kind, start, end: p + 1 };
  }
  const rule = firstRule(BEFORE_RULES, tokens, p + 1, null, 'before');
  if (rule) return rule.kind ? { kind: rule.kind, start: rule.start, end: rule.end } : null;
  const toll = tollBefore(tokens, p + 1);
  if (toll?.kind) return { kind: toll.kind, start: toll.start, end: toll.end, weak: true };
  return null;
}

/** The verb or noun after a count and its noun: "700 people have been killed", "45 dead", "12 were among the dead". */
export function cueAfter(tokens: Token[], from: number, hasPerson: boolean): Cue | null {
  const next = firstRule(NEXT_RULES, tokens, from, tokens[from - 1] ?? null, 'after');
  if (next?.kind) return { kind: next.kind, start: next.start, end: next.end };
  const m = verbPosition(tokens, from);
  if (m === from && RELATIVES.has(tokens[m]?.lower ?? '')) return relativeClauseCue(tokens, m, hasPerson);
  const t = tokens[m];
  if (!t) return null;
  const word = t.lower;
  const following = tokens[m + 1]?.lower ?? '';
  // "lost their lives", "sustained injuries", "found refuge", "from their homes": the rows of VERB_RULES.
  // "left Madaya", "left the besieged town", "among the 40 people killed" are rows too.
  const phrase = firstRule(VERB_RULES, tokens, m, tokens[from - 1] ?? null, 'after');
  if (phrase) return phrase.kind ? { kind: phrase.kind, start: phrase.start, end: phrase.end } : null;
  // "3000 people left Foua", "300 leaving Zabadani", "left the city": people leaving a place.
  let kind = CUE_AFTER[word];
  if (!kind) return m === from ? cueAfterPhrase(tokens, m) : null;
  // An active verb with its own object ("12 soldiers killed 30 rebels") is not this count's cue.
  if (!CUE_NOUNS.has(word) && hasObject(tokens, m + 1)) return null;
  if (!hasPerson && kind === 'displaced' && word === 'refugees' && from === 0) return null;
  let end = m + 1;
  // "killed and wounded", "dead or injured": both harms, one count.
  if (['and', 'or', '/'].includes(following)) {
    const other = CUE_AFTER[tokens[m + 2]?.lower ?? ''];
    if (other && other !== kind && isHarm(other) && isHarm(kind) && !readNumber(tokens, m + 3)) {
      kind = 'casualties';
      end = m + 3;
    }
  }
  return { kind, start: m, end };
}

/**
 * A relative clause that does not lead on to a main verb: "the 40 people who were killed" says what
 * happened to them, when an auxiliary opens it (not where they live now: "who were displaced").
 */
function relativeClauseCue(tokens: Token[], m: number, hasPerson: boolean): Cue | null {
  const clause = cueAfter(tokens, m + 1, hasPerson);
  if (clause && clause.kind !== 'displaced' && COUNT_AUXILIARIES.has(tokens[m + 1]!.lower)) return { kind: clause.kind, start: m, end: clause.end };
  return null;
}

/** "10 members of the Takfiri group were killed", "12 people in Aleppo were killed": past a short phrase to the verb. */
function cueAfterPhrase(tokens: Token[], m: number): Cue | null {
  if (!PHRASE_PREPOSITIONS.has(tokens[m]?.lower ?? '')) return null;
  for (let k = m + 1; k < m + REACH.phraseBeforeVerb && tokens[k]; k++) {
    const t = tokens[k]!;
    const oneGroup = t.lower === 'one' && COLLECTIVES.has(tokens[k + 1]?.lower ?? ''); // "eight members of one family"
    if (!/^\p{L}/u.test(t.text) || CUE_AFTER[t.lower] || (readNumber(tokens, k) && !oneGroup)) return null;
    if (FINITE.has(t.lower) && t.text !== 'IS') {
      const cue = cueAfter(tokens, k, true);
      return cue && !CUE_NOUNS.has(tokens[cue.start]!.lower) ? cue : null;
    }
  }
  return null;
}

/** True when a verb at tokens[k - 1] has people as its object ("killed 30 rebels"), not a next figure ("Killed 7 Injured"). */
function hasObject(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  const modifier = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end; // "escaped terrorist-controlled areas"
  if ((PEOPLE.has(t.lower) && !modifier) || QUALIFIERS.some((q) => q.bound && q.words.every((w, n) => tokens[k + n]?.lower === w))) return true;
  const read = readNumber(tokens, k);
  if (!read) return false;
  let after = read.last;
  if (PEOPLE.has(tokens[after]?.lower ?? '')) after++;
  return !CUE_AFTER[tokens[after]?.lower ?? ''];
}
