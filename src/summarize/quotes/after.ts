/** Rule 1: the attribution after the quotation (`,” he said`, `,” said Ann Lee, the mayor`, `” ― Ann Lee`). */
import { LIKELY_VERBS, ORGANISATION_LINKS, OBJECT_PREPOSITIONS, SUBORDINATORS } from '../lexicon/index.js';
import { isTitleWord } from '../names.js';
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
import { accordingTo, cue, endsInName, endsSentence, endsWithStop, looksLikePersonPhrase, nextMarkOrEnd, readsAsNoun, retorts } from './phrases.js';
import type { QuotedPart } from './spans.js';
import type { Candidate, Cue, Finding, QuotationContext } from './types.js';
import { APPOSITION_AFTER_NAME_TOKENS, ENDS_SOON_TOKENS, LATER_VERB_TOKENS, LONG_ATTRIBUTION_TOKENS, SHORT_ATTRIBUTION_TOKENS } from './windows.js';

/**
 * Between the parts of a split quote, then after the closing mark: `,” he said.`, `” ― Name`.
 * A statement signed on its last line first, then AFTER_RULES at each closing mark.
 */
export function* cuesAfter({ text, paragraphs, candidate }: QuotationContext): Iterable<Finding> {
  yield* cue(signedLastParagraph(text, paragraphs, candidate));
  for (let i = 0; i < candidate.parts.length; i++) {
    const part = candidate.parts[i]!;
    if (part.close < 0) continue;
    const next = candidate.parts[i + 1];
    const until = next && next.paragraph === part.paragraph ? next.open : nextMarkOrEnd(text, part.close + 1, paragraphs[part.paragraph]!.end);
    // Most attributions are a few words; read further only when they are not.
    const tokens = tokenize(text, part.close + 1, until, { pattern: 'names', limit: SHORT_ATTRIBUTION_TOKENS });
    const firstWord = tokens.findIndex((t) => /^[\p{L}\p{N}]/u.test(t.text));
    const context: AfterContext = { text, paragraphs, part, next, until, tokens, firstWord, opens: undefined, direct: undefined };
    for (const rule of AFTER_RULES) {
      const found = rule.find(context);
      if (found) yield { cue: found, via: 'cue' };
    }
  }
}

/** What a rule after the quotation reads: the words after one closing mark of it. */
export interface AfterContext {
  readonly text: string;
  readonly paragraphs: { start: number; end: number }[];
  /** The quoted part whose closing mark the words follow, and the part after it. */
  readonly part: QuotedPart;
  readonly next: QuotedPart | undefined;
  /** Where the words end: the next part's opening mark, the next quotation mark or the paragraph's end. */
  readonly until: number;
  /** The words after the mark: SHORT_ATTRIBUTION_TOKENS, or LONG_ATTRIBUTION_TOKENS once the short look found no attribution. */
  tokens: Token[];
  /** The first word among them (-1: none). */
  readonly firstWord: number;
  /** Read once (see opensAttributionHere and attributionRightAfter). */
  opens: boolean | undefined;
  direct: Cue | null | undefined;
}

/** A rule after the quotation: each one's finding is offered in turn, at each closing mark. */
export interface AfterRule {
  name: string;
  /** A story the rule attributes (tests read it). */
  example: string;
  find(context: AfterContext): Cue | null;
}

