/**
 * What may stand between a count (and its noun) and its verb, as an ordered table of named rows:
 * auxiliaries and adverbs ("have reportedly been"), an apposition ("mostly women and children"),
 * "in total", an insert ("including opposition fighters"), a share ("most of them civilians"), a
 * relative clause ("who tried to leave the city") and a parenthesis (", including three children,").
 * One loop walks past them; each row has an example sentence, run by
 * tests/summarize/casualties/between.test.ts.
 */
import { readNumber } from '../numbers.js';
import type { Token } from '../tokens.js';
import {
  COUNT_AUXILIARIES,
  CUE_AFTER,
  FINITE,
  INSERT_OPENERS,
  PEOPLE,
  PEOPLE_LIST_OPENERS,
  PHRASE_BREAK,
  PHRASE_PREPOSITIONS,
  RELATIVES,
} from '../lexicon/casualties.js';
import { compile, matchAt } from './match.js';
import { LEAVING_RULES } from './patterns.js';
import { firstRule } from './rules.js';

/**
 * How far the walk reaches, in tokens. Each is a little longer than the longest stretch of its kind
 * that still belongs to the count; past it, the words are another clause.
 */
const REACH = {
  /** Rows walked past before the verb: "have reportedly also been". */
  rows: 8,
  /** A parenthesis between commas or dashes: ", including three children and a nurse,". */
  parenthesis: 10,
  /** An insert without commas: "including opposition fighters and their families". */
  insert: 10,
  /** A relative clause before the main verb: "who tried to leave the besieged city on foot". */
  relativeClause: 12,
} as const;

/** The state of one walk: rows passed so far, and whether an apposition is open ("mostly women and …"). */
interface Walk {
  passed: number;
  apposition: boolean;
}

interface Between {
  name: string;
  /** A sentence written for the tests whose count reaches its verb past this row's words. */
  example: string;
  /** Only right after the counted noun: an insert or a clause opens there, never after an auxiliary. */
  firstOnly: boolean;
  /** Where the walk resumes past the words at tokens[m], or -1 when the row does not apply there. */
  skip: (tokens: Token[], m: number, walk: Walk) => number;
}

/** The opening of an insert that says how many of the count were who: "most of them", "more than half of whom". */
const SHARE_INSERT = compile('more|less|fewer? than? @shares of them|whom|those');

export const BETWEEN: readonly Between[] = [
  {
    // "left" that opens a row of people leaving ("left Madaya") is the verb, not an auxiliary.
    name: 'auxiliary or adverb',
    example: 'Twelve people have reportedly been killed.',
    firstOnly: false,
    skip: (tokens, m, walk) => {
      const word = tokens[m]!.lower;
      if (!COUNT_AUXILIARIES.has(word) || (word === 'left' && firstRule(LEAVING_RULES, tokens, m, null, 'after'))) return -1;
      if (PEOPLE_LIST_OPENERS.has(word)) walk.apposition = true;
      return m + 1;
    },
  },
  {
    name: 'apposition',
    example: '73 civilians mostly women and children were killed.',
    firstOnly: false,
    skip: (tokens, m, walk) => (walk.apposition && (PEOPLE.has(tokens[m]!.lower) || tokens[m]!.lower === 'and') ? m + 1 : -1),
  },
  {
    name: 'in total',
    example: 'Forty people in total were killed.',
    firstOnly: false,
    skip: (tokens, m) => (tokens[m]!.lower === 'in' && (tokens[m + 1]?.lower === 'total' || tokens[m + 1]?.lower === 'all') ? m + 2 : -1),
  },
  {
    // Without commas: "thousands of civilians including thousands of children and babies have escaped".
    name: 'insert',
    example: '500 people including opposition fighters left Madaya.',
    firstOnly: true,
    skip: (tokens, m) => (INSERT_OPENERS.has(tokens[m]!.lower) ? insertEnd(tokens, m + 1) : -1),
  },
  {
    name: 'share',
    example: 'At least 50 people most of them civilians were killed.',
    firstOnly: true,
    skip: (tokens, m) => {
      const share = matchAt(tokens, m, SHARE_INSERT);
      return share ? insertEnd(tokens, share.end, true) : -1;
    },
  },
  {
    name: 'relative clause',
    example: 'Tens of civilians who tried to leave the city were killed.',
    firstOnly: true,
    skip: (tokens, m) => (RELATIVES.has(tokens[m]!.lower) ? relativeEnd(tokens, m + 1) : -1),
  },
  {
    name: 'parenthesis',
    example: 'Ten people, including three children, were killed.',
    firstOnly: true,
    skip: (tokens, m) => parenthesisEnd(tokens, m),
  },
];

/** Where the count's verb may stand: past the rows of BETWEEN that follow tokens[from], at most REACH.rows of them. */
export function verbPosition(tokens: Token[], from: number): number {
  const walk: Walk = { passed: 0, apposition: false };
  let m = from;
  while (m < tokens.length && walk.passed < REACH.rows) {
    const resume = skipAt(tokens, m, walk);
    if (resume < 0) break;
    m = resume;
    walk.passed++;
  }
  return m;
}

/** The first row that applies at tokens[m], and where the walk resumes; -1 when none does. */
function skipAt(tokens: Token[], m: number, walk: Walk): number {
  for (const row of BETWEEN) {
    if (row.firstOnly && walk.passed > 0) continue;
    const resume = row.skip(tokens, m, walk);
    if (resume > 0) return resume;
  }
  return -1;
}

/**
 * Where the verb after an insert opened by "including" or "mostly" resumes, or -1: no stop or clause
 * break inside; with `places`, the insert may say where people come from ("most of them from the militia").
 */
function insertEnd(tokens: Token[], from: number, places = false): number {
  for (let k = from; k < from + REACH.insert && tokens[k]; k++) {
    const t = tokens[k]!;
    if (k > from && (COUNT_AUXILIARIES.has(t.lower) || (CUE_AFTER[t.lower] && !PEOPLE.has(t.lower)))) {
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
export function relativeEnd(tokens: Token[], from: number): number {
  const first = tokens[from];
  if (!first || COUNT_AUXILIARIES.has(first.lower) || FINITE.has(first.lower) || !/^\p{L}/u.test(first.text)) return -1;
  for (let k = from + 1; k < from + REACH.relativeClause && tokens[k]; k++) {
    const t = tokens[k]!;
    if (FINITE.has(t.lower) && t.text !== 'IS') return k;
    if (!/^\p{L}/u.test(t.text) && t.text !== '-') return -1;
    if (readNumber(tokens, k) || RELATIVES.has(t.lower)) return -1;
  }
  return -1;
}

/** Past a parenthesis opened at tokens[m] by a comma or a dash and closed by the same mark, or -1. */
function parenthesisEnd(tokens: Token[], m: number): number {
  const mark = tokens[m]!.text;
  if (mark !== ',' && mark !== '-' && mark !== '–') return -1;
  let close = m + 1;
  while (close < tokens.length && close < m + REACH.parenthesis && tokens[close]!.text !== mark) close++;
  return tokens[close]?.text === mark ? close + 1 : -1;
}
