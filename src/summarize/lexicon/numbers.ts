/** Number words and the words around vague amounts, for the number reader (src/summarize/numbers.ts). */
import { lookupTable } from './lookup.js';

/** Number words below twenty and their values: "seven", "twelve". */
export const NUMBER_UNITS = lookupTable({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
/** Tens and their values: "twenty-five" reads "twenty", then "five". */
export const NUMBER_TENS = lookupTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
/** Scale words and their values: "1.5 million", "three thousand". */
export const NUMBER_SCALES = lookupTable({ thousand: 1e3, million: 1e6, billion: 1e9 });

/** Vague plurals and the lower bound the annotation conventions give them. */
export const VAGUE_AMOUNTS = lookupTable({ dozens: 24, scores: 40, tens: 20, tenths: 20, hundreds: 200, thousands: 2000, millions: 2e6 });
/** Vague words that are only amounts when "of" follows ("scores of", not "the scores")… */
export const VAGUE_NEEDS_OF = new Set(['scores', 'tens', 'tenths']);
/** …or when they stand alone as the subject or object of a clause: "Scores were killed", "killed tenths who …". */
export const BARE_VAGUE_NEXT = new Set(['were', 'are', 'have', 'had', 'more', 'who', 'died', 'killed', 'dead', 'wounded', 'injured', 'fled']);
/** Words that make the vague word a noun of something else: "the scores were level", "test scores". */
export const BARE_VAGUE_NOT_AFTER = new Set([
  'the',
  'a',
  'an',
  'their',
  'his',
  'her',
  'its',
  'our',
  'your',
  'my',
  'these',
  'those',
  'high',
  'low',
  'test',
  'exam',
  'final',
]);
