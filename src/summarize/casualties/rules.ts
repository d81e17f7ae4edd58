/** How the rows of ./patterns.ts are tried: each place has one small runner. */
import type { Token } from '../tokens.js';
import type { FigureKind } from '../types.js';
import { matchAt, matchEndingAt, nearestEndingAt } from './match.js';
import { type PartRule, type PhraseRule, TOLL_REACH, TOLL_RULES } from './patterns.js';

export interface RuleMatch {
  kind: FigureKind | null;
  start: number;
  end: number;
}

/**
 * The first row of `rules` that matches at tokens[at] (`after`) or ends right before it (`before`),
 * with its kind; a row whose kind is null rules the count out on that side.
 */
export function firstRule(
  rules: readonly PhraseRule[],
  tokens: Token[],
  at: number,
  subject: Token | null,
  side: 'after' | 'before',
): RuleMatch | null {
  for (const rule of rules) {
    if (rule.subject && !(subject && rule.subject.has(subject.lower))) continue;
    const match = side === 'after' ? matchAt(tokens, at, rule.pattern) : matchEndingAt(tokens, at, rule.pattern);
    if (!match) continue;
    const kind = rule.kind === 'cue' ? match.kind : rule.kind;
    return { kind, start: match.start, end: match.end };
  }
  return null;
}

const TOLL_PATTERNS = TOLL_RULES.map((rule) => rule.pattern);

/** The toll row nearest the count that ends right before tokens[end] ("the death toll has risen to"), or null. */
export function tollBefore(tokens: Token[], end: number): RuleMatch | null {
  // The reach counts tokens back from `end`; the link word itself is the first of them.
  const found = nearestEndingAt(tokens, end, TOLL_PATTERNS, TOLL_REACH + 1);
  if (!found) return null;
  const rule = TOLL_RULES[found.index]!;
  const kind = rule.kind === 'cue' ? (found.match.kind ?? rule.defaultKind ?? null) : rule.kind;
  return { kind, start: found.match.start, end: found.match.end };
}

/** The first part row whose words end right before tokens[end] (`lead`) or start at tokens[at] (`tail`). */
export function partRule(rules: readonly PartRule[], tokens: Token[], at: number): { rule: PartRule; start: number; end: number } | null {
  for (const rule of rules) {
    const match = rule.where === 'tail' ? matchAt(tokens, at, rule.pattern) : matchEndingAt(tokens, at, rule.pattern);
    if (match) return { rule, start: match.start, end: match.end };
  }
  return null;
}
