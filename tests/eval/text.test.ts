import { describe, expect, it } from 'vitest';
import { lcs, lead, overlap, rouge, toks } from '../../eval/text.js';

describe('toks', () => {
  it('keeps lower-cased runs of ASCII letters and digits', () => {
    expect(toks('Hello, World’s 2 BIG-cats!')).toEqual(['hello', 'world', 's', '2', 'big', 'cats']);
    expect(toks('Ünïcode café')).toEqual(['n', 'code', 'caf']);
    expect(toks(null)).toEqual([]);
    expect(toks('')).toEqual([]);
  });
});

describe('overlap', () => {
  it('is the share of the gold tokens, with repeats, found in the prediction', () => {
    expect(overlap('the cat sat on the mat', 'the cat the dog')).toBe(0.75);
    expect(overlap('the', 'the the')).toBe(0.5);
    expect(overlap('anything', '')).toBe(0);
  });
});

describe('lead', () => {
  it('takes the first three sentences after the title line, across paragraphs', () => {
    expect(lead('Title\nOne is here. Two is there.\nThree. Four.')).toBe('One is here. Two is there. Three.');
  });

  it('drops a closing quote at a sentence end, as the score.py pattern consumes it', () => {
    expect(lead('Title\nFirst one. Second one! "Third?" Fourth.\nFifth.')).toBe('First one. Second one! "Third?');
  });

  it('splits on Python whitespace (U+001C yes, U+FEFF no)', () => {
    expect(lead('T\nOne.\x1cTwo. Three.')).toBe('One. Two. Three.');
    expect(lead('T\nOne.\ufeffTwo. Three. Four.')).toBe('One.\ufeffTwo. Three. Four.');
  });

  it('uses the whole text when there is no newline', () => {
    expect(lead('Only. One line. Here. Four.', 2)).toBe('Only. One line.');
  });
});

describe('rouge', () => {
  it('gives ROUGE-1/2/L F1 on word tokens', () => {
    const r = rouge('The cat sat', 'the cat sat on the mat');
    expect(r.rouge1).toBeCloseTo(2 / 3, 12);
    expect(r.rouge2).toBeCloseTo(0.5714285714285715, 12);
    expect(r.rougeL).toBeCloseTo(2 / 3, 12);
  });

  it('scores an empty candidate as zero', () => {
    expect(rouge('', 'a reference')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('finds the longest common subsequence', () => {
    expect(lcs(['a', 'b', 'c', 'd'], ['b', 'x', 'd', 'a'])).toBe(2);
    expect(lcs([], ['a'])).toBe(0);
  });
});
