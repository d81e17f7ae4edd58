import { describe, expect, it } from 'vitest';
import { compile, matchAt, matchEndingAt, nearestEndingAt } from '../../../src/summarize/casualties/match.js';
import { PART_RULES, TOLL_REACH } from '../../../src/summarize/casualties/patterns.js';
import { tollBefore } from '../../../src/summarize/casualties/rules.js';
import { countTokens, figures } from './helpers.js';

describe('the gap element', () => {
  const words = (text: string) => countTokens(text);

  it.each([
    ['toll … @tollLinks', 'toll in the north rose to', 0, 6],
    ['toll … @tollLinks', 'toll to', 0, 2],
    ['toll …2 @tollLinks', 'toll in Varna rose', 0, 4],
    ['number of … $cue … @tollLinks', 'number of people killed in Varna rose to', 0, 8],
  ])('"%s" matches "%s" from %i to %i', (pattern, text, start, end) => {
    expect(matchAt(words(text), start, compile(pattern))).toMatchObject({ start, end });
  });

  it.each([
    ['toll …2 @tollLinks', 'toll in the north rose'],
    ['toll … rose', 'toll in the 2 raids rose'],
    ['toll … rose', 'toll seemed high. It rose'],
    ['toll … rose', 'toll seemed high; it rose'],
  ])('"%s" does not match "%s" (too long, or past a figure, a stop or a semicolon)', (pattern, text) => {
    expect(matchAt(words(text), 0, compile(pattern))).toBeNull();
  });

  it('takes its longest run first, so a cue after it is the last one', () => {
    expect(matchAt(words('number of dead and wounded rose to'), 0, compile('number of … $cue … @tollLinks'))?.kind).toBe('injured');
  });

  it('refuses a gap with a bound that is no whole number', () => {
    expect(() => compile('toll …x rose')).toThrow(/a gap is "…" or "…N"/);
    expect(() => compile('toll …0 rose')).toThrow(/a gap is "…" or "…N"/);
  });
});

describe('rows that end right before a count', () => {
  const tokens = countTokens('the death toll rose to 45');

  it('take their leading optional words when present, and give their kind', () => {
    expect(matchEndingAt(tokens, 5, compile('$toll? toll … @tollLinks'), 10)).toEqual({ start: 1, end: 5, kind: 'killed' });
    expect(matchEndingAt(countTokens('a toll of 12'), 3, compile('$toll? toll … @tollLinks'))).toEqual({ start: 1, end: 3, kind: null });
  });

  it('start at most `reach` tokens back', () => {
    expect(matchEndingAt(tokens, 5, compile('toll … @tollLinks'), 3)).toMatchObject({ start: 2 });
    expect(matchEndingAt(tokens, 5, compile('toll … @tollLinks'), 2)).toBeNull();
  });

  it('of several patterns, the one nearest the end wins', () => {
    const nearer = countTokens('the toll and the number of people killed rose to');
    const found = nearestEndingAt(nearer, nearer.length, [compile('toll … @tollLinks'), compile('number of … $cue … @tollLinks')], 20);
    expect(found).toMatchObject({ index: 1, match: { start: 4 } });
  });
});

describe('toll rows', () => {
  it.each([
    [
      'The death toll from the floods in Varna has risen to 45.',
      { count: 45, kind: 'killed', text: 'death toll from the floods in Varna has risen to 45' },
    ],
    ['The injury toll stood at 80 on Monday.', { count: 80, kind: 'injured' }],
    ['The toll reached 12 on Monday.', { count: 12, kind: 'killed', text: 'toll reached 12' }],
    ['Officials put the casualty toll at 60.', { count: 60, kind: 'casualties' }],
    ['The number of fighters killed in the battles for the ridge has risen to 39.', { count: 39, kind: 'killed' }],
    // The count's own cue wins over the toll: "the toll … at" is a weak cue.
    ['The toll from the blast stood at 30 injured.', { count: 30, kind: 'injured', text: '30 injured' }],
  ])('"%s"', (sentence, want) => {
    expect(figures(sentence)).toContainEqual(expect.objectContaining(want));
  });

  it('reach no further than TOLL_REACH words before the link word', () => {
    const filler = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const near = countTokens(`toll ${filler(TOLL_REACH - 2)} rose to 45`);
    const far = countTokens(`toll ${filler(TOLL_REACH - 1)} rose to 45`);
    expect(tollBefore(near, near.length - 1)).toMatchObject({ start: 0, kind: 'killed' });
    expect(tollBefore(far, far.length - 1)).toBeNull();
  });

  it.each([['The toll rose from 10 to 15.'], ['The toll of the 2 raids rose to 45.'], ['Toll booths on Route 9 charged 45 drivers.']])(
    '"%s" gives no toll figure',
    (sentence) => {
      expect(figures(sentence)).toEqual([]);
    },
  );
});

describe('parts of an earlier figure', () => {
  const WANT: Record<string, { count: number; kind: string; text: string }> = {
    including: { count: 3, kind: 'killed', text: 'including three children' },
    'among them': { count: 4, kind: 'killed', text: 'four teachers' },
    'of them': { count: 2, kind: 'killed', text: 'two of them' },
  };

  it('have an expectation for every row', () => {
    expect(PART_RULES.map((rule) => rule.name).sort()).toEqual(Object.keys(WANT).sort());
  });

  it.each(PART_RULES.map((rule) => [rule.name, rule.example] as const))('%s: "%s"', (name, example) => {
    expect(figures(example)).toContainEqual(expect.objectContaining(WANT[name]));
  });

  it.each([
    ['Thirty people were wounded, of whom nine were children.', { count: 9, kind: 'injured', text: 'nine' }],
    ['Twenty were hurt in the blast. Among them four nurses.', { count: 4, kind: 'injured' }],
    // No earlier figure: the harm verb just before the words gives the kind.
    ['Shelling killed civilians including 12 children.', { count: 12, kind: 'killed', text: 'including 12 children' }],
  ])('"%s"', (sentence, want) => {
    expect(figures(sentence)).toContainEqual(expect.objectContaining(want));
  });

  it('give no figure when nothing earlier says what happened', () => {
    expect(figures('The convoy carried 40 people, including three children.')).toEqual([]);
  });
});