/** The rules after the quotation, in the order they run (docs/quotes.md, rule 1). */
export const AFTER_RULES: readonly AfterRule[] = [
  {
    name: 'a signature after a dash',
    example: '“Nobody reads the signs on the pier anymore.” ― Elsa Dahl',
    // An epigraph's dash: `” ― Pamela Padilla`.
    find: ({ tokens }) => signature(tokens),
  },
  {
    name: 'a signature line of its own below',
    example: '“Nobody reads the signs on the pier anymore.”\n\n- Elsa Dahl, harbour master.',
    find: ({ text, paragraphs, part, next, firstWord }) => {
      // Nothing but marks after the quotation, and the next paragraph is a signature line.
      if (firstWord >= 0 || next || part.paragraph + 1 >= paragraphs.length) return null;
      const line = paragraphs[part.paragraph + 1]!;
      return signature(tokenize(text, line.start, line.end, { pattern: 'names', limit: SHORT_ATTRIBUTION_TOKENS }));
    },
  },
  {
    name: 'the attribution right after the mark',
    example: '“The tide will turn before noon,” Lars Ek, the harbour master, told reporters.',
    find: (context) => {
      if (!opensAttributionHere(context)) return null;
      const found = attributionRightAfter(context);
      if (!found) return null;
      // After a quotation that ends its sentence, the attribution must end soon too (`.” he said.`,
      // not `.” Camp residents told Reuters that …`), unless it opens with the verb or a pronoun.
      const { text, part, next, until, paragraphs, tokens, firstWord } = context;
      const runsIntoQuote = until < paragraphs[part.paragraph]!.end && !(next && next.paragraph === part.paragraph);
      const goesOn = opensAttribution(tokens[firstWord]!.text);
      return !endsWithStop(text, part) || goesOn || attributionEndsSoon(tokens, found, runsIntoQuote) ? found : null;
    },
  },
  {
    name: 'a name and a verb of manner',
    example: '“You will never close this pier,” Lars Ek barked.',
    // `,” Lee barked.`, `?” Lee started, as …`: after a quotation left open, a name and any verb in
    // the past that ends the clause report how it was said.
    find: (context) =>
      opensAttributionHere(context) && !attributionRightAfter(context) && !endsWithStop(context.text, context.part)
        ? mannerCue(context.tokens, context.firstWord)
        : null,
  },
  {
    name: 'a speech verb later in the clause',
    example: '“Three boats were lost,” in the storm that hit the bay the Harbour Board reported.',
    // `” held by the Islamic State group the Syrian Observatory for Human Rights said.`
    find: (context) =>
      opensAttributionHere(context) && !attributionRightAfter(context) && !endsSentence(context.text, context.part)
        ? laterCue(context.tokens, SUBORDINATORS.has(context.tokens[context.firstWord]!.text))
        : null,
  },
];

/**
 * Only marks may stand between the closing mark and an attribution; and `“…,” and Lee vowed to
 * “…”` is a clause with a new named subject that introduces the next quotation, not this one's.
 */
function opensAttributionHere(context: AfterContext): boolean {
  if (context.opens !== undefined) return context.opens;
  const { text, part, until, tokens, firstWord } = context;
  let opens = firstWord >= 0 && tokens.slice(0, firstWord).every((t) => /^[,.;:—–-]$/.test(t.text));
  if (opens) {
    const newSubject = /^(?:and|but)$/.test(tokens[firstWord]!.text) && isCapitalised(tokens[firstWord + 1]?.text ?? '');
    opens = !(newSubject && introducesNext(text, part.close + 1, until));
  }
  context.opens = opens;
  return opens;
}

/** The attribution that opens at the first word after the mark, read once; a long apposition is read only when the short look finds none. */
function attributionRightAfter(context: AfterContext): Cue | null {
  if (context.direct !== undefined) return context.direct;
  let found = findCue(context.tokens, context.firstWord);
  if (!found && context.tokens.length === SHORT_ATTRIBUTION_TOKENS) {
    context.tokens = tokenize(context.text, context.part.close + 1, context.until, { pattern: 'names', limit: LONG_ATTRIBUTION_TOKENS });
    found = findCue(context.tokens, context.firstWord);
  }
  context.direct = found;
  return found;
}

/**
 * An attribution that starts at tokens[from]: "said Caddell", "he said", "British Foreign
 * Secretary William Hague told", "according to the Observatory".
 */
