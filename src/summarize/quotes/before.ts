/** Rule 2: the attribution before the quotation, in its sentence (`Kerry said: “`, `According to X, “`, `Clinton: “`). */
import {
  AUXILIARIES,
  CLAUSE_OPENERS,
  CONNECTORS,
  LIKELY_VERBS,
  MEDIUM_PREPOSITIONS,
  OBJECT_PREPOSITIONS,
  PASSIVE_AUXILIARIES,
  ROLE_NOUNS,
} from '../lexicon/index.js';
import { isTitleWord, namePieces } from '../names.js';
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
} from '../speakers.js';
import { tokenize, type Token } from '../tokens.js';
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
import { APPOSITION_REACH_TOKENS, AS_APPOSITION_TOKENS, COLON_SPEAKER_CHARS, SENTENCE_TOKENS, VERB_REACH_TOKENS } from './windows.js';

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
  const tokens = tokenize(text, Math.max(from, first.open - COLON_SPEAKER_CHARS), first.open, { pattern: 'names' });
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
  // After a sentence end or a heading's dash (`Iowa polls — Ann Lee: “`), or a person's full name
  // anywhere, a role in lower case before it too (`which does not surprise pollster Ann Lee: “`);
  // but not the listener after "told" or "asked" (`she told Ann Lee: “`).
  const role = phrase.findLastIndex((t) => !isCapitalised(t.text));
  const roleOnly = role < 0 || ROLE_NOUNS.has(phrase[role]!.text.toLowerCase()) || isTitleWord(phrase[role]!.text);
  const named = roleOnly && looksLikePersonPhrase(phrase.slice(role + 1)) && !takesObject(opener?.text ?? '');
  if (phrase.length && looksLikeName(phrase) && (!opener || /^[.!?”"—–-]$/.test(opener.text) || named))
    return { cue: { phrase, verb: tokens[tokens.length - 1]! }, afterDash: opener !== undefined && DASHES.test(opener.text) };
  return null;
}

/**
 * The attribution before an opening mark, within its sentence: the speech verb nearest the mark,
 * with the phrase before it (or after it: `said Kerry: “`), read by BEFORE_RULES.
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
  const tokens = tokenize(text, from, open, { pattern: 'names', limit: SENTENCE_TOKENS });
  if (tokens.length === 0) return null;
  return readBefore(tokens, colon);
}

/** What a rule before the quotation reads: the words of the sentence up to the opening mark. */
export interface BeforeContext {
  readonly tokens: Token[];
  /** The word the rule reads at (the speech verb, for the rules that read a verb). */
  at: number;
  /** For a verb: the word before it, auxiliaries skipped (`Lee has also said` → Lee). */
  before: number;
  /** Read once for the rules that share them (see nameBeforeComma and phraseBeforeVerb). */
  nameBeforeComma: Token[] | undefined;
  placeBeforeComma: number;
  phraseBeforeVerb: Token[] | undefined;
}

/**
 * A rule before the quotation. It reads at one of:
 * - `word`: each word from the mark back to the nearest speech verb that may introduce the quotation;
 * - `verb`: that verb, when it stands near enough to the mark (the rules then decide: no verb further back is read);
 * - `sentence`: each word of the sentence from its start, when no such verb stands near the mark.
 */
export interface BeforeRule {
  name: string;
  /** A sentence the rule attributes (tests read it). */
  example: string;
  reads: 'word' | 'verb' | 'sentence';
  find(context: BeforeContext): Cue | null;
  /** Finding nothing here ends the search with no speaker: the words are this rule's, and they name no one. */
  ends?(context: BeforeContext): boolean;
}

/** The rules before the quotation, in the order they run (docs/quotes.md, rule 2). */
export const BEFORE_RULES: readonly BeforeRule[] = [
  {
    name: 'according to',
    example: 'According to the Coastal Weather Office, “the storm will reach the islands by Friday.”',
    reads: 'word',
    find: ({ tokens, at }) => (isAccordingTo(tokens, at) ? accordingTo(tokens, at) : null),
  },
  {
    name: 'a retort with "back"',
    example: 'Ada Brell shot back, “Nobody asked the harbour board.”',
    reads: 'word',
    find: ({ tokens, at }) => {
      if (!retorts(tokens, at)) return null;
      // `Lee shot back, “…`: the one before the verb speaks.
      const phrase = phraseBackward(tokens, at - 1);
      return phrase.length && endsInName(phrase) ? { phrase, verb: tokens[at]! } : null;
    },
  },
  {
    name: 'a participle after a speech verb',
    example: 'The pier will stay shut, Ada Brell said, adding “we have no divers left.”',
    reads: 'verb',
    find: ({ tokens, at }) => {
      if (!isParticiple(tokens[at]!.text)) return null;
      // "…, Spicer said, adding …": the speaker of the verb before.
      const said = tokens[at - 2];
      // Not a noun: `downplay Ryan’s comments, saying` is someone else's verb.
      if (
        tokens[at - 1]?.text !== ',' ||
        !said ||
        !isSpeechVerb(said.text) ||
        isCapitalised(said.text) ||
        isParticiple(said.text) ||
        readsAsNoun(tokens, at - 2)
      )
        return null;
      const named = phraseBackward(tokens, at - 3);
      return named.length && endsInName(named) ? { phrase: named, verb: said } : null;
    },
  },
  {
    name: 'a name right before a participle',
    example: 'The council showed footage of Ada Brell saying “the pier belongs to the town.”',
    reads: 'verb',
    find: ({ tokens, at }) => {
      const verb = tokens[at]!;
      if (!isParticiple(verb.text)) return null;
      // `footage of Trump saying …`, `with Vance reportedly yelling …`: the name right before.
      let k = at - 1;
      while (k > 0 && isAuxiliary(tokens[k]!.text) && !isCapitalised(tokens[k]!.text)) k--;
      if (!tokens[k] || !isCapitalised(tokens[k]!.text) || !isWord(tokens[k]!)) return null;
      let from = k;
      // `with the American Federation of Teachers calling her`: an organisation's whole name, over "of" and "the".
      const inName = (t: Token | undefined) => t !== undefined && isWord(t) && isNameWord(t.text);
      while (from > 0 && (inName(tokens[from - 1]) || (CONNECTORS.has(tokens[from - 1]!.text) && inName(tokens[from - 2])))) from--;
      const named = tokens.slice(from, k + 1);
      // `Lee answered on Facebook writing …`: a place or a medium after a preposition does not write.
      const placed = MEDIUM_PREPOSITIONS.has(tokens[from - 1]?.text.toLowerCase() ?? '');
      return !placed &&
        named.length &&
        !PRONOUNS.has(named[0]!.text.toLowerCase()) &&
        looksLikeName(named) &&
        namePieces(named.map((t) => t.text).join(' ')).length > 0
        ? { phrase: named, verb }
        : null;
    },
  },
  {
    name: 'a participle: the sentence’s subject',
    example: 'Reached by phone, Ada Brell denied it, saying “the pier was never for sale.”',
    reads: 'verb',
    // "Jarba was upbeat, saying …": the sentence's subject speaks.
    find: ({ tokens, at }) => (isParticiple(tokens[at]!.text) ? subjectCue(tokens, at) : null),
    ends: ({ tokens, at }) => isParticiple(tokens[at]!.text),
  },
  {
    name: '"to" before the verb: the sentence’s subject',
    example: 'Ada Brell went on to say, “the pier was never for sale.”',
    reads: 'verb',
    // `Lee went on to say, “…`, `Lee was quick to add: “…`: the sentence's subject speaks.
    find: (context) => (toBeforeVerb(context) ? subjectCue(context.tokens, context.at) : null),
    ends: toBeforeVerb,
  },
  {
    name: 'a place between commas before the verb: the person before it',
    example: 'Dean Lind of Selby, Ohio, says “the pier has never been this quiet.”',
    reads: 'verb',
    find: (context) => {
      // `Dean Lind of Selby, Ohio, says`: the state of a place; the person is before it.
      const placed = nameBeforeComma(context) ? context.placeBeforeComma : -1;
      if (placed < 0) return null;
      const named = placed > 0 ? phraseBackward(context.tokens, placed - 1) : [];
      return named.length && endsInName(named) ? { phrase: named, verb: context.tokens[context.at]! } : null;
    },
  },
  {
    name: 'a person’s name between commas right before the verb',
    example: 'The Courier, her oldest adviser, Ivo Lind, said “the pier is safe.”',
    reads: 'verb',
    find: (context) => {
      // `the Observer, her senior policy adviser, Jake Sullivan, said`: the name right before the verb.
      const nearest = nameBeforeComma(context);
      if (!nearest?.length || context.placeBeforeComma >= 0 || !looksLikePersonPhrase(nearest)) return null;
      return context.tokens[context.tokens.indexOf(nearest[0]!) - 1]?.text === ',' ? { phrase: nearest, verb: context.tokens[context.at]! } : null;
    },
  },
  {
    name: 'a name before up to three appositions',
    example: 'Ada Brell, president of the Harbour Trust, which runs the ferries, said “the pier is safe.”',
    reads: 'verb',
    find: nameBeforeAppositions,
  },
  {
    name: '"and said": the sentence’s subject again',
    example: 'Ada Brell thought for a moment and said “the pier is safe.”',
    reads: 'verb',
    find: (context) => {
      // `X said Friday that … but said “…”`, `When told …, X thought for a moment and said …`: the sentence's subject again.
      const { tokens, before } = context;
      if (phraseBeforeVerb(context).length || !/^(?:and|but)$/i.test(tokens[before]?.text ?? '')) return null;
      const subject = sentenceSubject(tokens);
      return subject.length && endsInName(subject) ? { phrase: subject, verb: tokens[context.at]! } : null;
    },
  },
  {
    name: 'a preposition before the phrase: the subject that opens the sentence',
    example: 'The Harbour Board which runs the piers in Selby said “the north pier is safe.”',
    reads: 'verb',
    find: (context) => {
      // `US Central Command which oversees operations in the Middle East said`: the subject opens the sentence.
      const { tokens } = context;
      const backward = phraseBeforeVerb(context);
      const before = backward.length ? tokens[tokens.indexOf(backward[0]!) - 1]?.text.toLowerCase() : undefined;
      if (!before || !OBJECT_PREPOSITIONS.has(before)) return null;
      const subject = phraseForward(tokens, 0);
      return subject.length ? { phrase: subject, verb: tokens[context.at]! } : null;
    },
  },
  {
    name: '"asked by": the one who asks',
    example: 'Ada Brell was asked by host Ivo Lind, “Will the pier reopen?”',
    reads: 'verb',
    find: ({ tokens, at }) => {
      // `Dale was asked by host Ruth Penn, “…”`: the one after "by" speaks.
      const verb = tokens[at]!;
      if (tokens[at + 1]?.text !== 'by' || !isParticipleOrPast(verb.text)) return null;
      const agent = phraseForward(tokens, at + 2);
      return agent.length && endsInName(agent) ? { phrase: agent, verb } : null;
    },
  },
  {
    name: '"was asked" or "was told": the one asked is no speaker',
    example: 'In an interview on Friday, Ada Brell was asked, “What will happen to the pier?”',
    reads: 'verb',
    // `Lee was asked, “…”`: the question put to Lee, by someone the sentence does not name.
    find: () => null,
    ends: ({ tokens, at }) =>
      takesObject(tokens[at]!.text) && PASSIVE_AUXILIARIES.has(tokens[at - 1]?.text.toLowerCase() ?? '') && tokens[at + 1]?.text !== 'by',
  },
  {
    name: 'a name between dashes before the verb',
    example: 'A former harbour master -- Ada Brell, who ran the port for years -- said the board “never listened to the fishermen.”',
    reads: 'verb',
    find: nameBetweenDashes,
  },
  {
    name: 'the phrase before the verb',
    example: 'Harbour master Ada Brell said: “The pier is safe.”',
    reads: 'verb',
    find: (context) => {
      const backward = phraseBeforeVerb(context);
      return backward.length ? { phrase: openApposition(context.tokens, backward) ?? backward, verb: context.tokens[context.at]! } : null;
    },
  },
  {
    name: '"told" or "asked": the listener is no speaker',
    example: 'The harbour master, who told Ada Brell, “The pier is safe.”',
    reads: 'verb',
    // After "told" or "asked" the phrase is who was spoken to.
    find: () => null,
    ends: ({ tokens, at }) => takesObject(tokens[at]!.text),
  },
  {
    name: 'the phrase after the verb',
    example: 'The pier is safe, said Ada Brell, “and it will stay open all winter.”',
    reads: 'verb',
    // `said Kerry: “`; but `Lee now said Lind had “…”`: the name opens what was said, and the
    // sentence's subject says it.
    find: ({ tokens, at }) => {
      const forward = phraseForward(tokens, at + 1);
      if (!forward.length) return null;
      const next = tokens[tokens.indexOf(forward[forward.length - 1]!) + 1];
      // (`said he would “…”` is the subject again, through the pronoun.)
      const named = !(forward.length === 1 && PRONOUNS.has(forward[0]!.lower));
      if (named && next && (AUXILIARIES.has(next.lower) || LIKELY_VERBS.has(next.lower))) return subjectCue(tokens, at);
      return { phrase: forward, verb: tokens[at]! };
    },
    ends: () => true,
  },
  {
    name: 'an "as" clause',
    example: 'As Ada Brell, the harbour historian, put it on Friday, “the north pier floods every spring.”',
    reads: 'sentence',
    find: ({ tokens, at }) => (tokens[at]!.text.toLowerCase() === 'as' ? asClause(tokens, at) : null),
  },
  {
    name: 'according to, anywhere in the sentence',
    example:
      'According to the Coastal Weather Office, Ada Brell said on Friday the storm that flooded the north pier in May and broke the ferry ramp will come back “before the first ferry of the winter leaves.”',
    reads: 'sentence',
    find: ({ tokens, at }) => (isAccordingTo(tokens, at) ? accordingTo(tokens, at) : null),
    ends: ({ tokens, at }) => isAccordingTo(tokens, at),
  },
];

const AT_WORD = BEFORE_RULES.filter((rule) => rule.reads === 'word');
const AT_VERB = BEFORE_RULES.filter((rule) => rule.reads === 'verb');
const ACROSS_SENTENCE = BEFORE_RULES.filter((rule) => rule.reads === 'sentence');

/**
 * The engine: reads back from the mark to the nearest speech verb that may introduce the
 * quotation; at that verb, when it is near enough, the verb rules decide; else the sentence rules
 * read the whole sentence from its start. `decided` learns which rule settled it (for tests).
 */
function readBefore(tokens: Token[], colon: boolean, decided?: (rule: BeforeRule) => void): Cue | null {
  const context: BeforeContext = { tokens, at: 0, before: -1, nameBeforeComma: undefined, placeBeforeComma: -1, phraseBeforeVerb: undefined };
  for (let i = tokens.length - 1; i >= 0; i--) {
    context.at = i;
    const found = applyRules(AT_WORD, context, decided);
    if (found) return found;
    if (!introducesQuotation(tokens, i)) continue;
    // A verb too far from the quotation to introduce it, unless "that" or a colon follows it.
    const next = tokens[i + 1]?.text.toLowerCase();
    if (tokens.length - 1 - i > VERB_REACH_TOKENS && next !== 'that' && next !== ':' && !colon) break;
    let j = i - 1;
    while (j >= 0 && isAuxiliary(tokens[j]!.text)) j--;
    context.before = j;
    return applyRules(AT_VERB, context, decided) ?? null;
  }
  // "according to" covers the whole sentence, and so does `as Lee put it`.
  for (let i = 0; i + 1 < tokens.length; i++) {
    context.at = i;
    const found = applyRules(ACROSS_SENTENCE, context, decided);
    if (found !== undefined) return found;
  }
  return null;
}

/** The first rule's finding; null when a rule ends the search with no one; undefined when none reads anything here. */
function applyRules(rules: readonly BeforeRule[], context: BeforeContext, decided?: (rule: BeforeRule) => void): Cue | null | undefined {
  for (const rule of rules) {
    const found = rule.find(context);
    if (found || rule.ends?.(context)) {
      decided?.(rule);
      return found;
    }
  }
  return undefined;
}

/**
 * Which rule before the quotation settles `words` (a sentence up to its opening mark), and the
 * phrase it offers (null when it ends the search with no one); null when no rule reads them.
 */
export function explainBefore(words: string): { rule: string; phrase: string | null } | null {
  let rule: BeforeRule | undefined;
  const found = readBefore(tokenize(words, 0, words.length, { pattern: 'names', limit: SENTENCE_TOKENS }), false, (r) => (rule = r));
  if (!rule) return null;
  return { rule: rule.name, phrase: found ? words.slice(found.phrase[0]!.start, found.phrase[found.phrase.length - 1]!.end) : null };
}

/** A speech verb that may introduce a quotation: not a noun ("his remarks"), nor "continue to". */
function introducesQuotation(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  if (!isSpeechVerb(token.text) || isCapitalised(token.text) || readsAsNoun(tokens, i)) return false;
  // "Rubio will continue to be …": an aspect verb, not speech.
  return !(/^continu/i.test(token.text) && tokens[i + 1]?.text.toLowerCase() === 'to');
}

function isAccordingTo(tokens: Token[], at: number): boolean {
  return tokens[at]!.text.toLowerCase() === 'according' && tokens[at + 1]?.text.toLowerCase() === 'to';
}

/**
 * The subject for the verb at `at`, found without the verb next to it: the named subject of the
 * clause it hangs on (`…, when Lind protesters interrupted her, shouting`), else the sentence's.
 */
function subjectCue(tokens: Token[], at: number): Cue | null {
  const phrase = clauseSubject(tokens, at) ?? sentenceSubject(tokens);
  return phrase.length ? { phrase, verb: tokens[at]!, weak: true } : null;
}

/**
 * `…, when Lind protesters interrupted her speech, shouting`: a clause opened by "when", "as",
 * "while" or "after" before the participle, whose subject is a capitalised name and whose verb
 * follows it in the past; null when there is none.
 */
function clauseSubject(tokens: Token[], at: number): Token[] | null {
  for (let k = at - 1; k > 0; k--) {
    const word = tokens[k]!.text;
    if (word === '.' || word === ';') return null;
    if (!CLAUSE_OPENERS.has(word) || tokens[k - 1]?.text !== ',') continue;
    const phrase = phraseForward(tokens, k + 1);
    const verb = phrase.length ? tokens[tokens.indexOf(phrase[phrase.length - 1]!) + 1] : undefined;
    return phrase.length && isCapitalised(phrase[0]!.text) && verb && /^\p{Ll}+ed$/u.test(verb.text) ? phrase : null;
  }
  return null;
}

function toBeforeVerb({ tokens, before }: BeforeContext): boolean {
  return tokens[before]?.text.toLowerCase() === 'to';
}

/** The phrase before a comma right before the verb (`…, Jake Sullivan, said`), and the place it may end (see placeBefore); read once. */
function nameBeforeComma(context: BeforeContext): Token[] | undefined {
  const { tokens, before } = context;
  if (tokens[before]?.text !== ',') return undefined;
  if (context.nameBeforeComma === undefined) {
    const nearest = phraseBackward(tokens, before - 1);
    context.nameBeforeComma = nearest;
    context.placeBeforeComma = nearest.length ? placeBefore(tokens, tokens.indexOf(nearest[0]!)) : -1;
  }
  return context.nameBeforeComma;
}

/**
 * `Minyon Moore, a senior adviser to the campaign, called …`: the name before the apposition;
 * `Jo Ann, president of the Union, which represents teachers, said`: before two of them.
 */
function nameBeforeAppositions({ tokens, at, before }: BeforeContext): Cue | null {
  if (tokens[before]?.text !== ',') return null;
  const verb = tokens[at]!;
  let comma = before;
  let fallback: Token[] | null = null;
  // `Lee, at a meeting in Selby, Ohio, said`: a name inside a clause only when no other stands.
  let clauseFallback: Token[] | null = null;
  for (let appositions = 0; appositions < 3; appositions++) {
    let k = comma - 1;
    // Back to the comma before this apposition; a period inside brackets ("(R-Ida.)") ends nothing.
    for (let depth = 0; k > 0 && k > comma - APPOSITION_REACH_TOKENS; k--) {
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
      if (looksLikePersonPhrase(named) && !inClause) return { phrase: named, verb };
      if (inClause) clauseFallback ??= named;
      else fallback ??= named;
    }
    comma = k;
  }
  fallback ??= clauseFallback;
  return fallback ? { phrase: fallback, verb } : null;
}

/**
 * `A former candidate -- Ada Brell, who lost in 2008 -- said`: the person named right after the
 * opening dash of an apposition that closes before the verb, else the phrase before that dash.
 */
function nameBetweenDashes({ tokens, at, before }: BeforeContext): Cue | null {
  if (!DASHES.test(tokens[before]?.text ?? '')) return null;
  let close = before;
  while (close > 0 && DASHES.test(tokens[close - 1]!.text)) close--; // "--" is two tokens
  let open = close - 1;
  while (open > 0 && open > close - APPOSITION_REACH_TOKENS && !DASHES.test(tokens[open]!.text)) open--;
  if (!DASHES.test(tokens[open]?.text ?? '')) return null;
  const inside = phraseForward(tokens, open + 1);
  if (inside.length && looksLikePersonPhrase(inside)) return { phrase: inside, verb: tokens[at]! };
  while (open > 0 && DASHES.test(tokens[open - 1]!.text)) open--;
  const outside = phraseBackward(tokens, open - 1);
  return outside.length && endsInName(outside) ? { phrase: outside, verb: tokens[at]! } : null;
}

/**
 * The phrase that ends right before the verb, read once: past a place (`Stacy Baker of Columbia,
 * South Carolina says`: the person before it) and a paper (`Ada Lind of The Courier wrote`: the
 * person, not the paper she writes for).
 */
function phraseBeforeVerb(context: BeforeContext): Token[] {
  if (context.phraseBeforeVerb) return context.phraseBeforeVerb;
  const { tokens, before } = context;
  let backward = before >= 0 ? phraseBackward(tokens, before) : [];
  const placed = backward.length ? placeBefore(tokens, tokens.indexOf(backward[0]!)) : -1;
  if (placed > 0) backward = phraseBackward(tokens, placed - 1);
  const of = backward.length ? tokens.indexOf(backward[0]!) - 1 : -1;
  if (of > 0 && /^(?:of|for|at)$/.test(tokens[of]!.text)) {
    const person = phraseBackward(tokens, of - 1);
    if (looksLikePersonPhrase(person)) backward = person;
  }
  context.phraseBeforeVerb = backward;
  return backward;
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
    const close = tokens.findIndex((t, k) => k > next && k <= next + AS_APPOSITION_TOKENS && t.text === ',');
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
