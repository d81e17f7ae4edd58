import { describe, expect, it } from 'vitest';
import { type TokenizeOptions, tokenize } from '../../src/summarize/tokens.js';

const NAMES: TokenizeOptions = { pattern: 'names' };
const COUNTS: TokenizeOptions = { pattern: 'counts' };
const words = (text: string, options: TokenizeOptions) => tokenize(text, 0, text.length, options).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['a name with a particle', 'said Bashar al-Assad', ['said', 'Bashar', 'al-Assad'], ['said', 'Bashar', 'al', '-', 'Assad']],
    ['a number joined to words', 'a 12-year-old boy', ['a', '12-year-old', 'boy'], ['a', '12', '-', 'year', '-', 'old', 'boy']],
    ['initials', 'the U.S. envoy', ['the', 'U.S.', 'envoy'], ['the', 'U', '.', 'S', '.', 'envoy']],
    ['a title with its period', 'Gov. Ann Lee', ['Gov.', 'Ann', 'Lee'], ['Gov', '.', 'Ann', 'Lee']],
    ['an initial before a name', 'John F. Kennedy', ['John', 'F.', 'Kennedy'], ['John', 'F', '.', 'Kennedy']],
    ['a figure with thousands commas', 'killed 1,200 people', ['killed', '1', ',', '200', 'people'], ['killed', '1,200', 'people']],
    ['a number word with a hyphen', 'twenty-five wounded', ['twenty-five', 'wounded'], ['twenty', '-', 'five', 'wounded']],
    ['an apostrophe inside a word', 'the town’s mayor', ['the', 'town’s', 'mayor'], ['the', 'town’s', 'mayor']],
  ])('cuts %s one way for names and another for counts', (_, text, names, counts) => {
    expect(words(text, NAMES)).toEqual(names);
    expect(words(text, COUNTS)).toEqual(counts);
  });

  it.each([
    ['names', NAMES, ['Floods', 'killed', '1', ',', '200', 'people-']],
    ['counts', COUNTS, ['Floods', 'killed', '1,200', 'people', '-']],
  ] as const)('keeps offsets into the whole text, lower-cases each token and marks those that start with a digit (%s)', (_, options, expected) => {
    const text = 'Earlier: Floods killed 1,200 people-';
    const tokens = tokenize(text, 9, text.length, options);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.lower).toBe(t.text.toLowerCase());
      expect(t.digits).toBe(/^\d/.test(t.text));
    }
    expect(tokens[0]).toMatchObject({ text: 'Floods', lower: 'floods', start: 9, end: 15, digits: false });
  });

  it('stops after `limit` tokens', () => {
    expect(tokenize('one two three four', 0, 18, { pattern: 'names', limit: 2 }).map((t) => t.text)).toEqual(['one', 'two']);
    expect(tokenize('one two three four', 0, 18, { pattern: 'counts', limit: 3 }).map((t) => t.text)).toEqual(['one', 'two', 'three']);
  });

  it('reads a name past the end it was given, and cuts a word that runs over that end', () => {
    const text = 'said Sen. Ann Lee and J. Doe';
    // The initial is one only because a capitalised word follows, after the end.
    expect(tokenize(text, 22, 24, NAMES).map((t) => t.text)).toEqual(['J.']);
    expect(tokenize(text, 0, 7, NAMES).map((t) => [t.text, t.start, t.end])).toEqual([
      ['said', 0, 4],
      ['Se', 5, 7],
    ]);
  });

  it('reads a count from its sentence alone, as if nothing came after it', () => {
    const text = 'killed 1,200 people';
    expect(tokenize(text, 0, 10, COUNTS).map((t) => [t.text, t.start, t.end])).toEqual([
      ['killed', 0, 6],
      ['1', 7, 8],
      [',', 8, 9],
      ['2', 9, 10],
    ]);
  });
});