export function findCue(tokens: Token[], from: number): Cue | null {
  const head = tokens[from];
  if (!head) return null;
  const l = head.text.toLowerCase();
  if (l === 'according' && tokens[from + 1]?.text.toLowerCase() === 'to') return accordingTo(tokens, from);
  if (isSpeechVerb(head.text) && !isCapitalised(head.text)) {
    // `,” promising the Friends of Abe will return`: after a participle comes what was said, not who.
    if (isParticiple(head.text)) return null;
    const phrase = titlesJoined(tokens, phraseForward(tokens, from + 1));
    return phrase.length ? { phrase, verb: head } : null;
  }
  const phrase = phraseForward(tokens, from);
  if (phrase.length === 0) return null;
  const after = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  let i = after;
  while (i < tokens.length && i < after + 3 && isAuxiliary(tokens[i]!.text)) i++;
  const verb = tokens[i];
  if (verb && isSpeechVerb(verb.text) && !isParticiple(verb.text)) return { phrase, verb };
  if (verb && retorts(tokens, i)) return { phrase, verb };
  if (verb && verb.text === ',') {
    // "X, the group's spokesman, said", "X, attorney general of Y, one of the states suing, said":
    // skip up to three appositions.
    let j = i;
    for (let appositions = 0; appositions < 3; appositions++) {
      let k = j + 1;
      // A sentence end stops the search; the period of "R-Ky., said" does not.
      while (
        k < tokens.length &&
        k < j + APPOSITION_AFTER_NAME_TOKENS &&
        tokens[k]!.text !== ',' &&
        !(tokens[k]!.text === '.' && tokens[k + 1]?.text !== ',')
      )
        k++;
      if (tokens[k]?.text !== ',') break;
      let v = k + 1;
      while (v < tokens.length && v < k + 3 && isAuxiliary(tokens[v]!.text)) v++;
      const after = tokens[v];
      // After an apposition's comma no sentence opens: a capitalised verb in the past is still one (`, Tweeted on Friday`).
      if (after && isSpeechVerb(after.text) && !isParticiple(after.text) && (!isCapitalised(after.text) || /\p{Ll}ed$/u.test(after.text))) {
        // `“…,” Hunter’s chief of staff, Joe Kasper, told`: the name in the apposition, not the description.
        const named = tokens.slice(j + 1, k).filter((t) => t.text !== '(' && t.text !== ')');
        if (!looksLikePersonPhrase(phrase) && looksLikePersonPhrase(named) && named.every((t) => isNameWord(t.text) || /^\p{Lu}\.$/u.test(t.text)))
          return { phrase: named, verb: after };
        return { phrase, verb: after };
      }
      j = k;
    }
  }
  return null;
}

/**
 * `said former Selby Gov. and Harbour Committee Chairman Ivo Lind`: a phrase that ends in a title
 * goes on past "and" to the person both titles belong to.
 */
function titlesJoined(tokens: Token[], phrase: Token[]): Token[] {
  const last = phrase[phrase.length - 1];
  if (!last || !isTitleWord(last.text)) return phrase;
  let and = tokens.indexOf(last) + 1;
  if (tokens[and]?.text === '.') and++;
  if (tokens[and]?.text !== 'and' || !isCapitalised(tokens[and + 1]?.text ?? '')) return phrase;
  const more = phraseForward(tokens, and + 1);
  const end = more.length ? tokens[tokens.indexOf(more[more.length - 1]!) + 1]?.text : undefined;
  return more.length && looksLikePersonPhrase(more) && (end === undefined || /^[,.]$/.test(end))
    ? tokens.slice(tokens.indexOf(phrase[0]!), tokens.indexOf(more[more.length - 1]!) + 1)
    : phrase;
}

/** After the verb, the attribution's sentence ends within a few words and reports nothing more. */
export function attributionEndsSoon(tokens: Token[], cue: Cue, runsIntoQuote: boolean): boolean {
  const from = Math.max(tokens.indexOf(cue.verb), tokens.indexOf(cue.phrase[cue.phrase.length - 1]!)) + 1;
  for (let i = from; i < tokens.length && i <= from + ENDS_SOON_TOKENS; i++) {
    const t = tokens[i]!.text;
    if (t === '.' || t === '!' || t === '?' || t === ';') return true;
    if (t.toLowerCase() === 'that') return false;
  }
  // `.” The Agency said North Korea had shown “…”`: that clause introduces the next quotation.
  return !runsIntoQuote && tokens.length - from <= ENDS_SOON_TOKENS;
}

