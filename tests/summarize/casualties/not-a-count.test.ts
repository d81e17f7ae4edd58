import { describe, expect, it } from 'vitest';
import { readQualifiedCount } from '../../../src/summarize/casualties/count.js';
import { NOT_A_COUNT, notACount, numberAt } from '../../../src/summarize/casualties/not-a-count.js';
import { figures, numbersOf } from './helpers.js';

/** For each number of `sentence`: its value and the rule that rules it out (null when none does). */
function verdicts(sentence: string): Array<{ count: number | null; ruledOutBy: string | null }> {
  const { tokens, reads } = numbersOf(sentence);
  return reads.map((read) => ({ count: read.count, ruledOutBy: notACount(numberAt(tokens, read, readQualifiedCount(tokens, read))) }));
}

describe('the "not a count" rules, each on its own example and near miss', () => {
  it('have unique names', () => {
    expect(new Set(NOT_A_COUNT.map((rule) => rule.name)).size).toBe(NOT_A_COUNT.length);
  });

  it.each(NOT_A_COUNT.map((rule) => [rule.name, rule.example] as const))('%s rules out a number of "%s", which gives no figure', (name, example) => {
    const ruledOut = verdicts(example).filter((v) => v.ruledOutBy === name);
    expect(ruledOut.length).toBeGreaterThan(0);
    const counts = new Set(figures(example).map((f) => f.count));
    for (const { count } of ruledOut) expect(counts.has(count)).toBe(false);
  });

  it.each(NOT_A_COUNT.map((rule) => [rule.name, rule.nearMiss] as const))('%s keeps the count of "%s"', (name, nearMiss) => {
    expect(verdicts(nearMiss).map((v) => v.ruledOutBy)).not.toContain(name);
    expect(figures(nearMiss).length).toBeGreaterThan(0);
  });
});

describe('the "not a count" rules on more sentences', () => {
  it.each([
    ['The 1990s saw 30 people killed.', 1990, 'letters glued after (an ordinal or a measure)'],
    ['Flight 93 crashed, killing everyone on board.', 93, 'a word before that makes it no head count'],
    ['The 11-nation force lost 3 soldiers killed.', 11, 'a hyphenated word glued after (an age or an adjective)'],
    ['In 2014 200 people were killed.', 2014, 'a year standing alone'],
    ['A 24/7 watch was kept after 6 guards were killed.', 24, 'a slash glued after (a date or a code)'],
  ])('"%s": %d is ruled out by "%s"', (sentence, count, name) => {
    expect(verdicts(sentence)).toContainEqual({ count, ruledOutBy: name });
  });

  it.each([
    ['Some 2014 people were killed.', 2014],
    ['In 2014 200 people were killed.', 200],
    ['The 11 - nation force lost 3 soldiers.', 3],
  ])('"%s": %d is left to the other steps', (sentence, count) => {
    expect(verdicts(sentence)).toContainEqual({ count, ruledOutBy: null });
  });
});
