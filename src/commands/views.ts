import type { View, Visibility } from './types.js';

export function notice(tone: 'info' | 'usage' | 'error', text: string, visibility: Visibility = 'private'): View {
  return { kind: 'notice', tone, text, visibility };
}

/** The answer to `/digest` or `/article N` in a DM or a channel with no digest set up. */
export const NO_DIGEST_HERE =
  'No digest is set up in this channel: an admin can start one with /newsdigest subscribe <feed URL> (see /newsdigest help). /summary <URL> and /article <words> work anywhere.';

export function noDigestHere(): View {
  return notice('info', NO_DIGEST_HERE);
}

export function usage(line: string): View {
  return notice('usage', `Usage: ${line}`);
}
