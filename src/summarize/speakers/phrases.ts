/**
 * Which tokens make up a speaker phrase: read forwards from the word after a verb ("said
 * Observatory director Rami Abdel Rahman") or backwards from the word before one ("one adviser to
 * Ivo Brandt said"), stopping at verbs, clauses and quotation marks, keeping parenthetical asides
 * ("Rep. Gwen Moore (D-Wis.)"), and running on to the name a description is tied to ("a spokesman
 * for Senator Ivo Brandt", "a paper from the Harbour Institute"). It decides where the phrase starts
 * and ends, never whom it names: resolve.ts does that.
 */
import {
  AFFILIATION_NOUNS,
  AUTHOR_LINKS,
  CAPITALISED_STOPS,
  CONNECTORS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  LIKELY_VERBS,
  NEAR_LINKS,
  NEAR_PERSON_NOUNS,
  PHRASE_STOPS,
  PRONOUNS,
  ROLE_NOUNS,
  SENTENCE_CAPITALS,
  UNNAMED_OPENERS,
} from '../lexicon/index.js';
import { isTitleWord } from '../names.js';
import type { Token } from '../tokens.js';
import { isAuxiliary, isCapitalised, isNameWord, isSpeechVerb, isWord } from './words.js';

/** Could this token stand inside a speaker phrase ("9/11 widow Terry Strada", "Rep. Gwen Moore (D-Wis.)")? */
function fitsPhrase(token: Token, first: boolean, inParens: boolean, afterName = false): boolean {
  const word = token.text;
  if (inParens) return word !== '“' && word !== '”' && word !== '"';
  if (!isWord(token)) return word === '’' || word === "'" || word === '(' || word === '/' || word === '&' || (word === '-' && !first);
  const l = token.lower;
  if (isCapitalised(word)) return (!PRONOUNS.has(l) || first || l === 'i') && !PHRASE_STOPS.has(l) && !CAPITALISED_STOPS.has(l);
  if (PRONOUNS.has(l)) return first;
  if (isTitleWord(l) || GROUP_NOUNS.has(l) || ROLE_NOUNS.has(l)) return !PRONOUNS.has(l); // "state department spokeswoman"
  if (PHRASE_STOPS.has(l) || isSpeechVerb(word) || /ing$/.test(word) || /ly$/.test(word) || LIKELY_VERBS.has(l)) return false;
  // "Weld describes the party": a present-tense verb right after a name ends the phrase.
  if (afterName && /[^s]s$/.test(l) && !ROLE_NOUNS.has(l) && !GROUP_NOUNS.has(l)) return false;
  // "said retired harbour master Ann Lee": a modifier of a title is no verb.
  return !/ed$/.test(l) || ROLE_NOUNS.has(l) || SENTENCE_CAPITALS.has(l);
}

