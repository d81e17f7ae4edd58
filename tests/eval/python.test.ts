import { describe, expect, it } from 'vitest';
import { compareCodePoints, pyFrozensetRepr, pyHash, pyRepr, pyRound, pySortedBy, pyStrip } from '../../eval/python.js';

describe('pyRound (Python round: correctly rounded, ties to even)', () => {
  it('breaks exact binary ties to even where toFixed rounds away from zero', () => {
    expect((1 / 32).toFixed(4)).toBe('0.0313');
    expect(pyRound(1 / 32, 4)).toBe(0.0312);
    expect(pyRound(3 / 32, 4)).toBe(0.0938);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.5, 0)).toBe(0);
    expect(pyRound(-1 / 32, 4)).toBe(-0.0312);
  });

  it('rounds values that only look like ties by their true binary value', () => {
    expect(pyRound(2.675, 2)).toBe(2.67);
    expect(pyRound(2 / 3, 4)).toBe(0.6667);
    expect(pyRound(4.4235, 3)).toBe(Number((4.4235).toFixed(3)));
  });
});

describe('Python repr, hash and set order', () => {
  it('writes numbers and strings as repr() does', () => {
    expect(pyRepr(70)).toBe('70');
    expect(pyRepr(0.5)).toBe('0.5');
    expect(pyRepr(1e-5)).toBe('1e-05');
    expect(pyRepr(0.0025)).toBe('0.0025');
    expect(pyRepr(-1.5)).toBe('-1.5');
    expect(pyRepr(null)).toBe('None');
    expect(pyRepr(true)).toBe('True');
    expect(pyRepr('killed')).toBe("'killed'");
    expect(pyRepr("it's")).toBe('"it\'s"');
  });

  it('hashes ints and floats as CPython does', () => {
    expect(pyHash(-1)).toBe(-2n);
    expect(pyHash(70)).toBe(70n);
    expect(pyHash(2.5)).toBe(1152921504606846978n);
    expect(pyHash(true)).toBe(1n);
  });

  it('lists frozenset members in hash-table slot order', () => {
    expect(pyFrozensetRepr([70, 120, 24])).toBe('frozenset({120, 24, 70})');
    expect(pyFrozensetRepr([2000, 24, 120])).toBe('frozenset({2000, 24, 120})');
    expect(pyFrozensetRepr([10, 5])).toBe('frozenset({10, 5})');
    expect(pyFrozensetRepr([-1, 3, 11])).toBe('frozenset({11, 3, -1})');
    expect(pyFrozensetRepr([3, 11, 19])).toBe('frozenset({11, 19, 3})');
    expect(pyFrozensetRepr([true, 1])).toBe('frozenset({True})');
    // Beyond 2^53 the int is the one Python parses from JSON.stringify's digits.
    expect(pyFrozensetRepr([-5, 2 ** 61, 0.5])).toBe('frozenset({0.5, 2305843009213694000, -5})');
    expect(pyFrozensetRepr([7, 7.0])).toBe('frozenset({7})');
  });

  it('sorts by code point and keeps equal keys in order', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true); // UTF-16 order differs, hence the helper
    expect(pySortedBy(['b1', 'a2', 'b0', 'a1'], (s) => s[0]!)).toEqual(['a2', 'a1', 'b1', 'b0']);
  });

  it('strips the whitespace Python strips, not the JavaScript set', () => {
    expect(pyStrip('\x1c\x85 text\u00a0\t')).toBe('text');
    expect(pyStrip('\ufefftext')).toBe('\ufefftext');
  });
});
