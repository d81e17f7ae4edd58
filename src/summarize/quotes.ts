/**
 * Direct quotations and who said them (docs/quotes.md). The work is done in src/summarize/quotes/:
 * spans and candidates find the quotations, the attribution rules name their speakers, rank picks
 * the key ones.
 */
import { bodyParagraphs, type Article } from '../article/types.js';
import { NameIndex } from './names.js';
import { insideQuotes, isQuotation, joinSplitQuotes } from './quotes/candidates.js';
import { paragraphEnd } from './quotes/phrases.js';
import { rank } from './quotes/rank.js';
import { introducedRole } from './quotes/roles.js';
import { attribute } from './quotes/rules.js';
import { findQuotedSpans } from './quotes/spans.js';
import type { Candidate } from './quotes/types.js';
import type { Sentence } from './sentences.js';
import { isCapitalised, type SpeakerContext } from './speakers.js';
import type { Quote } from './types.js';

export { ATTRIBUTION_RULES } from './quotes/rules.js';
export { WEAK_SUBJECTS } from './quotes/subject.js';
export type { AttributionRule } from './quotes/types.js';

/**
 * Every direct quotation in the body with its speaker; the best two or three marked key.
 * Deterministic and linear in the text; never throws.
 */
export function extractQuotes(article: Article, sentences: Sentence[]): Quote[] {
  try {
    return extract(article, sentences);
  } catch {
    return []; // a quote extractor must never take the digest down with it
  }
}

function extract(article: Article, sentences: Sentence[]): Quote[] {
  const text = article.text;
  const paragraphs = bodyParagraphs(article);
  const spans = findQuotedSpans(text, paragraphs);
  if (spans.length === 0) return [];

  const context: SpeakerContext = { text, names: new NameIndex(text), sentences, speakers: [], insideQuote: insideQuotes(spans), subjects: [] };
  const candidates = joinSplitQuotes(text, spans, paragraphs).filter((c) => isQuotation(text, c));
  if (candidates.length === 0) return [];

  let previous: Candidate | null = null;
  const introduced = new Map<string, string>();
  for (const candidate of candidates) {
    attribute(context, paragraphs, sentences, candidate, previous);
    const speaker = candidate.speaker;
    if (speaker && candidate.via === 'cue') {
      context.speakers.push({ ...speaker, at: candidate.attribution?.start ?? candidate.parts[0]!.start });
    }
    if (speaker && !candidate.role) {
      if (previous?.speaker?.name === speaker.name && previous.role) candidate.role = previous.role;
      else if (isCapitalised(speaker.name)) {
        let role = introduced.get(speaker.name);
        if (role === undefined) {
          role = introducedRole(text, speaker.name, context.insideQuote, (at) => paragraphEnd(paragraphs, at));
          introduced.set(speaker.name, role);
        }
        candidate.role = role;
      }
    }
    previous = candidate;
  }
  return rank(text, candidates, paragraphs.length);
}
