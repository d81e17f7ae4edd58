/**
 * The cue that tells what happened to the people counted: a verb or noun before the count
 * ("killing 12", "the bodies of 20", "the death toll rose to 45") or after it and its noun
 * ("700 people have been killed", "45 dead", "12 were among the dead").
 */
import type { Token } from '../numbers.js';
import { readNumber } from '../numbers.js';
import {
  AUXILIARIES,
  BEFORE_COUNT,
  COLLECTIVES,
  CUE_AFTER,
  CUE_NOUNS,
  FINITE,
  INSERT_OPENERS,
  PASSIVE_AUXILIARIES,
  PEOPLE,
  PERSON_OBJECT_VERBS,
  PHRASE_BREAK,
  PHRASE_PREPOSITIONS,
  QUALIFIERS,
  RELATIVES,
  VERB_BEFORE,
} from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';
import { compile, matchAt } from './match.js';
import { BEFORE_RULES, LEAVING_RULES, NEXT_RULES, VERB_RULES } from './patterns.js';
import { firstRule, tollBefore } from './rules.js';
import { isHarm } from './words.js';

/**
 * How far the cue searches reach, in tokens. Each is a little longer than the longest phrase of its
 * kind that still belongs to the count; past it, the words are another clause.
 */
const REACH = {
  /** Back from a part to its harm verb: "killing four civilians | including". */
  verbBeforePart: 4,
  /** Auxiliaries, adverbs and inserts skipped between a count's noun and its verb: "have reportedly also been". */
  skippedBeforeVerb: 8,
  /** A parenthesis between commas or dashes: ", including three children and a nurse,". */
  parenthesis: 10,
  /** An insert without commas: "including opposition fighters and their families". */
  insert: 10,
  /** A relative clause before the main verb: "who tried to leave the besieged city on foot". */
  relativeClause: 12,
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
    if (PASSIVE_AUXILIARIES.has(tokens[p - 1]?.lower ?? '') && kind === verb) return null; // "were killed 3 …"
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
  let m = from;
  const next = firstRule(NEXT_RULES, tokens, m, tokens[from - 1] ?? null, 'after');
  if (next?.kind) return { kind: next.kind, start: next.start, end: next.end };
  let skipped = 0;
  let apposition = false; // after "mostly", "mainly": "73 civilians mostly women and children were killed"
  while (m < tokens.length && skipped < REACH.skippedBeforeVerb) {
    const t = tokens[m]!;
    if (AUXILIARIES.has(t.lower) && !(t.lower === 'left' && firstRule(LEAVING_RULES, tokens, m, null, 'after'))) {
      if (t.lower === 'mostly' || t.lower === 'mainly' || t.lower === 'including') apposition = true;
      m++;
      skipped++;
      continue;
    }
    if (apposition && (PEOPLE.has(t.lower) || t.lower === 'and')) {
      m++;
      skipped++;
      continue;
    }
    if (t.lower === 'in' && (tokens[m + 1]?.lower === 'total' || tokens[m + 1]?.lower === 'all')) {
      m += 2;
      skipped++;
      continue;
    }
    if (skipped === 0 && INSERT_OPENERS.has(t.lower)) {
      // An insert without commas: "500 people including opposition fighters left Madaya",
      // "thousands of civilians including thousands of children and babies have escaped".
      const resume = insertEnd(tokens, m + 1);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
    }
    const share = skipped === 0 ? matchAt(tokens, m, SHARE_INSERT) : null;
    if (share) {
      // "At least 50 people most of them civilians were killed", "412 people more than half of them from the militia have been killed".
      const resume = insertEnd(tokens, share.end, true);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
    }
    if (skipped === 0 && RELATIVES.has(t.lower)) {
      // "Tens of civilians who tried to leave the city were killed": past the clause to its verb.
      const resume = relativeEnd(tokens, m + 1);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
      // "the 40 people who were killed": the clause says what happened to them (not where they live now).
      const clause = cueAfter(tokens, m + 1, hasPerson);
      if (clause && clause.kind !== 'displaced' && AUXILIARIES.has(tokens[m + 1]!.lower)) return { kind: clause.kind, start: m, end: clause.end };
      return null;
    }
    if ((t.text === ',' || t.text === '-' || t.text === '–') && skipped === 0) {
      // A parenthesis: ", including three children," or " - including three children -"
      let close = m + 1;
      while (close < tokens.length && close < m + REACH.parenthesis && tokens[close]!.text !== t.text) close++;
      if (tokens[close]?.text !== t.text) break;
      m = close + 1;
      skipped++;
      continue;
    }
    break;
  }
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

/** The opening of an insert that says how many of the count were who: "most of them", "more than half of whom". */
const SHARE_INSERT = compile('more|less|fewer? than? @shares of them|whom|those');

/**
 * Where the verb after an insert opened by "including" or "mostly" resumes, or -1: no stop or clause
 * break inside; with `places`, the insert may say where people come from ("most of them from the militia").
 */
function insertEnd(tokens: Token[], from: number, places = false): number {
  for (let k = from; k < from + REACH.insert && tokens[k]; k++) {
    const t = tokens[k]!;
    if (k > from && (AUXILIARIES.has(t.lower) || (CUE_AFTER[t.lower] && !PEOPLE.has(t.lower)))) {
      // "killed 100 people including 25 children and injured 40": a second verb of the sentence, not the count's.
      const joinedVerb = ['and', 'or'].includes(tokens[k - 1]!.lower) || /ing$/.test(t.lower);
      return joinedVerb ? -1 : k;
    }
    if (readNumber(tokens, k) || t.lower === 'of' || t.lower === 'and' || t.text === '-') continue;
    if (places && (PHRASE_PREPOSITIONS.has(t.lower) || t.lower === 'the')) continue;
    if (!/^\p{L}/u.test(t.text) || PHRASE_BREAK.has(t.lower) || FINITE.has(t.lower)) return -1;
  }
  return -1;
}

/** Where the main verb after a relative clause resumes ("who tried to leave the city | were killed"), or -1. */
function relativeEnd(tokens: Token[], from: number): number {
  const first = tokens[from];
  if (!first || AUXILIARIES.has(first.lower) || FINITE.has(first.lower) || !/^\p{L}/u.test(first.text)) return -1;
  for (let k = from + 1; k < from + REACH.relativeClause && tokens[k]; k++) {
    const t = tokens[k]!;
    if (FINITE.has(t.lower) && t.text !== 'IS') return k;
    if (!/^\p{L}/u.test(t.text) && t.text !== '-') return -1;
    if (readNumber(tokens, k) || RELATIVES.has(t.lower)) return -1;
  }
  return -1;
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
