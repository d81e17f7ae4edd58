import { describe, expect, it } from 'vitest';
import { qualifierEndingAt, RANGE_LINKS, readQualifiedCount } from '../../../src/summarize/casualties/count.js';
import { countTokens, figures, numbersOf } from './helpers.js';

/** The qualified count of the first number of `sentence`. */
function firstCount(sentence: string) {
  const { tokens, reads } = numbersOf(sentence);
  const count = readQualifiedCount(tokens, reads[0]!);
  return { qualifier: count.qualifier, bound: count.bound, count: reads[0]!.count, rangeMax: count.rangeMax };
}

describe('range links, each on its own example', () => {
  it.each(RANGE_LINKS.map((link) => [link.name, link.example] as const))('%s: "%s" gives 10 to 15', (_name, example) => {
    expect(figures(example)).toContainEqual(expect.objectContaining({ count: null, min: 10, max: 15 }));
  });
});

describe('ranges and their near misses', () => {
  it.each([
    ['Clashes killed 10-15 people.', { count: 10, rangeMax: 15, qualifier: null }],
    ['Clashes killed 10–15 people.', { count: 10, rangeMax: 15, qualifier: null }],
    ['Floods killed between 10 and 15 people.', { count: 10, rangeMax: 15, qualifier: 'between' }],
    ['Floods killed some 10 to 15 people.', { count: 10, rangeMax: 15, qualifier: 'some' }],
    // Not ranges: a change ("from 10 to 15"), a second number no larger, a spaced dash, "and" without "between".
    ['The toll rose from 10 to 15.', { count: 10, rangeMax: null, qualifier: null }],
    ['Clashes killed 15-10 people.', { count: 15, rangeMax: null, qualifier: null }],
    ['Clashes killed 10 - 15 people.', { count: 10, rangeMax: null, qualifier: null }],
    ['Floods killed 10 and injured 15 people.', { count: 10, rangeMax: null, qualifier: null }],
  ])('"%s"', (sentence, want) => {
    expect(firstCount(sentence)).toMatchObject(want);
  });
});

describe('the qualifier before a count', () => {
  it.each([
    ['at least 12', 'at least', 'min'],
    ['no fewer than 12', 'no fewer than', 'min'],
    ['fewer than 12', 'fewer than', 'max'],
    ['just over 12', 'just over', 'min'],
    ['nearly 12', 'nearly', 'max'],
    ['an estimated 12', 'an estimated', null],
  ])('"%s": the longest qualifier, "%s", bound %s', (text, words, bound) => {
    const tokens = countTokens(text);
    const found = qualifierEndingAt(tokens, tokens.length - 1);
    expect(found?.qualifier.words.join(' ')).toBe(words);
    expect(found?.qualifier.bound).toBe(bound);
  });

  it('finds none when the words before are no qualifier', () => {
    const tokens = countTokens('the last 12');
    expect(qualifierEndingAt(tokens, 2)).toBeNull();
    expect(qualifierEndingAt(tokens, 0)).toBeNull();
  });
});