/** `.” she said`, `!” said Ann Lee`: a lower-case verb or a pronoun goes on the quotation's sentence. */
function opensAttribution(word: string): boolean {
  return !isCapitalised(word) && (isSpeechVerb(word) || PRONOUNS.has(word));
}

/**
 * The attribution right after a quoted piece: `,” she said.` or `” ― Name`; after a piece that
 * ends its sentence, only one that ends soon too (`.” Reid said both men were …` is a new sentence).
 */
export function hasOwnAttribution(text: string, part: QuotedPart, paragraphs: { start: number; end: number }[]): boolean {
  if (part.close < 0) return false;
  const paragraphEnd = paragraphs[part.paragraph]!.end;
  const until = nextMarkOrEnd(text, part.close + 1, paragraphEnd);
  const tokens = tokenize(text, part.close + 1, until, { pattern: 'names', limit: SHORT_ATTRIBUTION_TOKENS });
  const first = tokens.findIndex(isWord);
  if (first < 0) return false;
  if (first === 1 && DASHES.test(tokens[0]!.text)) return true;
  if (!tokens.slice(0, first).every((t) => /^[,.;:—–-]$/.test(t.text))) return false;
  const found = findCue(tokens, first);
  if (found === null) return false;
  return !endsSentence(text, part) || opensAttribution(tokens[first]!.text) || attributionEndsSoon(tokens, found, until < paragraphEnd);
}

/** `Lee barked.`, `she laughed, …`: a name or a pronoun, one verb in the past, and the clause ends. */
function mannerCue(tokens: Token[], from: number): Cue | null {
  const phrase = phraseForward(tokens, from);
  if (phrase.length === 0 || phrase[0] !== tokens[from] || !(isCapitalised(phrase[0]!.text) || PRONOUNS.has(phrase[0]!.text))) return null;
  const at = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  const verb = tokens[at];
  const after = tokens[at + 1]?.text;
  if (!verb || !/^\p{Ll}+ed$/u.test(verb.text) || LIKELY_VERBS.has(verb.text)) return null;
  return after === undefined || /^(?:[.,!;]|and|as|with|while)$/.test(after) ? { phrase, verb } : null;
}

/** A speech verb later in the clause after a quotation, with its subject right before it. */
function laterCue(tokens: Token[], inClause: boolean): Cue | null {
  for (let i = 1; i < tokens.length && i < LATER_VERB_TOKENS; i++) {
    const t = tokens[i]!.text;
    if (t === '.' || t === '!' || t === '?' || t === '“' || t === '"') return null;
    // `” until Lee said she …`: a verb inside a clause of its own is Lee's; after the clause's comma
    // (`” if she lost, said Dave Lind`) the attribution may follow.
    if (t === ',') inClause = false;
    if (inClause) continue;
    if (!isSpeechVerb(t) || isCapitalised(t) || isParticiple(t) || readsAsNoun(tokens, i)) continue;
    let j = i - 1;
    while (j > 0 && isAuxiliary(tokens[j]!.text)) j--;
    const phrase = phraseBackward(tokens, j);
    let before = phrase[0] ? tokens.indexOf(phrase[0]) - 1 : -1;
    while (before > 0 && /^(?:the|a|an)$/i.test(tokens[before]!.text)) before--;
    // `… coordinator of the opposition HNC wrote`: the subject is the clause's first phrase.
    if (before >= 0 && tokens[before]!.text.toLowerCase() !== 'the' && OBJECT_PREPOSITIONS.has(tokens[before]!.text.toLowerCase())) {
      const first = tokens.findIndex(isWord);
      const subject = phraseForward(tokens, first);
      if (subject.length && isCapitalised(subject[0]!.text)) return { phrase: subject, verb: tokens[i]! };
    }
    const last = phrase[phrase.length - 1];
    if (last && (phrase.some((t) => isNameWord(t.text)) || (phrase.length === 1 && PRONOUNS.has(last.text.toLowerCase()))))
      return { phrase, verb: tokens[i]! };
    // `… to open an inquiry said spokesman Colonel Chris Garver`: the speaker follows the verb (not `told The Post`,
    // nor `and said Ann Lee should resign`, where the verb shares the sentence's subject).
    if (takesObject(t) || tokens[i - 1]?.text === 'and') return null;
    const after = phraseForward(tokens, i + 1);
    if (after.length && endsInName(after)) return { phrase: after, verb: tokens[i]! };
    return null;
  }
  return null;
}

