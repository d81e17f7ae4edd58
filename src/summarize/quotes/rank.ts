/** The order an editor would show the quotations in, and the two or three key ones from distinct speakers. */
import type { Quote } from '../types.js';
import type { Candidate } from './types.js';

const KEY_QUOTES = 3;

/**
 * Ranks the quotations: a named speaker, a full statement of substance, early in the story.
 * The key ones come from distinct speakers.
 */
export function rank(text: string, candidates: Candidate[], paragraphCount: number): Quote[] {
  const scored = candidates.map((candidate, order) => {
    const first = candidate.parts[0]!;
    const last = candidate.parts[candidate.parts.length - 1]!;
    const start = first.start;
    const end = trimmedEnd(text, last.end);
    let score = 0;
    if (candidate.speaker) score += candidate.via === 'cue' ? 3 : 1.5;
    if (candidate.full) score += 1.5;
    score += Math.min(candidate.words, 20) / 10; // up to 2: beyond twenty words, length adds nothing
    if (candidate.words > 60) score -= 1;
    score += 1.5 * (1 - first.paragraph / Math.max(1, paragraphCount));
    const quote: Quote = {
      text: text.slice(start, end),
      start,
      end,
      speaker: candidate.speaker?.name ?? null,
      key: false,
      rank: 0,
    };
    if (candidate.speaker && candidate.role) quote.speakerRole = candidate.role;
    if (candidate.attribution) quote.attribution = candidate.attribution;
    if (candidate.parts.length > 1)
      quote.parts = candidate.parts.map((p) => ({
        text: text.slice(p.start, trimmedEnd(text, p.end)),
        start: p.start,
        end: trimmedEnd(text, p.end),
      }));
    return { quote, score, order, candidate };
  });
  const ordered = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  ordered.forEach((entry, i) => (entry.quote.rank = i + 1));
  const speakers = new Set<string>();
  let keys = 0;
  for (const entry of ordered) {
    if (keys >= KEY_QUOTES) break;
    const who = entry.quote.speaker;
    if (!who || entry.candidate.words < 6 || speakers.has(who)) continue;
    speakers.add(who);
    entry.quote.key = true;
    keys++;
  }
  // Key quotes rank first, in score order; the rest follow.
  const final = [...ordered.filter((e) => e.quote.key), ...ordered.filter((e) => !e.quote.key)];
  final.forEach((entry, i) => (entry.quote.rank = i + 1));
  return scored.map((entry) => entry.quote);
}

/** Quotations that run to the paragraph's end keep no trailing space. */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}
