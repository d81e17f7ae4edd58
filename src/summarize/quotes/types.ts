/** The shapes the quotation extractor passes between its stages: candidates, cues and the rules' findings. */
import type { Sentence } from '../sentences.js';
import type { Mention, SpeakerContext } from '../speakers.js';
import type { Token } from '../tokens.js';
import type { TextSpan } from '../types.js';
import type { QuotedPart } from './spans.js';

/** A quotation being resolved: its parts, then its attribution and speaker. */
export interface Candidate {
  parts: QuotedPart[];
  words: number;
  /** Starts a sentence (a full statement) rather than a phrase inside one. */
  full: boolean;
  speaker: Mention | null;
  /** Who the speaker is, as the attribution or the article's introduction says ('' for nothing). */
  role: string;
  attribution?: TextSpan;
  /** How the speaker was found; a named attribution beats an inherited one. */
  via: 'cue' | 'continued' | 'subject' | 'none' | 'subject-sentence' | 'subject-recent';
}

/** An attribution read from the text: the phrase that may name the speaker and the word that says it was said (a speech verb, "according", a dash). */
export interface Cue {
  phrase: Token[];
  verb: Token;
  /** Found without a speech verb next to it (a sentence's subject, a name before the quotation): the name must be one the article writes as a name. */
  weak?: boolean;
}

/** What a rule finds for a quotation: an attribution to resolve, or the previous quotation's speaker carried on. */
export type Finding = { cue: Cue; via: 'cue' | 'subject' } | { continues: Candidate };

/** Everything a rule may read about the quotation it attributes. */
export interface QuotationContext {
  speakers: SpeakerContext;
  text: string;
  paragraphs: { start: number; end: number }[];
  sentences: Sentence[];
  candidate: Candidate;
  /** Its first quoted part. */
  first: QuotedPart;
  previous: Candidate | null;
}

/**
 * An attribution rule: reads the text around a quotation and offers, in order, what may name its
 * speaker. The engine takes the first offer that resolves to a speaker (or to a description that
 * names nobody, which ends the search with no speaker).
 */
export interface AttributionRule {
  name: string;
  find(quotation: QuotationContext): Iterable<Finding>;
}
