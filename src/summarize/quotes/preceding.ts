/**
 * Rules 3 to 5: what comes before the quotation's sentence names its speaker: a lead-in paragraph
 * ending in a colon, the sentence before, or the previous quotation it continues.
 */
import { TRAILING_PREPOSITIONS } from '../lexicon/index.js';
import {
  firstPerson,
  isAuxiliary,
  isCapitalised,
  isParticiple,
  isSpeechVerb,
  isWord,
  phraseBackward,
  phraseForward,
  sentenceIndex,
  takesObject,
  type SpeakerContext,
} from '../speakers.js';
import { tokenize, type Token } from '../tokens.js';
import { attributedAfter } from './after.js';
import { cueBefore } from './before.js';
import { startsStatement } from './candidates.js';
import { cue, endsInName, sentenceAt } from './phrases.js';
import type { QuotedPart } from './spans.js';
import { sentenceSubject } from './subject.js';
import type { Candidate, Cue, Finding, QuotationContext } from './types.js';
import { SENTENCE_BEFORE_CHARS, SENTENCE_BEFORE_VERB_TOKENS, SUBJECT_TOKENS } from './windows.js';

/** A paragraph that ends in a colon introduces the quotation: `Caddell continued:`, `Sanders made this comment:`. */
export function* leadIn({ text, sentences, paragraphs, first }: QuotationContext): Iterable<Finding> {
  if (first.open !== paragraphs[first.paragraph]?.start || first.paragraph === 0) return;
  const before = paragraphs[first.paragraph - 1]!;
  if (!/:\s*$/.test(text.slice(before.end - 2, before.end))) return;
  const sentence = sentenceAt(sentences, before.end - 1);
  yield* cue(cueBefore(text, sentences, sentence?.start ?? before.start, before.end, null, true));
  // `Sanders made the following comment:`: the lead-in's subject.
  const subject = sentenceSubject(tokenize(text, sentence?.start ?? before.start, before.end, { pattern: 'names', limit: SUBJECT_TOKENS }));
  if (subject.length && isCapitalised(subject[0]!.text)) yield* cue({ phrase: subject, verb: subject[subject.length - 1]!, weak: true });
}

/** `…, Schiff said. “The other factor …”`: the sentence before names who speaks. */
export function* sentenceBefore({ speakers, text, paragraphs, candidate, first, previous }: QuotationContext): Iterable<Finding> {
  if (first.open < 0) return;
  yield* cue(sentenceCue(speakers, paragraphs, first, previous));
  // Only for a quotation with no attribution at all: one the rules could not read (`” SANA quoted
  // a source as saying`, `,” one user wrote`) is someone else's.
  if (candidate.parts.some((part) => attributedAfter(text, part, paragraphs))) return;
  const spoke = subjectSpokeBefore(speakers, paragraphs, first, previous);
  if (spoke) yield { cue: spoke, via: 'subject' };
}

/**
 * The attribution that ends the sentence right before a quotation that opens a sentence:
 * `…, Schiff said.` or `…, said Schiff.`, in the same paragraph or the one before, after the
 * previous quotation.
 */
function sentenceCue(
  context: SpeakerContext,
  paragraphs: { start: number; end: number }[],
  first: QuotedPart,
  previous: Candidate | null,
): Cue | null {
  const { text } = context;
  const sentence = sentenceBeforeQuotation(context, paragraphs, first, previous);
  if (!sentence) return null;
  const from = Math.max(sentence.start, sentence.end - SENTENCE_BEFORE_CHARS);
  const tokens = tokenize(text, from, Math.min(sentence.end, first.open), { pattern: 'names' });
  let end = tokens.length;
  while (end > 0 && !isWord(tokens[end - 1]!)) end--;
  for (let i = end - 1; i >= 0 && i >= end - SENTENCE_BEFORE_VERB_TOKENS; i--) {
    const t = tokens[i]!;
    if (!isSpeechVerb(t.text) || isCapitalised(t.text) || isParticiple(t.text)) continue;
    // `…, Lee said in a statement.`, `…, Lee told reporters on Monday.` end as `…, Lee said.` does.
    if (i === end - 1 || trailingAdverbial(tokens.slice(i + 1, end), t.text)) {
      let j = i - 1;
      while (j > 0 && isAuxiliary(tokens[j]!.text)) j--;
      const phrase = phraseBackward(tokens, j);
      const opener = phrase[0] ? tokens[tokens.indexOf(phrase[0]) - 1] : undefined;
      if (phrase.length && endsInName(phrase) && (!opener || opener.text === ',')) return { phrase, verb: t };
      return null;
    }
    const phrase = phraseForward(tokens, i + 1);
    if (phrase.length && tokens.indexOf(phrase[phrase.length - 1]!) === end - 1 && tokens[i - 1]?.text === ',') return { phrase, verb: t };
    return null;
  }
  return null;
}

