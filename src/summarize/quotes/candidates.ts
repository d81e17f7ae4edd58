/**
 * Quotations from quoted spans: the pieces of one paragraph that make one quotation (a sentence
 * quoted around its attribution, fragments of one sentence), and the spans that are no
 * quotation at all (titles, names in scare quotes, short fragments).
 */
import { FRAGMENT_LINKS } from '../lexicon/index.js';
import { isCapitalised, isSpeechVerb, isWord } from '../speakers.js';
import { tokenize, type Token } from '../tokens.js';
import { findCue, hasOwnAttribution } from './after.js';
import { readsAsNoun } from './phrases.js';
import type { QuotedPart, QuotedSpan } from './spans.js';
import type { Candidate } from './types.js';
import { BETWEEN_PIECES_TOKENS, FRAGMENT_GAP_WORDS } from './windows.js';

/** A predicate: is this offset inside a quotation (for the subject finder)? */
export function insideQuotes(spans: QuotedSpan[]): (at: number) => boolean {
  const ranges: number[] = [];
  for (const span of spans) for (const part of span.parts) ranges.push(part.start, part.end);
  return (at) => {
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at < ranges[mid * 2]!) hi = mid - 1;
      else if (at >= ranges[mid * 2 + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** A word; a number written with separators ("3,210", "2.5") is one. */
const WORD = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+/gu;

function countWords(text: string, start: number, end: number): number {
  WORD.lastIndex = start;
  let n = 0;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) n++;
  return n;
}

/**
 * Pieces of one paragraph that make one quotation:
 * - a sentence quoted around its attribution: `“…affecting it,” said Caddell, a pollster. “Yesterday…”`
 *   (the first piece stops on a comma, a question or an exclamation, the words between are one
 *   attribution sentence with no second speech verb, and the next piece has no attribution of its own);
 * - fragments of one sentence: `called him “a liar” and “a bully”` (a few words between, no speech verb).
 * A new paragraph always starts a new quotation, unless the quotation runs on (see spans.ts).
 */
export function joinSplitQuotes(text: string, spans: QuotedSpan[], paragraphs: { start: number; end: number }[]): Candidate[] {
  const out: Candidate[] = [];
  // Text whose commas were stripped ("230000", `"…" he said`) is read without trusting a missing comma.
  const punctuated = text.includes(', ');
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    const words = span.parts.reduce((n, p) => n + countWords(text, p.start, p.end), 0);
    const candidate: Candidate = { parts: [...span.parts], words, full: false, speaker: null, role: '', via: 'none' };
    // A show or a paper named in the attribution (`,” Cuban said on NBC’s “Meet the Press.” “…`) stands between the pieces.
    let k = out.length - 1;
    while (k > 0 && out[k]!.parts[0]!.paragraph === candidate.parts[0]!.paragraph && isNamedTitle(text, out[k]!)) k--;
    const last = out[k];
    if (last && !isNamedTitle(text, candidate)) {
      const tail = last.parts[last.parts.length - 1]!;
      const head = candidate.parts[0]!;
      if (
        tail.close >= 0 &&
        head.open >= 0 &&
        tail.paragraph === head.paragraph &&
        continuesQuotation(text, tail, head, candidate.parts, paragraphs, punctuated)
      ) {
        last.parts.push(...candidate.parts);
        last.words += candidate.words;
        continue;
      }
    }
    out.push(candidate);
  }
  return out;
}

/** One short piece whose every main word is capitalised: a title or a name (`“Meet the Press.”`), not speech. */
function isNamedTitle(text: string, candidate: Candidate): boolean {
  return candidate.parts.length === 1 && candidate.words <= 8 && isCapitalisedRun(text, candidate.parts[0]!);
}

function continuesQuotation(
  text: string,
  tail: QuotedPart,
  head: QuotedPart,
  next: QuotedPart[],
  paragraphs: { start: number; end: number }[],
  punctuated: boolean,
): boolean {
  const between = text.slice(tail.close + 1, head.open);
  if (between.length > 400) return false;
  // Cheap tests first: fragments are a few words apart; an attribution follows a piece that leaves its sentence open
  // (a comma, a question or an exclamation, also inside a closing single mark: `‘I’m very busy,’”`).
  const tailEnd = text.slice(Math.max(tail.start, tail.end - 3), tail.end);
  const leavesOpen = /[,?!]['’]?\s*$/.test(tailEnd) || /^\s*,/.test(between);
  // A fragment stops mid-sentence, with no mark before its closing one: `called it “a tax” on “working families”`
  // (in text whose commas were stripped, a missing mark says nothing).
  const fragment = punctuated && /[\p{L}\p{N}]['’]?$/u.test(tailEnd);
  if (!leavesOpen && between.length > (fragment ? 100 : 40)) return false;
  const tokens = tokenize(text, tail.close + 1, head.open, { pattern: 'names', limit: BETWEEN_PIECES_TOKENS });
  const words = tokens.filter(isWord);
  if (words.length === 0) return false;
  const speech = words.filter((t) => isSpeechVerb(t.text) && !isCapitalised(t.text)).length;
  // A sentence ends inside (abbreviations such as "Mr." are single tokens).
  const lastWord = tokens.lastIndexOf(words[words.length - 1]!);
  // "(D-Mo.)", "D-S.C.": periods of abbreviations are followed by a mark or a letter, not a space.
  const sentenceEnds = tokens.some((t, i) => i < lastWord && (t.text === '.' || t.text === '!' || t.text === '?') && /\s/.test(text.charAt(t.end)));
  // Fragments of one sentence: `“a liar” and “a bully”`, `“a tax” on “working families”`, with no speech verb
  // between (not names: `the “Northern Circle” met at the “Summit Hall”`).
  const linked = words.length <= 4 && FRAGMENT_LINKS.has(words[0]!.text.toLowerCase());
  if (speech === 0 && !sentenceEnds && !/[;:]/.test(between) && (linked || (fragment && words.length <= FRAGMENT_GAP_WORDS))) {
    return !isCapitalisedRun(text, tail) && !isCapitalisedRun(text, head);
  }
  // Around an attribution: the first piece leaves its sentence open and the words between are one sentence.
  if (!leavesOpen || sentenceEnds) return false;
  const first = tokens.findIndex(isWord);
  if (!tokens.slice(0, first).every((t) => /^[,—–-]$/.test(t.text))) return false;
  const found = findCue(tokens, first);
  if (found === null) return false;
  // `…,” he said, “but…`: the sentence goes on; `…,” he said, adding, “…`: the second verb reports new speech.
  if (/[,:]\s*$/.test(between)) return !reportsMoreSpeech(tokens, tokens.indexOf(found.verb) + 1);
  // `…,” he said in a call, noting that …. “…”`: the attribution's sentence ends and the quotation goes on,
  // unless the next piece has an attribution of its own.
  return !hasOwnAttribution(text, next[next.length - 1]!, paragraphs);
}

/** A speech verb after the attribution's own (`, adding`, `and later told`), not a noun (`in her remarks`). */
function reportsMoreSpeech(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i++)
    if (isSpeechVerb(tokens[i]!.text) && !isCapitalised(tokens[i]!.text) && !readsAsNoun(tokens, i)) return true;
  return false;
}

/** Titles, names in scare quotes and fragments are not quotations; speech is. */
export function isQuotation(text: string, candidate: Candidate): boolean {
  const first = candidate.parts[0]!;
  // `“http://video.example.com”`, `pic.example.com/x" author="…`: an address or markup, not words said.
  if (/^\s*(?:https?:\/\/|www\.)\S*\s*$|\w="/u.test(text.slice(first.start, first.end))) return false;
  candidate.full = startsStatement(text, first);
  if (candidate.words >= 4) return !looksLikeTitle(text, candidate);
  // Short speech: a whole statement with its attribution right after ("No way,” he said).
  if (candidate.words < 2 || !candidate.full || first.close < 0) return false;
  return /^[,!?]?\s*["”]?[,\s]*(?:\p{Ll}+\s+)?(?:said|says|added|told|asked|replied)\b/u.test(text.slice(first.close - 1, first.close + 40));
}

/** Opens a sentence: at the paragraph start, or after a colon or a sentence end, with a capital. */
export function startsStatement(text: string, part: QuotedPart): boolean {
  const firstChar = text.charAt(part.start);
  if (!/[\p{Lu}\d‘'…]/u.test(firstChar)) return false;
  const before = text.slice(Math.max(0, part.open - 3), Math.max(0, part.open)).trimEnd();
  return before === '' || /[.!?:,;—–\n]$/.test(before) || part.open <= 0;
}

/** “The Wall Street Journal”, “Make America Great Again”: every main word capitalised, no sentence. */
function looksLikeTitle(text: string, candidate: Candidate): boolean {
  if (candidate.parts.length > 1 || candidate.words > 8) return false;
  const part = candidate.parts[0]!;
  // A sentence's end says speech; a comma does not (`on “The Morning Show,” she said`).
  if (/[.!?;:]\s*$/.test(text.slice(part.start, part.end)) && candidate.words > 3) return false;
  return isCapitalisedRun(text, part);
}

/** Every main word of the piece is capitalised: a name or a title. */
function isCapitalisedRun(text: string, part: QuotedPart): boolean {
  const words = text.slice(part.start, part.end).match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|a|an|in|on|for|to|at|by|with|or|from|is|vs)$/.test(w));
}