/** The words from `from` run, within one sentence, into a quotation that opens at `until`. */
function introducesNext(text: string, from: number, until: number): boolean {
  const mark = text[until];
  return (mark === '“' || (mark === '"' && /\p{L}/u.test(text[until + 1] ?? ''))) && !/[.!?]\s/.test(text.slice(from, until));
}

/**
 * A statement quoted whole, signed on its own last line before the closing mark: `“… ¶ Ann Lee,
 * Harbour Trust.”`. The line holds only a person's full name and, after a comma, whom she speaks for.
 */
function signedLastParagraph(text: string, paragraphs: { start: number; end: number }[], candidate: Candidate): Cue | null {
  const last = candidate.parts[candidate.parts.length - 1]!;
  let line: { start: number; end: number } | undefined;
  if (candidate.parts.length > 1 && last.open < 0 && last.close >= 0) line = last;
  else if (last.close < 0 && last.paragraph + 1 < paragraphs.length) {
    // The quotation left open and the next paragraph only closes it.
    const next = paragraphs[last.paragraph + 1]!;
    const words = text.slice(next.start, next.end).trimEnd();
    if (/[”"]$/.test(words) && !/[“"]/.test(words.slice(0, -1))) line = { start: next.start, end: next.start + words.length - 1 };
  }
  if (!line) return null;
  const tokens = tokenize(text, line.start, line.end, { pattern: 'names', limit: SHORT_ATTRIBUTION_TOKENS });
  if (tokens.length === SHORT_ATTRIBUTION_TOKENS) return null;
  const phrase = phraseForward(tokens, 0, 4);
  const comma = phrase.length ? tokens.indexOf(phrase[phrase.length - 1]!) + 1 : -1;
  if (comma < 1 || phrase[0] !== tokens[0] || tokens[comma]?.text !== ',' || !looksLikePersonPhrase(phrase)) return null;
  // What follows is a name in capitals (the organisation), closed by at most a full stop.
  const rest = tokens.slice(comma + 1).filter((t) => t.text !== '.');
  const named = rest.every((t) => isWord(t) && (isCapitalised(t.text) || ORGANISATION_LINKS.has(t.text)));
  return named && rest.length > 0 && isCapitalised(rest[0]!.text) ? { phrase, verb: tokens[comma]! } : null;
}

/** `― Ada Lind`, `- Ada Lind, 1998`: a dash and a name that ends there; `- Democrats have …` goes on. */
function signature(tokens: Token[]): Cue | null {
  const dash = tokens[0];
  if (!dash || !DASHES.test(dash.text) || !tokens[1] || !isWord(tokens[1])) return null;
  const phrase = phraseForward(tokens, 1);
  const next = phrase.length ? tokens[tokens.indexOf(phrase[phrase.length - 1]!) + 1] : undefined;
  return phrase.length && isCapitalised(phrase[0]!.text) && (!next || /^[,.;]$/.test(next.text)) ? { phrase, verb: dash } : null;
}

/** A speech verb or "according to" in the words after a quoted piece, up to the next quotation mark. */
export function attributedAfter(text: string, part: QuotedPart, paragraphs: { start: number; end: number }[]): boolean {
  if (part.close < 0) return false;
  const tokens = tokenize(text, part.close + 1, nextMarkOrEnd(text, part.close + 1, paragraphs[part.paragraph]!.end), {
    pattern: 'names',
    limit: SHORT_ATTRIBUTION_TOKENS,
  });
  return tokens.some((t) => (isSpeechVerb(t.text) && !isCapitalised(t.text)) || t.text.toLowerCase() === 'according');
}