/**
 * Words after a speech verb that only say where, when or how it was said: `in a statement`,
 * `on Monday`, `to reporters` (after "said", not "told": there the listener follows).
 */
function trailingAdverbial(tail: Token[], verb: string): boolean {
  if (tail.length === 0 || tail.length > 6 || !tail.every(isWord)) return false;
  const first = tail[0]!.text.toLowerCase();
  return TRAILING_PREPOSITIONS.has(first) || (first === 'to' && !takesObject(verb));
}

/**
 * The sentence right before a quotation that opens a sentence, in its paragraph or the one before,
 * after the previous quotation; undefined when there is none to read.
 */
function sentenceBeforeQuotation(
  context: SpeakerContext,
  paragraphs: { start: number; end: number }[],
  first: QuotedPart,
  previous: Candidate | null,
): { start: number; end: number } | undefined {
  const { text, sentences } = context;
  if (!startsStatement(text, first)) return undefined;
  let s = sentenceIndex(sentences, first.open);
  if (s >= 0 && sentences[s]!.start < first.open - 1 && text.slice(sentences[s]!.start, first.open).trim() !== '') return undefined;
  if (s >= 0 && sentences[s]!.start >= first.open - 1) s--;
  const sentence = sentences[s];
  const floor = paragraphs[Math.max(0, first.paragraph - 1)]!.start;
  const tail = previous?.parts[previous.parts.length - 1];
  if (!sentence || sentence.start < floor || (tail && tail.close >= sentence.start) || context.insideQuote(sentence.start)) return undefined;
  return sentence;
}

/**
 * `Lee said the pier would reopen. “We have the divers.”`: the sentence before opens with a
 * name and its speech verb, and the quotation, with no attribution of its own, goes on with
 * what that person said.
 */
function subjectSpokeBefore(
  context: SpeakerContext,
  paragraphs: { start: number; end: number }[],
  first: QuotedPart,
  previous: Candidate | null,
): Cue | null {
  const sentence = sentenceBeforeQuotation(context, paragraphs, first, previous);
  if (!sentence) return null;
  const tokens = tokenize(context.text, sentence.start, Math.min(sentence.end, first.open), { pattern: 'names', limit: SUBJECT_TOKENS });
  const subject = sentenceSubject(tokens);
  if (subject.length === 0) return null;
  const after = tokens.indexOf(subject[subject.length - 1]!) + 1;
  let i = after;
  while (i < tokens.length && isAuxiliary(tokens[i]!.text)) i++;
  const verb = tokens[i];
  if (verb && isSpeechVerb(verb.text) && !isCapitalised(verb.text) && !isParticiple(verb.text) && !takesObject(verb.text))
    return { phrase: subject, verb, weak: true };
  // `Lee was quick to add that …`, `Lee went on to say …`: the subject's own verb, after "to".
  for (let k = after; k < Math.min(tokens.length - 1, after + SUBJECT_TO_SAY_TOKENS); k++) {
    const next = tokens[k + 1]!;
    if (tokens[k]!.text === 'to' && isSpeechVerb(next.text) && !isParticiple(next.text) && !takesObject(next.text))
      return { phrase: subject, verb: next, weak: true };
  }
  // `Lee distanced himself from it by saying …`, `Lee responded, saying …`: a participle of speech in the subject's clause.
  for (let k = after + 1; k < tokens.length; k++) {
    const word = tokens[k]!;
    if (isParticiple(word.text) && isSpeechVerb(word.text) && /^(?:,|by)$/.test(tokens[k - 1]!.text))
      return { phrase: subject, verb: word, weak: true };
  }
  return null;
}

/** How far after a subject "to" and a speech verb may stand (`Lee was quick to add`). */
const SUBJECT_TO_SAY_TOKENS = 5;

/** A quotation that carries on from the previous one (same paragraph, or the next one), unless someone else is named in between. */
export function continuation({ speakers, text, paragraphs, first, previous }: QuotationContext): Finding[] {
  if (!previous?.speaker) return [];
  const tail = previous.parts[previous.parts.length - 1]!;
  const near = tail.paragraph === first.paragraph || (tail.paragraph === first.paragraph - 1 && first.open === paragraphs[first.paragraph]?.start);
  if (!near) return [];
  const from = Math.max(tail.close + 1, previous.attribution?.end ?? 0);
  // Only a sentence between the two can name someone new (`…,” he said. “…` has none worth
  // reading); the rest of the attribution's own sentence (`says Ann Lee, 32, of Selby, New York.`) names no one new.
  const between = tail.close >= 0 && first.open > from + 3 ? /[.!?]["”’]?\s+(?=\p{Lu})/u.exec(text.slice(from, first.open)) : null;
  const other = between ? firstPerson(speakers, from + between.index + between[0].length, first.open) : null;
  return !other || other.name === previous.speaker.name ? [{ continues: previous }] : [];
}
