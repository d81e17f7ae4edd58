import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/digest/format.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1234567, '1,234,567'],
    [-4500, '-4,500'],
    [2.5, '2.5'],
    [12345.5, '12,345.5'],
  ])('%d reads as %s, as en-US writes it', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
    expect(formatNumber(value)).toBe(value.toLocaleString('en-US'));
  });
});