/** Tokens of a phrase, without parenthetical asides or marks at its ends. */
function collect(tokens: Token[], from: number, step: 1 | -1, max: number): Token[] {
  const phrase: Token[] = [];
  let depth = 0;
  for (let i = from; i >= 0 && i < tokens.length && phrase.length < max; i += step) {
    const token = tokens[i]!;
    const l = token.lower;
    if (step === 1 && phrase.length === 1 && PRONOUNS.has(phrase[0]!.lower)) break; // "he" stands alone
    const opening = step === 1 ? '(' : ')';
    const closing = step === 1 ? ')' : '(';
    if (token.text === opening) {
      depth++;
      phrase.push(token);
      continue;
    }
    if (token.text === closing) {
      if (depth === 0) break;
      depth--;
      phrase.push(token);
      continue;
    }
    if (step === -1 && depth === 0 && (DETERMINERS.has(l) || PRONOUNS.has(l))) {
      // Reading backwards, a determiner or a pronoun opens the phrase.
      if (phrase.length === 0 || !PRONOUNS.has(l)) phrase.push(token);
      break;
    }
    // Reading backwards, "and" inside an organisation's name: "Red Cross and Red Crescent Societies".
    if (
      step === -1 &&
      (l === 'and' || l === '&') &&
      phrase.length > 0 &&
      isCapitalised(phrase[phrase.length - 1]!.text) &&
      isCapitalised(tokens[i - 1]?.text ?? '')
    ) {
      phrase.push(token);
      continue;
    }
    // "said Will Doyle", "May Lind": a first name that is also a common word, before a capitalised word.
    if (step === 1 && phrase.length === 0 && (l === 'will' || l === 'may') && isCapitalised(token.text) && isCapitalised(tokens[i + 1]?.text ?? '')) {
      phrase.push(token);
      continue;
    }
    const afterName = step === 1 && phrase.length > 0 && isCapitalised(phrase[phrase.length - 1]!.text);
    if (
      !fitsPhrase(
        token,
        phrase.length === 0 || (step === 1 && phrase.length === 1 && DETERMINERS.has(phrase[0]!.text.toLowerCase())),
        depth > 0,
        afterName,
      )
    )
      break;
    phrase.push(token);
  }
  if (step === -1) phrase.reverse();
  return trimPhrase(phrase);
}

/** The speaker phrase that starts at tokens[from]: "Observatory director Rami Abdel Rahman". */
export function phraseForward(tokens: Token[], from: number, max = 12): Token[] {
  const phrase = collect(tokens, from, 1, max);
  if (phrase.length === 0) return phrase;
  const start = tokens.indexOf(phrase[0]!);
  const end = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  return unnamedNear(tokens, start, end) ?? documentBy(tokens, start, end) ?? phrase;
}

/** `a paper from the Harbour Institute`: a document's phrase runs on to its author's name. */
function documentBy(tokens: Token[], from: number, end: number): Token[] | null {
  if (!DOCUMENT_NOUNS.has(tokens[end - 1]?.lower ?? '') || !AUTHOR_LINKS.has(tokens[end]?.text ?? '')) return null;
  const last = nameRunEnd(tokens, end + 1);
  return last < 0 ? null : tokens.slice(from, last + 1);
}

/** How many lower-case words may stand between a link and the name it ties to ("for the Harbour Trust"). */
const WORDS_BEFORE_NAME = 3;

/**
 * The last token of the first capitalised run at or after tokens[at], past up to three lower-case
 * words ("the Harbour Institute", "Senator Ivo Brandt"); -1 when no capitalised word comes first.
 */
function nameRunEnd(tokens: Token[], at: number): number {
  let last = at;
  while (last < at + WORDS_BEFORE_NAME && tokens[last] && isWord(tokens[last]!) && !isCapitalised(tokens[last]!.text)) last++;
  if (!tokens[last] || !isWord(tokens[last]!) || !isCapitalised(tokens[last]!.text)) return -1;
  while (tokens[last + 1] && isNameWord(tokens[last + 1]!.text) && isWord(tokens[last + 1]!)) last++;
  return last;
}

/** Where the words that tie a person to a name ("to", "for", "close to", "familiar with") end, read from tokens[at]: at most two. */
function nearLinkEnd(tokens: Token[], at: number): number {
  let link = at;
  while (link < at + 2 && NEAR_LINKS.has(tokens[link]?.lower ?? '')) link++;
  return link;
}

/** The speaker phrase that ends at tokens[to] (inclusive), read backwards. */
export function phraseBackward(tokens: Token[], to: number, max = 12): Token[] {
  const phrase = collect(tokens, to, -1, max);
  if (phrase.length === 0) return phrase;
  // `one adviser to Ivo Brandt said`: the description before the name, when there is one.
  const start = tokens.indexOf(phrase[0]!);
  for (let opener = start - 2; opener >= Math.max(0, start - 6); opener--) {
    if (!UNNAMED_OPENERS.has(tokens[opener]!.text.toLowerCase())) continue;
    // `Dog Andres, a spokesman for Ann Lee, said`: an apposition to the name before it.
    if (tokens[opener - 1]?.text === ',') return phrase;
    const whole = unnamedNear(tokens, opener, start);
    return whole && tokens.indexOf(whole[whole.length - 1]!) === tokens.indexOf(phrase[phrase.length - 1]!) ? whole : phrase;
  }
  return phrase;
}

