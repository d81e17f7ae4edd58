/** Rule 2: the attribution before the quotation, in its sentence (`Kerry said: “`, `According to X, “`, `Clinton: “`). */
import { MEDIUM_PREPOSITIONS, OBJECT_PREPOSITIONS } from '../lexicon/index.js';
import { namePieces } from '../names.js';
import type { Sentence } from '../sentences.js';
import {
  DASHES,
  isAuxiliary,
  isCapitalised,
  isNameWord,
  isParticiple,
  isSpeechVerb,
  isWord,
  PRONOUNS,
  phraseBackward,
  phraseForward,
  takesObject,
  tokenize,
  type Token,
} from '../speakers.js';
import {
  accordingTo,
  cue,
  endsInName,
  isParticipleOrPast,
  looksLikeName,
  looksLikePersonPhrase,
  placeBefore,
  readsAsNoun,
  retorts,
  sentenceAt,
} from './phrases.js';
import type { QuotedPart } from './spans.js';
import { sentenceSubject } from './subject.js';
import type { Candidate, Cue, Finding, QuotationContext } from './types.js';

/** Before the opening mark, in the same sentence: `Kerry said: “`, `the group said that once … “`. */
export function* cueBeforeInSentence({ text, sentences, paragraphs, first, previous }: QuotationContext): Iterable<Finding> {
  if (first.open < 0) return;
  // Only a colon right before the mark can name a listed speaker; most quotations skip the reading.
  const listed = /:\s*$/.test(text.slice(Math.max(0, first.open - 3), first.open)) ? colonSpeaker(text, paragraphs, first, previous) : null;
  // `Pollsters agree - Ann Lee: “`: the name after a heading's dash speaks, not the heading's subject.
  if (listed?.afterDash) yield { cue: listed.cue, via: 'cue' };
  yield* cue(cueBefore(text, sentences, paragraphs[first.paragraph]!.start, first.open, previous));
  if (listed && !listed.afterDash) yield { cue: listed.cue, via: 'cue' };
}

