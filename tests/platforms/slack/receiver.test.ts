import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_SECONDS, RecentSignatures, verifySlackRequest } from '../../../src/platforms/slack/receiver.js';
import { slackSignature } from '../../fakes/signed-request.js';

const SECRET = 'table-signing-secret';
const NOW_SEC = 1_800_000_000;
const BODY = 'command=%2Fdigest&text=';

function check(timestampSec: number | string, options: { signature?: string; body?: string; recent?: RecentSignatures } = {}) {
  const timestamp = String(timestampSec);
  return verifySlackRequest(
    { signature: options.signature ?? slackSignature(SECRET, Number(timestampSec), BODY), timestamp, body: options.body ?? BODY },
    { signingSecret: SECRET, nowMs: NOW_SEC * 1000, recent: options.recent ?? new RecentSignatures(MAX_CLOCK_SKEW_SECONDS) },
  );
}

describe('verifySlackRequest', () => {
  it.each([
    ['now', NOW_SEC, true],
    ['4 min 59 s ago', NOW_SEC - (MAX_CLOCK_SKEW_SECONDS - 1), true],
    ['exactly 5 min ahead', NOW_SEC + MAX_CLOCK_SKEW_SECONDS, true],
    ['5 min 1 s ahead', NOW_SEC + MAX_CLOCK_SKEW_SECONDS + 1, false],
    ['10 min ahead', NOW_SEC + 600, false],
    ['a year ahead', NOW_SEC + 365 * 86_400, false],
    ['6 min ago', NOW_SEC - 360, false],
  ])('a request stamped %s is accepted: %s', (_when, timestampSec, accepted) => {
    const verdict = check(timestampSec);
    expect(verdict.ok).toBe(accepted);
    if (!verdict.ok) expect(verdict.reason).toBe('request timestamp is more than 5 minutes from now');
  });

  it.each([
    ['no timestamp', '', undefined, 'missing or malformed x-slack-request-timestamp'],
    ['a timestamp that is not a number', '1.8e9', undefined, 'missing or malformed x-slack-request-timestamp'],
    ['a signature of another secret', NOW_SEC, slackSignature('other', NOW_SEC, BODY), 'signature does not match the signing secret'],
    ['a signature of another body', NOW_SEC, slackSignature(SECRET, NOW_SEC, 'text=x'), 'signature does not match the signing secret'],
    ['a truncated signature', NOW_SEC, slackSignature(SECRET, NOW_SEC, BODY).slice(0, 20), 'signature does not match the signing secret'],
  ])('refuses %s', (_what, timestamp, signature, reason) => {
    expect(check(timestamp, { signature })).toEqual({ ok: false, reason });
  });

  it('refuses the second of two identical requests, and forgets signatures once outside the window', () => {
    const recent = new RecentSignatures(MAX_CLOCK_SKEW_SECONDS);
    expect(check(NOW_SEC, { recent })).toEqual({ ok: true });
    expect(check(NOW_SEC, { recent })).toEqual({ ok: false, reason: 'replayed request (this signature was already accepted)' });
    expect(check(NOW_SEC + 1, { recent })).toEqual({ ok: true });
    expect(recent.size).toBe(2);
    // Once both are older than the window, checking a new request drops them.
    expect(recent.seen('v0=later', NOW_SEC + 400, NOW_SEC + 400 + MAX_CLOCK_SKEW_SECONDS - 50)).toBe(false);
    expect(recent.size).toBe(1);
  });
});