/**
 * `a spokesman for Senator Ivo Brandt`, `one longtime adviser to both Brandts`: an indefinite
 * person noun tied to a name by "for", "to", "close to" …, read from tokens[from] (the opener)
 * to the name's end; null unless tokens[from, end) open such a description.
 */
export function unnamedNear(tokens: Token[], from: number, end: number): Token[] | null {
  if (!UNNAMED_OPENERS.has(tokens[from]?.lower ?? '')) return null;
  const affiliated = affiliationDescription(tokens, from);
  if (affiliated) return affiliated;
  let k = from + 1;
  while (k < Math.min(end + 1, from + 5, tokens.length) && isWord(tokens[k]!) && !isCapitalised(tokens[k]!.text)) {
    const word = tokens[k]!.text.toLowerCase();
    const personNoun = (ROLE_NOUNS.has(word) || isTitleWord(word) || NEAR_PERSON_NOUNS.has(word)) && !/s$/.test(word);
    const link = nearLinkEnd(tokens, k + 1);
    if (personNoun && link > k + 1) {
      // Up to the end of the first capitalised run after the link: "for Senator Ivo Brandt".
      const last = nameRunEnd(tokens, link);
      if (last < 0) return null;
      // "the Aleppo-based group": a capitalised modifier, not the end of a name.
      if (tokens[last + 1]?.text === '-' && tokens[last + 1]!.start === tokens[last]!.end) return null;
      return tokens.slice(from, last + 1);
    }
    k++;
  }
  return null;
}

/**
 * `one Democrat familiar with the discussion`, `a Republican close to the campaign`: someone
 * described by a party or a leaning alone, with what ties them to the story (lower-case words after
 * "familiar with", "close to" …, up to a comma); null when tokens[from + 1] is no such word.
 */
function affiliationDescription(tokens: Token[], from: number): Token[] | null {
  // `one well-connected Democrat`: up to two words that qualify the noun before it.
  let at = from + 1;
  while (at < from + 3 && tokens[at] && isWord(tokens[at]!) && !isCapitalised(tokens[at]!.text)) at++;
  const noun = tokens[at];
  if (!noun || !isCapitalised(noun.text) || !AFFILIATION_NOUNS.has(noun.lower)) return null;
  // "a prominent Republican National Committee member": the word opens an organisation's name.
  if (isCapitalised(tokens[at + 1]?.text ?? '')) return null;
  let last = at;
  const link = nearLinkEnd(tokens, last + 1);
  if (link > last + 1) {
    last = link - 1;
    const tie = (t: Token | undefined) => t !== undefined && isWord(t) && !isSpeechVerb(t.text) && !isAuxiliary(t.text) && !PRONOUNS.has(t.lower);
    while (last + 1 < link + AFFILIATION_TIE_TOKENS && tie(tokens[last + 1])) last++;
  }
  return tokens.slice(from, last + 1);
}

/** How far the words that tie a party's member to the story may run (`familiar with the Clinton campaign's organization`). */
const AFFILIATION_TIE_TOKENS = 6;

/** Drops connectors and marks at either end (parentheses stay when they close inside). */
function trimPhrase(phrase: Token[]): Token[] {
  let a = 0;
  let b = phrase.length;
  while (a < b && (CONNECTORS.has(phrase[a]!.text) || (!isWord(phrase[a]!) && phrase[a]!.text !== '('))) a++;
  while (b > a && (CONNECTORS.has(phrase[b - 1]!.text) || (!isWord(phrase[b - 1]!) && phrase[b - 1]!.text !== ')'))) b--;
  return phrase.slice(a, b);
}
