/** Small readings of the words around a quotation that several attribution rules share. */
import { AUTHORED_NOUNS, BACK_VERBS, CONNECTORS, FILED_PAPERS, GROUP_NOUNS, NOUN_DETERMINERS, OBJECT_PREPOSITIONS } from '../lexicon/index.js';
import { isTitleWord } from '../names.js';
import type { Sentence } from '../sentences.js';
import { isCapitalised, isWord, phraseForward } from '../speakers.js';
import type { Token } from '../tokens.js';
import type { QuotedPart } from './spans.js';
import type { Cue, Finding } from './types.js';
import { DOCUMENT_AUTHOR_TOKENS } from './windows.js';

/** The span, of spans in text order, that holds an offset (a binary search); undefined when none does. */
function spanAt<T extends { start: number; end: number }>(spans: readonly T[], at: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (at < span.start) hi = mid - 1;
    else if (at >= span.end) lo = mid + 1;
    else return span;
  }
  return undefined;
}

/** The end of the paragraph that holds an offset (the offset itself when none does). */
export function paragraphEnd(paragraphs: { start: number; end: number }[], at: number): number {
  return spanAt(paragraphs, at)?.end ?? at;
}

/** The sentence that holds an offset. */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  return spanAt(sentences, at);
}

export function nextMarkOrEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 0x201c && c !== 0x201d) continue;
    const title = quotedTitleEnd(text, i, end);
    if (title < 0) return i;
    i = title;
  }
  return end;
}

/** The longest quoted name read inside an attribution: `wearing “Vote Lind” pins, said`. */
const QUOTED_TITLE_CHARS = 40;

/**
 * Where a short name in quotation marks that opens at `open` closes, when the sentence goes on
 * in lower case after it (`Ann Lee, wearing “Vote Lind” campaign pins, said`); -1 otherwise.
 */
function quotedTitleEnd(text: string, open: number, end: number): number {
  if (!/\s/.test(text.charAt(open - 1))) return -1;
  const limit = Math.min(end, open + QUOTED_TITLE_CHARS);
  let close = open + 1;
  while (close < limit && !/["“”]/.test(text.charAt(close))) close++;
  if (close >= limit) return -1;
  const words = text
    .slice(open + 1, close)
    .replace(/[,.]$/, '')
    .split(/\s+/);
  if (words.length > 4 || !words.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w))) return -1;
  return /^,?\s+\p{Ll}/u.test(text.slice(close + 1, close + 4)) ? close : -1;
}

/** The quotation's last piece ends a sentence: `….”` */
export function endsSentence(text: string, part: QuotedPart): boolean {
  return /[.!?…]\s*$/.test(text.slice(Math.max(part.start, part.end - 3), part.end));
}

/**
 * The quotation ends with a full stop: `….” Residents told reporters that …` starts a new sentence.
 * A question or an exclamation is followed by its attribution in the same sentence (`“Who knows?”
 * Lee told the station`).
 */
export function endsWithStop(text: string, part: QuotedPart): boolean {
  return /[.…]\s*$/.test(text.slice(Math.max(part.start, part.end - 3), part.end));
}