/** A transcript's or a list's speaker: `Clinton: “…” Bush: “…”`, the name alone before a colon. */
function colonSpeaker(
  text: string,
  paragraphs: { start: number; end: number }[],
  first: QuotedPart,
  previous: Candidate | null,
): { cue: Cue; afterDash: boolean } | null {
  const from = Math.max(paragraphs[first.paragraph]!.start, previous ? previous.parts[previous.parts.length - 1]!.close + 1 : 0);
  const tokens = tokenize(text, Math.max(from, first.open - 80), first.open);
  if (tokens[tokens.length - 1]?.text !== ':') return null;
  let phrase = phraseBackward(tokens, tokens.length - 2, 4);
  // `Polls were early - Ann Lee: “`: a spaced dash ends the heading; the name is what follows it.
  const dash = phrase.findLastIndex((t) => DASHES.test(t.text));
  if (dash >= 0) phrase = phrase.slice(dash + 1);
  let opener = phrase.length ? tokens[tokens.indexOf(phrase[0]!) - 1] : undefined;
  // `— Ann Lee and Ivo Lind: “`: two authors of one statement, both full names.
  const and = phrase.findIndex((t) => t.text === 'and');
  if (and >= 0 && dash < 0) {
    const second = phrase.slice(and + 1);
    const other = phraseBackward(tokens, tokens.indexOf(phrase[and]!) - 1, 3);
    const before = other.length ? tokens[tokens.indexOf(other[0]!) - 1] : undefined;
    const joined = looksLikePersonPhrase(second) && looksLikePersonPhrase(other) && other.every(isWord);
    if (joined && (!before || /^[.!?”"—–-]$/.test(before.text))) {
      phrase = [...other, phrase[and]!, ...second];
      opener = before;
    }
  }
  // After a sentence end or a heading's dash (`Iowa polls — Ann Lee: “`), or a person's full name anywhere.
  if (phrase.length && looksLikeName(phrase) && (!opener || /^[.!?”"—–-]$/.test(opener.text) || looksLikePersonPhrase(phrase)))
    return { cue: { phrase, verb: tokens[tokens.length - 1]! }, afterDash: opener !== undefined && DASHES.test(opener.text) };
  return null;
}

/**
 * The attribution before an opening mark, within its sentence: the last speech verb there,
 * with the phrase before it (or after it: `said Kerry: “`). A participle ("saying") takes the
 * sentence's subject.
 */
export function cueBefore(
  text: string,
  sentences: Sentence[],
  paragraphStart: number,
  open: number,
  previous: Candidate | null,
  colon = false,
): Cue | null {
  const sentence = sentenceAt(sentences, open);
  let from = Math.max(paragraphStart, sentence && sentence.start <= open ? sentence.start : paragraphStart);
  // Never reach back over the previous quotation.
  const tail = previous?.parts[previous.parts.length - 1];
  if (tail && tail.close >= from && tail.close < open) from = tail.close + 1;
  const tokens = tokenize(text, from, open, 80);
  if (tokens.length === 0) return null;
  // The words right before the mark must let a quotation follow: a colon, "that", a comma, or the verb itself.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const l = token.text.toLowerCase();
    if (l === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
      const found = accordingTo(tokens, i);
      if (found) return found;
      continue;
    }
    if (retorts(tokens, i)) {
      // `Lee shot back, “…`: the one before the verb speaks.
      const phrase = phraseBackward(tokens, i - 1);
      if (phrase.length && endsInName(phrase)) return { phrase, verb: token };
      continue;
    }
    if (!isSpeechVerb(token.text) || isCapitalised(token.text) || readsAsNoun(tokens, i)) continue;
    // "Rubio will continue to be …": an aspect verb, not speech.
    if (/^continu/i.test(token.text) && tokens[i + 1]?.text.toLowerCase() === 'to') continue;
    const gap = tokens.length - 1 - i;
    const nextWord = tokens[i + 1]?.text.toLowerCase();
    if (gap > 3 && nextWord !== 'that' && nextWord !== ':' && !colon && gap > 14) break;
    if (isParticiple(token.text)) {
      // "…, Spicer said, adding …": the speaker of the verb before.
      const said = tokens[i - 2];
      if (tokens[i - 1]?.text === ',' && said && isSpeechVerb(said.text) && !isCapitalised(said.text) && !isParticiple(said.text)) {
        const named = phraseBackward(tokens, i - 3);
        if (named.length && endsInName(named)) return { phrase: named, verb: said };
      }
      // `footage of Trump saying …`, `with Vance reportedly yelling …`: the name right before.
      let k = i - 1;
      while (k > 0 && isAuxiliary(tokens[k]!.text) && !isCapitalised(tokens[k]!.text)) k--;
      if (tokens[k] && isCapitalised(tokens[k]!.text) && isWord(tokens[k]!)) {
        let from = k;
        while (from > 0 && isNameWord(tokens[from - 1]!.text) && isWord(tokens[from - 1]!)) from--;
        const named = tokens.slice(from, k + 1);
        // `Lee answered on Facebook writing …`: a place or a medium after a preposition does not write.
        const placed = MEDIUM_PREPOSITIONS.has(tokens[from - 1]?.text.toLowerCase() ?? '');
        if (
          !placed &&
          named.length &&
          !PRONOUNS.has(named[0]!.text.toLowerCase()) &&
          looksLikeName(named) &&
          namePieces(named.map((t) => t.text).join(' ')).length > 0
        )
          return { phrase: named, verb: token };
      }
      // "Jarba was upbeat, saying …": the sentence's subject speaks.
      const phrase = sentenceSubject(tokens);
      if (phrase.length) return { phrase, verb: token, weak: true };
      return null;
    }
    let j = i - 1;
    while (j >= 0 && isAuxiliary(tokens[j]!.text)) j--;
    if (tokens[j]?.text.toLowerCase() === 'to') {
      // `Lee went on to say, “…`, `Lee was quick to add: “…`: the sentence's subject speaks.
      const phrase = sentenceSubject(tokens);
      return phrase.length ? { phrase, verb: token, weak: true } : null;
    }
    if (tokens[j]?.text === ',') {
      // `Minyon Moore, a senior adviser to the campaign, called …`: the name before the apposition;
      // `Jo Ann, president of the Union, which represents teachers, said`: before two of them.
      let comma = j;
      let fallback: Token[] | null = null;
      // `Lee, at a meeting in Selby, Ohio, said`: a name inside a clause only when no other stands.
      let clauseFallback: Token[] | null = null;
      // `the Observer, her senior policy adviser, Jake Sullivan, said`: the name right before the verb.
      const nearest = phraseBackward(tokens, j - 1);
      const placed = nearest.length ? placeBefore(tokens, tokens.indexOf(nearest[0]!)) : -1;
      if (placed >= 0) {
        // `Dean Lind, a salesman from Selby, Ohio, says`: the state of a place; the person is before it.
        const named = placed > 0 ? phraseBackward(tokens, placed - 1) : [];
        if (named.length && endsInName(named)) return { phrase: named, verb: token };
      } else if (nearest.length && looksLikePersonPhrase(nearest) && tokens[tokens.indexOf(nearest[0]!) - 1]?.text === ',')
        return { phrase: nearest, verb: token };
      for (let appositions = 0; appositions < 3; appositions++) {
        let k = comma - 1;
        // Back to the comma before this apposition; a period inside brackets ("(R-Ida.)") ends nothing.
        for (let depth = 0; k > 0 && k > comma - 30; k--) {
          const mark = tokens[k]!.text;
          if (mark === ')') depth++;
          else if (mark === '(') depth = Math.max(0, depth - 1);
          else if (depth === 0 && (mark === ',' || mark === '.')) break;
        }
        if (tokens[k]?.text !== ',') break;
        const named = phraseBackward(tokens, k - 1);
        // `Ann Lee, a professor who worked for Sen. Tom Voss (R-Ida.), one of …, said`: a name after
        // a verb or a preposition is inside the apposition; the subject may stand further back.
        const opener = named.length ? tokens[tokens.indexOf(named[0]!) - 1] : undefined;
        const inClause = opener !== undefined && /^\p{Ll}/u.test(opener.text) && opener.text !== 'and';
        if (named.length && endsInName(named)) {
          if (looksLikePersonPhrase(named) && !inClause) return { phrase: named, verb: token };
          if (inClause) clauseFallback ??= named;
          else fallback ??= named;
        }
        comma = k;
      }
      fallback ??= clauseFallback;
      if (fallback) return { phrase: fallback, verb: token };
    }
    let backward = j >= 0 ? phraseBackward(tokens, j) : [];
    // `Stacy Baker of Columbia, South Carolina says`: the person before the place.
    const placed = backward.length ? placeBefore(tokens, tokens.indexOf(backward[0]!)) : -1;
    if (placed > 0) backward = phraseBackward(tokens, placed - 1);
    // `Ada Lind of The Courier wrote`: the person, not the paper she writes for.
    const of = backward.length ? tokens.indexOf(backward[0]!) - 1 : -1;
    if (of > 0 && /^(?:of|for|at)$/.test(tokens[of]!.text)) {
      const person = phraseBackward(tokens, of - 1);
      if (looksLikePersonPhrase(person)) backward = person;
    }
    if (backward.length === 0 && /^(?:and|but)$/i.test(tokens[j]?.text ?? '')) {
      // `X said Friday that … but said “…”`, `When told …, X thought for a moment and said …`: the sentence's subject again.
      const subject = sentenceSubject(tokens);
      if (subject.length && endsInName(subject)) return { phrase: subject, verb: token };
    }
    const before = backward.length ? tokens[tokens.indexOf(backward[0]!) - 1]?.text.toLowerCase() : undefined;
    if (before && OBJECT_PREPOSITIONS.has(before)) {
      // `US Central Command which oversees operations in the Middle East said`: the subject opens the sentence.
      const subject = phraseForward(tokens, 0);
      if (subject.length) return { phrase: subject, verb: token };
    }
    // `Dale was asked by host Ruth Penn, “…”`: the one after "by" speaks.
    if (tokens[i + 1]?.text === 'by' && isParticipleOrPast(token.text)) {
      const agent = phraseForward(tokens, i + 2);
      if (agent.length && endsInName(agent)) return { phrase: agent, verb: token };
    }
    if (backward.length) return { phrase: openApposition(tokens, backward) ?? backward, verb: token };
    // `said Kerry: “`; but after "told" or "asked" the phrase is who was spoken to.
    if (takesObject(token.text)) return null;
    const forward = phraseForward(tokens, i + 1);
    if (forward.length) return { phrase: forward, verb: token };
    return null;
  }
  // A verb too far from the quotation to introduce it; "according to" covers the whole sentence,
  // and so does `as Lee put it`.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i]!.text.toLowerCase();
    if (word === 'as') {
      const found = asClause(tokens, i);
      if (found) return found;
      continue;
    }
    if (word !== 'according' || tokens[i + 1]!.text.toLowerCase() !== 'to') continue;
    return accordingTo(tokens, i);
  }
  return null;
}

/**
 * `Ann Lee, president and CEO of the Harbour Trust said`: an apposition left open before the verb.
 * The person's full name that opens the sentence before its only comma speaks, not the description.
 */
function openApposition(tokens: Token[], phrase: Token[]): Token[] | null {
  const at = tokens.indexOf(phrase[0]!);
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma <= 0 || comma >= at || looksLikePersonPhrase(phrase)) return null;
  // The apposition opens with lower-case words ("president and"); `Joe Biden, Lee said,` has none.
  const opening = tokens.slice(comma + 1, at);
  if (opening.length === 0 || opening.some((t) => !isWord(t) || isCapitalised(t.text))) return null;
  const person = tokens.slice(0, comma);
  return person.length <= 4 && person.every((t) => isNameWord(t.text)) && looksLikePersonPhrase(person) ? person : null;
}

/**
 * `As Lee put it, “`, `As Ada Lind, the historian, pointed out in May, “`: the name an "as"
 * clause makes speak, past one apposition, when a speech verb, "put it" or "pointed out" follows it.
 */
function asClause(tokens: Token[], at: number): Cue | null {
  const phrase = phraseForward(tokens, at + 1);
  if (!phrase.length || !endsInName(phrase)) return null;
  let next = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  if (tokens[next]?.text === ',') {
    // One apposition between commas: `As Ada Lind, the historian, put it`.
    const close = tokens.findIndex((t, k) => k > next && k <= next + 12 && t.text === ',');
    if (close < 0) return null;
    next = close + 1;
  }
  while (tokens[next] && isAuxiliary(tokens[next]!.text) && !isCapitalised(tokens[next]!.text)) next++;
  const verb = tokens[next];
  if (!verb || isCapitalised(verb.text)) return null;
  const particle = tokens[next + 1]?.text.toLowerCase();
  const speaks =
    (/^puts?$/.test(verb.text) && particle === 'it') ||
    (/^point(?:s|ed)$/.test(verb.text) && particle === 'out') ||
    (isSpeechVerb(verb.text) && !takesObject(verb.text));
  return speaks ? { phrase, verb } : null;
}
