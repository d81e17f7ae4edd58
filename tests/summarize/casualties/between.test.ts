import { describe, expect, it } from 'vitest';
import { BETWEEN, verbPosition } from '../../../src/summarize/casualties/between.js';
import { countTokens, figures } from './helpers.js';

/** The figure each row's example gives: the count reaches its verb past the row's words. */
const WANT: Record<string, { count: number | null; kind: string; text: string }> = {
  'auxiliary or adverb': { count: 12, kind: 'killed', text: 'Twelve people have reportedly been killed' },
  apposition: { count: 73, kind: 'killed', text: '73 civilians mostly women and children were killed' },
  'in total': { count: 40, kind: 'killed', text: 'Forty people in total were killed' },
  insert: { count: 500, kind: 'displaced', text: '500 people including opposition fighters left Madaya' },
  share: { count: 50, kind: 'killed', text: 'At least 50 people most of them civilians were killed' },
  'relative clause': { count: null, kind: 'killed', text: 'Tens of civilians who tried to leave the city were killed' },
  parenthesis: { count: 10, kind: 'killed', text: 'Ten people, including three children, were killed' },
};

describe('what may stand between a count and its verb, each row on its own example', () => {
  it('has an expectation for every row', () => {
    expect(BETWEEN.map((row) => row.name).sort()).toEqual(Object.keys(WANT).sort());
  });

  it.each(BETWEEN.map((row) => [row.name, row.example] as const))('%s: "%s"', (name, example) => {
    expect(figures(example)).toContainEqual(expect.objectContaining(WANT[name]));
  });
});

describe('where the walk to the verb stops', () => {
  it.each([
    // From the token after the noun to the verb.
    ['people have reportedly been killed', 1, 4],
    ['people, including three children, were killed', 1, 7],
    // An unclosed parenthesis is no insert; the walk stays.
    ['people, including three children were killed', 1, 1],
    // An insert whose verb is joined by "and" is the sentence's second verb, not the count's.
    ['people including 25 children and injured 40', 1, 1],
    // An insert, a share, a clause or a parenthesis opens only right after the noun.
    ['people were , including three children , killed', 1, 2],
  ])('"%s" from %i: the verb may stand at %i', (text, from, at) => {
    expect(verbPosition(countTokens(text), from)).toBe(at);
  });

  it('gives a relative clause that opens with an auxiliary its kind, unless it tells where people live now', () => {
    expect(figures('The 40 people who were killed were buried on Friday.')).toContainEqual(
      expect.objectContaining({ count: 40, kind: 'killed', text: '40 people who were killed' }),
    );
    expect(figures('The 40 families who were displaced returned home.')).toEqual([]);
  });
});
