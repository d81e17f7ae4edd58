import type { View, Visibility } from './types.js';

export function notice(tone: 'info' | 'usage' | 'error', text: string, visibility: Visibility = 'private'): View {
  return { kind: 'notice', tone, text, visibility };
}

export function usage(line: string): View {
  return notice('usage', `Usage: ${line}`);
}
