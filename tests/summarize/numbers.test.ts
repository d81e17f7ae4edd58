import { describe, expect, it } from 'vitest';
import { parseNumber, readNumber } from '../../src/summarize/numbers.js';
import { countTokens } from './casualties/helpers.js';

describe('parseNumber', () => {
  it.each([
    ['7', 7],
    ['130,000', 130_000],
    ['130000', 130_000],
    ['1 000', 1000],
    ['12 500', 12_500],
    ['1.5 million', 1_500_000],
    ['6.36 million', 6_360_000],
    ['3 million', 3_000_000],
  ])('reads the figure %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ['one', 1],
    ['Two', 2],
    ['eleven', 11],
    ['twenty-five', 25],
    ['twenty five', 25],
    ['ninety-nine', 99],
    ['a hundred', 100],
    ['two hundred and fifty', 250],
    ['one hundred twenty', 120],
    ['five thousand', 5000],
    ['three million', 3_000_000],
    ['half a million', 500_000],
    ['a dozen', 12],
    ['two dozen', 24],
    ['half a dozen', 6],
  ])('reads the words %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ['dozens', 24],
    ['dozens of', 24],
    ['scores of', 40],
    ['tens of', 20],
    ['hundreds of', 200],
    ['thousands', 2000],
    ['tens of thousands of', 20_000],
    ['hundreds of thousands', 200_000],
    ['millions', 2_000_000],
    ['several hundred', 200],
  ])('gives the lower bound of the vague amount %s', (text, min) => {
    expect(parseNumber(text)).toBe(min);
    const read = readNumber(countTokens(text), 0);
    expect(read?.count).toBeNull();
    expect(read?.min).toBe(min);
  });

  it('does not read words that are no numbers', () => {
    for (const text of ['a', 'the scores', 'tens', 'half', 'several', 'hundred', '1.5', 'twenty twenty', 'one one']) {
      expect(parseNumber(text), text).toBeNull();
    }
  });
});

describe('readNumber: vague words standing alone', () => {
  /** The read at the first token of `marked` that starts with "*" (the mark is removed before reading). */
  function readMarked(marked: string) {
    const tokens = countTokens(marked.replace('*', ''));
    const at = marked.replace(/\*.*$/, '').trim() === '' ? 0 : countTokens(marked.slice(0, marked.indexOf('*'))).length;
    return readNumber(tokens, at);
  }

  it.each([
    ['*Scores were killed in the raid.', 40, 'Scores'],
    ['*Tens were wounded.', 20, 'Tens'],
    ['The strikes killed *tenths who were hiding.', 20, 'tenths'],
    ['The shelling killed *scores.', 40, 'scores'],
    ['Heavy fire wounded *scores more.', 40, 'scores'],
    ['The raids led to *tenth of casualties.', 20, 'tenth of'],
  ])('reads "%s" as a vague amount', (text, min, vague) => {
    expect(readMarked(text)).toMatchObject({ count: null, min, vague });
  });

  it.each([
    'The *scores were level at half time.',
    'Test *scores were higher this year.',
    'They counted *tens and units.',
    'Officials say a *tenth of the victims were children.',
    'Nine *tenths of the town was empty.',
    'The *tenth of March was quiet.',
  ])('does not read "%s"', (text) => {
    expect(readMarked(text)).toBeNull();
  });
});
