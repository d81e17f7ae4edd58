/** Small tests on single tokens and their neighbours, shared by the casualty steps. */
import { readNumber } from '../numbers.js';
import type { Token } from '../tokens.js';
import { BEFORE_COUNT, MONTHS, PATIENT_NOUNS, PEOPLE, TREATED } from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';
import { BEFORE_RULES } from './patterns.js';
import { firstRule } from './rules.js';

export function isMonth(token: Token): boolean {
  return MONTHS.has(token.lower) || token.text === 'May';
}

/** "Syrians", "Kurds"-like names of peoples: "30 Lebanese" is a count of people. */
export function isDemonym(token: Token): boolean {
  return /^\p{Lu}\p{Ll}+(?:ians|ans|is|ese|ites)$/u.test(token.text);
}

export function isHarm(kind: FigureKind): boolean {
  return kind === 'killed' || kind === 'injured';
}

/** True when `b` follows `a` with no space between ("3|rd", "MiG|-"). */
export function touches(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

export function isDash(token: Token | undefined): boolean {
  return token?.text === '-' || token?.text === '–';
}

/** "treated 16 of the 29 cases": after a treatment word, cases are people. */
export function isPatients(tokens: Token[], first: number, noun: Token): boolean {
  if (!PATIENT_NOUNS.has(noun.lower)) return false;
  let p = first - 1;
  while (p >= 0 && BEFORE_COUNT.has(tokens[p]!.lower)) p--;
  if (tokens[p]?.lower === 'of') {
    const part = firstRule(BEFORE_RULES, tokens, p + 1, null, 'before');
    return part?.kind === 'injured';
  }
  return TREATED.has(tokens[p]?.lower ?? '');
}

/** "16 of the 29 cases": a part of a count of patients or people. */
export function partOfPatients(tokens: Token[], after: number): boolean {
  if (tokens[after]?.lower !== 'of' || tokens[after + 1]?.lower !== 'the') return false;
  const total = readNumber(tokens, after + 2);
  const noun = tokens[total ? total.last : after + 2]?.lower ?? '';
  return PATIENT_NOUNS.has(noun) || PEOPLE.has(noun);
}
