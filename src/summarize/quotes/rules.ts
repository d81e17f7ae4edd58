/**
 * Attribution as an ordered list of small named rules (docs/quotes.md gives the order): each
 * offers what may name a quotation's speaker, and a short engine settles the first offer that
 * names someone.
 */
import type { Sentence } from '../sentences.js';
import { describesSomeone, isCapitalised, PRONOUNS, pronounGender, resolvePhrase, type Mention, type SpeakerContext } from '../speakers.js';
import type { Token } from '../tokens.js';
import { cuesAfter } from './after.js';
import { cueBeforeInSentence } from './before.js';
import { paragraphEnd } from './phrases.js';
import { continuation, leadIn, sentenceBefore } from './preceding.js';
import { bareApposition, composeRole, namesOffice, roleAfter, titleText } from './roles.js';
import { sentenceSubjectSpeaks } from './subject.js';
import type { AttributionRule, Candidate, Finding, QuotationContext } from './types.js';

/** The rules in the order docs/quotes.md gives them: the first that names a speaker wins. */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  { name: 'attribution after the quotation', find: cuesAfter },
  { name: 'attribution before it, in its sentence', find: cueBeforeInSentence },
  { name: 'a lead-in paragraph ending in a colon', find: leadIn },
  { name: 'the sentence before names who speaks', find: sentenceBefore },
  { name: 'continues the previous quotation', find: continuation },
  { name: 'the subject of its sentence', find: sentenceSubjectSpeaks },
];

/** Runs the rules for one quotation and sets its speaker, role and attribution (or leaves it with none). */
export function attribute(
  context: SpeakerContext,
  paragraphs: { start: number; end: number }[],
  sentences: Sentence[],
  candidate: Candidate,
  previous: Candidate | null,
): void {
  const quotation: QuotationContext = {
    speakers: context,
    text: context.text,
    paragraphs,
    sentences,
    candidate,
    first: candidate.parts[0]!,
    previous,
  };
  for (const rule of ATTRIBUTION_RULES) {
    for (const finding of rule.find(quotation)) if (settle(quotation, finding)) return;
  }
}

/** Resolves a finding into the quotation's speaker; false when it names no one and the search goes on. */
function settle(quotation: QuotationContext, finding: Finding): boolean {
  const { candidate, first, text, paragraphs } = quotation;
  if ('continues' in finding) {
    candidate.speaker = finding.continues.speaker;
    candidate.role = finding.continues.role;
    candidate.via = 'continued';
    return true;
  }
  const { cue, via } = finding;
  if (via === 'subject') {
    const subject = resolvePhrase(quotation.speakers, cue.phrase, false, undefined, true);
    if (!subject || !isCapitalised(subject.name)) return false;
    candidate.speaker = subject;
    candidate.via = 'subject';
    return true;
  }
  // `…,” said Ann Lee, co-author of “Open Water.”`: a title in quotation marks speaks for no one.
  const named = cue.phrase.filter((t) => isCapitalised(t.text));
  if (named.length && named.every((t) => quotation.speakers.insideQuote(t.start))) return false;
  const speaker = resolvePhrase(quotation.speakers, cue.phrase, true, first.open >= 0 ? first.open : first.start, cue.weak);
  if (!speaker) {
    // `the senator said`: the quotation is someone's whom the story does not name here; no one
    // else's. So is `he wrote` after a woman's quotation: it does not carry hers on.
    if (!describesSomeone(cue.phrase) && !otherGender(quotation, cue.phrase)) return false;
    candidate.via = 'none';
    return true;
  }
  candidate.speaker = speaker;
  candidate.via = 'cue';
  candidate.role = roleFromCue(text, cue.phrase, speaker, paragraphEnd(paragraphs, cue.phrase[cue.phrase.length - 1]!.start));
  const from = Math.min(cue.phrase[0]!.start, cue.verb.start);
  const to = Math.max(cue.phrase[cue.phrase.length - 1]!.end, cue.verb.end);
  candidate.attribution = { text: text.slice(from, to), start: from, end: to };
  return true;
}

/**
 * The role an attribution gives its speaker: the title words before the name in the phrase, an
 * apposition inside it (degraded text without commas) or after it. An office that stands for
 * the name ("the US Secretary of State" → John Kerry) is the role itself.
 */
function roleFromCue(text: string, phrase: Token[], speaker: Mention, limit: number): string {
  if (phrase.length === 1 && PRONOUNS.has(phrase[0]!.text.toLowerCase())) return '';
  const nameWords = new Set(speaker.name.toLowerCase().split(/\s+/));
  const inName = (t: Token) => nameWords.has(t.text.toLowerCase().replace(/['’]s?$/u, ''));
  let k = -1;
  for (let i = phrase.length - 1; i >= 0; i--) {
    if (inName(phrase[i]!)) {
      k = i;
      break;
    }
  }
  if (k < 0) {
    const written = text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end);
    return speaker.person && namesOffice(phrase) ? written : '';
  }
  let j = k;
  while (j > 0 && (inName(phrase[j - 1]!) || /^\p{Lu}\.$/u.test(phrase[j - 1]!.text))) j--;
  const title = titleText(text, phrase.slice(0, j));
  const after = roleAfter(text, phrase[k]!.end, limit);
  // Words of the phrase after the name and its label: an apposition without commas.
  let rest = k + 1;
  if (phrase[rest]?.text === '(') while (rest < phrase.length && phrase[rest - 1]!.text !== ')') rest++;
  const inside = rest < phrase.length && bareApposition(phrase.slice(rest)) ? text.slice(phrase[rest]!.start, phrase[phrase.length - 1]!.end) : '';
  return composeRole({ title, label: after.label, apposition: inside || after.apposition });
}

/** `he wrote` right after a woman spoke (or `she said` after a man): the pronoun is not the previous speaker. */
function otherGender(quotation: QuotationContext, phrase: Token[]): boolean {
  const pronoun = phrase.length === 1 ? pronounGender(phrase[0]!.lower) : null;
  const previous = quotation.previous?.speaker;
  if (!pronoun || !previous) return false;
  const gender = quotation.speakers.names.gender(previous.name);
  return gender !== null && gender !== pronoun;
}
