import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/scheduler/deliver.js';
import { backoffDelay } from '../src/timing.js';

describe('backoffDelay', () => {
  const feed = { baseMs: 60_000, maxMs: 3_600_000 };
  it.each([
    ['the first failure waits the base', 1, feed, 60_000],
    ['each failure doubles it', 4, feed, 480_000],
    ['never past the cap', 30, feed, 3_600_000],
    ['far past any sane count, still the cap', 10_000, feed, 3_600_000],
    ['no failures yet: the base', 0, feed, 60_000],
    ['a longer Retry-After wins', 1, { ...feed, retryAfterMs: 600_000 }, 600_000],
    ['a shorter Retry-After does not', 3, { ...feed, retryAfterMs: 1_000 }, 240_000],
    ['Retry-After is capped too', 1, { ...feed, retryAfterMs: 99_999_999 }, 3_600_000],
    ['another factor (Slack posts: 1 s × 3^n, at most 20 s)', 3, { baseMs: 1_000, maxMs: 20_000, factor: 3 }, 9_000],
    ['another factor, capped', 5, { baseMs: 1_000, maxMs: 20_000, factor: 3 }, 20_000],
  ])('%s', (_case, failures, options, expected) => {
    expect(backoffDelay(failures, options)).toBe(expected);
  });
});

describe('retryDelayMs (deliveries, built on backoffDelay)', () => {
  it.each([
    [0, true, 30_000],
    [1, true, 30_000],
    [2, true, 60_000],
    [6, true, 960_000],
    [7, true, 1_800_000],
    [50, true, 1_800_000],
    [1, false, 1_800_000],
  ])('after %i failed attempts (retryable: %s) waits %i ms', (attempts, retryable, expected) => {
    expect(retryDelayMs(attempts, retryable)).toBe(expected);
  });
});
