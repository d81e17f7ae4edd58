/**
 * Numbers that are no head count, as an ordered table of named rules: dates, ages, codes, measures,
 * times, shares, things and years. Each row has an example sentence whose number it rules out and a
 * near miss whose count it keeps, both run by tests/summarize/casualties/not-a-count.test.ts.
 */
import type { NumberRead } from '../numbers.js';
import type { Token } from '../tokens.js';
import { COLLECTIVES, CUE_AFTER, NOT_A_COUNT_BEFORE, PEOPLE, THINGS } from '../lexicon/casualties.js';
import type { QualifiedCount } from './count.js';
import { isDash, isMonth, isPatients, touches } from './words.js';

/** A number read in a sentence, with what stands around it. */
export interface NumberAt {
  tokens: Token[];
  read: NumberRead;
  count: QualifiedCount;
  /** The number's first token. */
  first: Token;
  /** The token right before the number (the end of its qualifier, when it has one). */
  before: Token | undefined;
  /** The token right after the number (before a range goes on). */
  after: Token | undefined;
  /** The token after that. */
  afterNext: Token | undefined;
}

export function numberAt(tokens: Token[], read: NumberRead, count: QualifiedCount): NumberAt {
  return {
    tokens,
    read,
    count,
    first: tokens[read.first]!,
    before: tokens[read.first - 1],
    after: tokens[read.last],
    afterNext: tokens[read.last + 1],
  };
}

export interface NotACountRule {
  name: string;
  /** A sentence written for the tests whose number this row rules out. */
  example: string;
  /** A sentence written for the tests, close to the example, whose count this row keeps. */
  nearMiss: string;
  applies: (n: NumberAt) => boolean;
}

/** True when the token after the number is glued to it ("3rd", "9/11", "12-year-old"). */
function gluedAfter(n: NumberAt): boolean {
  return touches(n.tokens[n.read.last - 1], n.after);
}

const YEAR = /^(?:19|20)\d\d$/;

export const NOT_A_COUNT: readonly NotACountRule[] = [
  {
    name: 'zero',
    example: 'Zero casualties were reported after the blast.',
    nearMiss: 'Two casualties were reported after the blast.',
    applies: (n) => n.read.count === 0,
  },
  {
    // NOT_A_COUNT_BEFORE: "aged 45", "$300", "No. 5", "Resolution 2254", "Brigade 93".
    name: 'a word before that makes it no head count',
    example: 'A man aged 45 was killed in the crash.',
    nearMiss: 'At least 45 people were killed in the crash.',
    applies: (n) => n.before !== undefined && NOT_A_COUNT_BEFORE.has(n.before.lower),
  },
  {
    name: 'a month before (a date)',
    example: 'The attack on June 12 killed a guard.',
    nearMiss: 'The attack in June killed 12 guards.',
    applies: (n) => n.before !== undefined && isMonth(n.before),
  },
  {
    name: 'glued after a slash, hyphen or stop (a code)',
    example: 'A MiG-21 crashed near the base, killing its pilot.',
    nearMiss: 'A MiG crashed near the base, killing 21 people.',
    applies: (n) => touches(n.before, n.first) && (n.before!.text === '/' || n.before!.text === '-' || n.before!.text === '.'),
  },
  {
    name: 'a slash glued after (a date or a code)',
    example: 'Survivors of 9/11 were treated for burns.',
    nearMiss: 'Nine survivors were treated for burns.',
    applies: (n) => gluedAfter(n) && n.after!.text === '/',
  },
  {
    name: 'a month after (a date)',
    example: 'The raid on 12 June killed a guard.',
    nearMiss: 'The raid in June killed 12 guards.',
    applies: (n) => n.after !== undefined && isMonth(n.after),
  },
  {
    // THINGS: objects, units and rates ("35 homes", "10 km", "40 per cent"), except "cases" counted
    // by a doctor ("treated 35 cases").
    name: 'things after',
    example: 'The shelling destroyed 35 homes and killed a child.',
    nearMiss: 'Doctors treated 35 cases after the shelling.',
    applies: (n) => n.after !== undefined && THINGS.has(n.after.lower) && !isPatients(n.tokens, n.read.first, n.after),
  },
  {
    name: 'a percentage',
    example: 'Nearly 40% of the wounded were children.',
    nearMiss: 'Nearly 40 of the wounded were children.',
    applies: (n) => n.after?.text === '%',
  },
  {
    name: 'letters glued after (an ordinal or a measure)',
    example: 'The 3rd convoy came under fire and its driver was killed.',
    nearMiss: 'Fire killed 3 drivers of the convoy.',
    applies: (n) => gluedAfter(n) && !n.after!.digits && /\p{L}/u.test(n.after!.text),
  },
  {
    name: 'a hyphenated word glued after (an age or an adjective)',
    example: 'A 12-year-old boy was killed in the strike.',
    nearMiss: 'The strike killed 12 boys and their teacher.',
    applies: (n) => gluedAfter(n) && isDash(n.after) && n.afterNext !== undefined && !n.afterNext.digits && touches(n.after, n.afterNext),
  },
  {
    name: 'a clock time',
    example: 'The blast at 10:30 killed a guard.',
    nearMiss: 'The blast at dawn killed 10 guards.',
    applies: (n) => n.after?.text === ':' && n.afterNext?.digits === true,
  },
  {
    name: 'a unit after a stop',
    example: 'The flood rose 3.m overnight and killed a farmer.',
    nearMiss: 'The flood rose overnight and killed 3 farmers.',
    applies: (n) => n.after?.text === '.' && /^(?:m|s)$/i.test(n.afterNext?.text ?? ''),
  },
  {
    // "2000 people were killed" is a count; "since 2011" is not. A qualifier makes it one ("some 2000").
    name: 'a year standing alone',
    example: 'Since 2011 the war has killed a generation.',
    nearMiss: 'In all 2000 people were killed in the war.',
    applies: (n) => {
      if (!n.first.digits || n.read.last !== n.read.first + 1 || !YEAR.test(n.first.text) || n.count.qualifier) return false;
      const next = n.tokens[n.count.end]?.lower ?? '';
      return !PEOPLE.has(next) && !CUE_AFTER[next];
    },
  },
  {
    name: 'one group, not one person',
    example: 'Eight members of one family were killed.',
    nearMiss: 'One soldier was killed.',
    applies: (n) => n.read.count === 1 && COLLECTIVES.has(n.tokens[n.count.end]?.lower ?? ''),
  },
];

/** The name of the first rule that rules the number out, or null when it may be a count. */
export function notACount(n: NumberAt): string | null {
  for (const rule of NOT_A_COUNT) if (rule.applies(n)) return rule.name;
  return null;
}
