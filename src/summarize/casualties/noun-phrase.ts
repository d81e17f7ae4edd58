/** The noun phrase after a count: "civilians", "Kurdish fighters", "Al-Nusra Front commanders", "three of its workers". */
import { readNumber, type NumberRead } from '../numbers.js';
import type { Token } from '../tokens.js';
import { COUNT_AUXILIARIES, CUE_AFTER, OWNERS, PEOPLE, PHRASE_BREAK, THINGS, VERB_BEFORE } from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';
import { isDemonym, isPatients, touches } from './words.js';

/**
 * The most words a counted noun phrase runs to: "Al-Nusra Front commanders", "pro-government
 * militia fighters"; past that, the words are the rest of the clause.
 */
const NOUN_PHRASE_WORDS = 5;

export interface NounPhrase {
  /** Token index after the last noun for people ("Kurdish fighters|"), or -1 when none. */
  personEnd: number;
  /** Token index where the phrase stops. */
  end: number;
  /** The kind the people noun gives by itself: "300 detainees", "tens of casualties". */
  headCue: FigureKind | null;
}

/** Reads the noun phrase that starts at tokens[from], after `read`; null when the count counts things ("35 burned homes"). */
export function readNounPhrase(tokens: Token[], read: NumberRead, from: number): NounPhrase | null {
  let j = from;
  let personEnd = -1;
  let words = 0;
  let headCue: FigureKind | null = null;
  while (j < tokens.length && words < NOUN_PHRASE_WORDS) {
    const t = tokens[j]!;
    if (t.text === '-' && touches(tokens[j - 1], t) && touches(t, tokens[j + 1])) {
      j++;
      continue;
    }
    if (words === 0 && personEnd < 0 && isPartOfPeople(tokens, j)) {
      j += 2;
      continue;
    }
    if (endsPhrase(tokens, j)) break;
    if (CUE_AFTER[t.lower] && !(PEOPLE.has(t.lower) && personEnd < 0 && !CUE_AFTER[tokens[j + 1]?.lower ?? ''])) break;
    const patients = isPatients(tokens, read.first, t);
    if (THINGS.has(t.lower) && !patients) return null;
    const modifier = tokens[j + 1]?.text === '-' && touches(t, tokens[j + 1]); // "rebel-held"
    if ((PEOPLE.has(t.lower) || isDemonym(t) || patients) && !modifier) {
      personEnd = j + 1;
      headCue = CUE_AFTER[t.lower] ?? null;
    }
    j++;
    words++;
  }
  return { personEnd, end: j, headCue };
}

/** "three | of its workers", "12 | of the attackers": "of" and an owner before people (who are no cue). */
function isPartOfPeople(tokens: Token[], j: number): boolean {
  const people = tokens[j + 2]?.lower ?? '';
  return tokens[j]!.lower === 'of' && OWNERS.has(tokens[j + 1]?.lower ?? '') && PEOPLE.has(people) && !CUE_AFTER[people];
}

/** A token that ends the noun phrase: no word, a break, an auxiliary, a verb, an -ing form, another number. */
function endsPhrase(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.lower === 'more' && tokens[j + 1]?.lower === 'than') return true; // "412 people more than half of them …"
  const acronym = t.text === 'IS'; // the Islamic State, not the verb
  return (
    !/\p{L}/u.test(t.text) ||
    PHRASE_BREAK.has(t.lower) ||
    (COUNT_AUXILIARIES.has(t.lower) && !acronym) ||
    VERB_BEFORE[t.lower] !== undefined ||
    /ing$/.test(t.lower) ||
    readNumber(tokens, j) !== null
  );
}