/** "Mr. Obama's remarks", "the comments", "his call": a speech word used as a noun, not a verb. */
export function readsAsNoun(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.text;
  if (!before) return false;
  return /['’]s?$/u.test(before) || NOUN_DETERMINERS.has(before.toLowerCase());
}

/** `shot back`, `fired back`: a retort, reported like "replied". */
export function retorts(tokens: Token[], i: number): boolean {
  return BACK_VERBS.has(tokens[i]?.text ?? '') && tokens[i + 1]?.text === 'back';
}

/** "asked", "told": a form that can stand in a passive ("was asked by"). */
export function isParticipleOrPast(word: string): boolean {
  return /(?:ed|told|said|written|wrote)$/i.test(word);
}

/** The phrase's last word, a party label in parentheses aside ("Rep. Ann Lee (D-Ore.)"), is capitalised. */
export function endsInName(phrase: Token[]): boolean {
  let depth = 0;
  for (let i = phrase.length - 1; i >= 0; i--) {
    const t = phrase[i]!.text;
    if (t === ')') depth++;
    else if (t === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isWord(phrase[i]!)) return isCapitalised(t);
  }
  return false;
}

/** Ends in capitalised words that are not an organisation's ("Trump", "Ada Lind"; not "the Senate"). */
export function looksLikeName(phrase: Token[]): boolean {
  const last = phrase[phrase.length - 1]!.text;
  return isCapitalised(last) && !GROUP_NOUNS.has(last.toLowerCase()) && !isTitleWord(last);
}

/** Two or more capitalised words that read as a person's name ("Minyon Moore", not "United Federation of Teachers"). */
export function looksLikePersonPhrase(phrase: Token[]): boolean {
  const words = phrase.filter(isWord).map((t) => t.text);
  const tail = words.slice(-3);
  // Not "Of Carson" (a sentence opening with a preposition) nor "the Union".
  return (
    tail.length >= 2 &&
    tail.every((w) => isCapitalised(w) && !GROUP_NOUNS.has(w.toLowerCase()) && !OBJECT_PREPOSITIONS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w))
  );
}

export const isUpperWord = (word: string): boolean => /^\p{Lu}{2,}(?:['’]\p{Lu}*)?$/u.test(word);

/**
 * Where the phrase at `index` is the second half of a place (`of Columbia, South Carolina`,
 * `from Selby, Ohio`): the index of the "of", "from" or "in" that opens the place; else -1.
 */
export function placeBefore(tokens: Token[], index: number): number {
  if (tokens[index - 1]?.text !== ',') return -1;
  let k = index - 2;
  if (!tokens[k] || !isCapitalised(tokens[k]!.text)) return -1;
  while (k > 0 && isCapitalised(tokens[k - 1]!.text) && isWord(tokens[k - 1]!)) k--;
  if (!/^(?:of|from|in)$/.test(tokens[k - 1]?.text ?? '')) return -1;
  // A state closes with a comma (`from Selby, Ohio, says`) or follows a name (`Ann Lee of Selby, Ohio says`);
  // `during a breakfast in Selby, Lind wrote` names a person after the place.
  let end = index;
  while (end + 1 < tokens.length && isCapitalised(tokens[end + 1]!.text) && isWord(tokens[end + 1]!)) end++;
  return tokens[end + 1]?.text === ',' || isCapitalised(tokens[k - 2]?.text ?? '') ? k - 1 : -1;
}

/**
 * `according to X`: X; but `according to a court document filed by Ann Lee`, `according to
 * excerpts released by the Harbour Trust`: a document speaks for whoever it says wrote or released it.
 */
export function accordingTo(tokens: Token[], at: number): Cue | null {
  const verb = tokens[at]!;
  for (let k = at + 3; k < tokens.length && k < at + DOCUMENT_AUTHOR_TOKENS; k++) {
    const word = tokens[k]!.text.toLowerCase();
    if (!isWord(tokens[k]!)) break;
    if (word !== 'by') continue;
    const document = tokens.slice(at + 2, k).some((t) => AUTHORED_NOUNS.has(t.text.toLowerCase()) || FILED_PAPERS.has(t.text.toLowerCase()));
    const author = phraseForward(tokens, k + 1);
    // `filed by the Securities and Exchange Commission and a state`: a name the phrase cuts short, or two authors.
    const next = author.length ? tokens[tokens.indexOf(author[author.length - 1]!) + 1]?.text : undefined;
    if (document && author.length && endsInName(author) && next !== 'and' && next !== '&') return { phrase: author, verb };
    break;
  }
  const phrase = phraseForward(tokens, at + 2);
  return phrase.length ? { phrase, verb } : null;
}

export const cue = (found: Cue | null): Finding[] => (found ? [{ cue: found, via: 'cue' }] : []);
