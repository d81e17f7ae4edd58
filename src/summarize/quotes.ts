import { bodyParagraphs, type Article } from '../article/types.js';
import {
  BACK_VERBS,
  CAPITALISED_STOPS,
  FILED_PAPERS,
  FRAGMENT_LINKS,
  GROUP_NOUNS,
  LIKELY_VERBS,
  MEDIUM_PREPOSITIONS,
  NOUN_DETERMINERS,
  OBJECT_PREPOSITIONS,
  ORGANISATION_LINKS,
  TRAILING_PREPOSITIONS,
} from './lexicon/index.js';
import { isTitleWord, NameIndex, namePieces } from './names.js';
import { bareApposition, composeRole, introducedRole, isRoleNoun, namesOffice, roleAfter, titleText } from './quotes/roles.js';
import { findQuotedSpans, type QuotedPart, type QuotedSpan } from './quotes/spans.js';
import type { Sentence } from './sentences.js';
import {
  DASHES,
  firstPerson,
  describesSomeone,
  isAuxiliary,
  isCapitalised,
  isNameWord,
  isParticiple,
  takesObject,
  ADVERBIAL_OPENERS,
  isWord,
  isSpeechVerb,
  PRONOUNS,
  phraseBackward,
  phraseForward,
  resolvePhrase,
  sentenceIndex,
  tokenize,
  type Mention,
  type SpeakerContext,
  type Token,
} from './speakers.js';
import type { Quote, TextSpan } from './types.js';

/** A quotation being resolved: its parts, then its attribution and speaker. */
interface Candidate {
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

const KEY_QUOTES = 3;

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

/** The end of the paragraph that holds an offset (the text's end when none does). */
function paragraphEnd(paragraphs: { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return p.end;
  }
  return at;
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

/** A predicate: is this offset inside a quotation (for the subject finder)? */
function insideQuotes(spans: QuotedSpan[]): (at: number) => boolean {
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
function joinSplitQuotes(text: string, spans: QuotedSpan[], paragraphs: { start: number; end: number }[]): Candidate[] {
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
  const tokens = tokenize(text, tail.close + 1, head.open, 80);
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
  if (speech === 0 && !sentenceEnds && !/[;:]/.test(between) && (linked || (fragment && words.length <= 12))) {
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

/**
 * The attribution right after a quoted piece: `,” she said.` or `” ― Name`; after a piece that
 * ends its sentence, only one that ends soon too (`.” Reid said both men were …` is a new sentence).
 */
function hasOwnAttribution(text: string, part: QuotedPart, paragraphs: { start: number; end: number }[]): boolean {
  if (part.close < 0) return false;
  const paragraphEnd = paragraphs[part.paragraph]!.end;
  const until = nextMarkOrEnd(text, part.close + 1, paragraphEnd);
  const tokens = tokenize(text, part.close + 1, until, SHORT_ATTRIBUTION_TOKENS);
  const first = tokens.findIndex(isWord);
  if (first < 0) return false;
  if (first === 1 && DASHES.test(tokens[0]!.text)) return true;
  if (!tokens.slice(0, first).every((t) => /^[,.;:—–-]$/.test(t.text))) return false;
  const found = findCue(tokens, first);
  if (found === null) return false;
  return !endsSentence(text, part) || opensAttribution(tokens[first]!.text) || attributionEndsSoon(tokens, found, until < paragraphEnd);
}

/** `.” she said`, `!” said Ann Lee`: a lower-case verb or a pronoun goes on the quotation's sentence. */
function opensAttribution(word: string): boolean {
  return !isCapitalised(word) && (isSpeechVerb(word) || PRONOUNS.has(word));
}

/** Titles, names in scare quotes and fragments are not quotations; speech is. */
function isQuotation(text: string, candidate: Candidate): boolean {
  const first = candidate.parts[0]!;
  candidate.full = startsStatement(text, first);
  if (candidate.words >= 4) return !looksLikeTitle(text, candidate);
  // Short speech: a whole statement with its attribution right after ("No way,” he said).
  if (candidate.words < 2 || !candidate.full || first.close < 0) return false;
  return /^[,!?]?\s*["”]?[,\s]*(?:\p{Ll}+\s+)?(?:said|says|added|told|asked|replied)\b/u.test(text.slice(first.close - 1, first.close + 40));
}

/** Opens a sentence: at the paragraph start, or after a colon or a sentence end, with a capital. */
function startsStatement(text: string, part: QuotedPart): boolean {
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

/** Speech verb (or "according to") in tokens, starting a cue at `from`: returns the speaker phrase. */
interface Cue {
  phrase: Token[];
  verb: Token;
  /** Found without a speech verb next to it (a sentence's subject, a name before the quotation): the name must be one the article writes as a name. */
  weak?: boolean;
}

/**
 * An attribution that starts at tokens[from]: "said Caddell", "he said", "British Foreign
 * Secretary William Hague told", "according to the Observatory".
 */
function findCue(tokens: Token[], from: number): Cue | null {
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
      while (k < tokens.length && k < j + 16 && tokens[k]!.text !== ',' && !(tokens[k]!.text === '.' && tokens[k + 1]?.text !== ',')) k++;
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
 * `according to X`: X; but `according to a court document filed by Ann Lee`, `according to
 * excerpts released by the Harbour Trust`: a document speaks for whoever it says wrote or released it.
 */
function accordingTo(tokens: Token[], at: number): Cue | null {
  const verb = tokens[at]!;
  for (let k = at + 3; k < tokens.length && k < at + 12; k++) {
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

/** The quotation's last piece ends a sentence: `….”` */
function endsSentence(text: string, part: QuotedPart): boolean {
  return /[.!?…]\s*$/.test(text.slice(Math.max(part.start, part.end - 3), part.end));
}

/**
 * The quotation ends with a full stop: `….” Residents told reporters that …` starts a new sentence.
 * A question or an exclamation is followed by its attribution in the same sentence (`“Who knows?”
 * Lee told the station`).
 */
function endsWithStop(text: string, part: QuotedPart): boolean {
  return /[.…]\s*$/.test(text.slice(Math.max(part.start, part.end - 3), part.end));
}

/** After the verb, the attribution's sentence ends within a few words and reports nothing more. */
function attributionEndsSoon(tokens: Token[], cue: Cue, runsIntoQuote: boolean): boolean {
  const from = Math.max(tokens.indexOf(cue.verb), tokens.indexOf(cue.phrase[cue.phrase.length - 1]!)) + 1;
  for (let i = from; i < tokens.length && i < from + 9; i++) {
    const t = tokens[i]!.text;
    if (t === '.' || t === '!' || t === '?' || t === ';') return true;
    if (t.toLowerCase() === 'that') return false;
  }
  // `.” The Agency said North Korea had shown “…”`: that clause introduces the next quotation.
  return !runsIntoQuote && tokens.length - from <= 8;
}

/**
 * Where the phrase at `index` is the second half of a place (`of Columbia, South Carolina`,
 * `from Selby, Ohio`): the index of the "of", "from" or "in" that opens the place; else -1.
 */
function placeBefore(tokens: Token[], index: number): number {
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

/** "asked", "told": a form that can stand in a passive ("was asked by"). */
function isParticipleOrPast(word: string): boolean {
  return /(?:ed|told|said|written|wrote)$/i.test(word);
}

/** "Mr. Obama's remarks", "the comments", "his call": a speech word used as a noun, not a verb. */
function readsAsNoun(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.text;
  if (!before) return false;
  return /['’]s?$/u.test(before) || NOUN_DETERMINERS.has(before.toLowerCase());
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

/** `shot back`, `fired back`: a retort, reported like "replied". */
function retorts(tokens: Token[], i: number): boolean {
  return BACK_VERBS.has(tokens[i]?.text ?? '') && tokens[i + 1]?.text === 'back';
}

/** The phrase's last word, a party label in parentheses aside ("Rep. Ann Lee (D-Ore.)"), is capitalised. */
function endsInName(phrase: Token[]): boolean {
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
function looksLikeName(phrase: Token[]): boolean {
  const last = phrase[phrase.length - 1]!.text;
  return isCapitalised(last) && !GROUP_NOUNS.has(last.toLowerCase()) && !isTitleWord(last);
}

/** Two or more capitalised words that read as a person's name ("Minyon Moore", not "United Federation of Teachers"). */
function looksLikePersonPhrase(phrase: Token[]): boolean {
  const words = phrase.filter(isWord).map((t) => t.text);
  const tail = words.slice(-3);
  // Not "Of Carson" (a sentence opening with a preposition) nor "the Union".
  return (
    tail.length >= 2 &&
    tail.every((w) => isCapitalised(w) && !GROUP_NOUNS.has(w.toLowerCase()) && !OBJECT_PREPOSITIONS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w))
  );
}

/** A speech verb later in the clause after a quotation, with its subject right before it. */
function laterCue(tokens: Token[]): Cue | null {
  for (let i = 1; i < tokens.length && i < 40; i++) {
    const t = tokens[i]!.text;
    if (t === '.' || t === '!' || t === '?' || t === '“' || t === '"') return null;
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

/** The sentence that holds an offset. */
function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** What a rule finds for a quotation: an attribution to resolve, or the previous quotation's speaker carried on. */
type Finding = { cue: Cue; via: 'cue' | 'subject' } | { continues: Candidate };

/** Everything a rule may read about the quotation it attributes. */
interface QuotationContext {
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

/** The rules in the order docs/quotes.md gives them: the first that names a speaker wins. */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  { name: 'attribution after the quotation', find: cuesAfter },
  { name: 'attribution before it, in its sentence', find: cueBeforeInSentence },
  { name: 'a lead-in paragraph ending in a colon', find: leadIn },
  { name: 'the sentence before names who speaks', find: sentenceBefore },
  { name: 'continues the previous quotation', find: continuation },
  { name: 'the subject of its sentence', find: sentenceSubjectSpeaks },
];

function attribute(
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
    // `the senator said`: the quotation is someone's whom the story does not name here; no one else's.
    if (!describesSomeone(cue.phrase)) return false;
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

const cue = (found: Cue | null): Finding[] => (found ? [{ cue: found, via: 'cue' }] : []);

/** Between the parts of a split quote, then after the closing mark: `,” he said.`, `” ― Name`. */
function* cuesAfter({ text, paragraphs, candidate }: QuotationContext): Iterable<Finding> {
  yield* cue(signedLastParagraph(text, paragraphs, candidate));
  for (let i = 0; i < candidate.parts.length; i++) {
    const part = candidate.parts[i]!;
    if (part.close < 0) continue;
    const next = candidate.parts[i + 1];
    const until = next && next.paragraph === part.paragraph ? next.open : nextMarkOrEnd(text, part.close + 1, paragraphs[part.paragraph]!.end);
    // Most attributions are a few words; read further only when they are not.
    let tokens = tokenize(text, part.close + 1, until, SHORT_ATTRIBUTION_TOKENS);
    const firstWord = tokens.findIndex((t) => /^[\p{L}\p{N}]/u.test(t.text));
    // An epigraph's dash: `” ― Pamela Padilla`, or a signature line of its own after the quotation's paragraph.
    const signed = signature(tokens);
    if (signed) yield { cue: signed, via: 'cue' };
    else if (firstWord < 0 && !next && part.paragraph + 1 < paragraphs.length) {
      const line = paragraphs[part.paragraph + 1]!;
      const below = signature(tokenize(text, line.start, line.end, SHORT_ATTRIBUTION_TOKENS));
      if (below) yield { cue: below, via: 'cue' };
    }
    // Only punctuation may stand between the mark and the attribution. After a quotation that
    // ends its sentence, the attribution must end soon too (`.” he said.`, not `.” Camp
    // residents told Reuters that …`).
    if (firstWord < 0 || !tokens.slice(0, firstWord).every((t) => /^[,.;:—–-]$/.test(t.text))) continue;
    // `“…,” and Lee vowed to “…”`: a clause with a new named subject that introduces the next quotation.
    const newSubject = /^(?:and|but)$/.test(tokens[firstWord]!.text) && isCapitalised(tokens[firstWord + 1]?.text ?? '');
    if (newSubject && introducesNext(text, part.close + 1, until)) continue;
    let found = findCue(tokens, firstWord);
    if (!found && tokens.length === SHORT_ATTRIBUTION_TOKENS) {
      tokens = tokenize(text, part.close + 1, until, LONG_ATTRIBUTION_TOKENS);
      found = findCue(tokens, firstWord);
    }
    const runsIntoQuote = until < paragraphs[part.paragraph]!.end && !(next && next.paragraph === part.paragraph);
    const goesOn = opensAttribution(tokens[firstWord]!.text);
    if (found && (!endsWithStop(text, part) || goesOn || attributionEndsSoon(tokens, found, runsIntoQuote))) yield { cue: found, via: 'cue' };
    // `,” Lee barked.`, `?” Lee started, as …`: after a quotation left open, a name and any verb in
    // the past that ends the clause report how it was said.
    if (!found && !endsWithStop(text, part)) yield* cue(mannerCue(tokens, firstWord));
    // `” held by the Islamic State group the Syrian Observatory for Human Rights said.`
    if (!found && !endsSentence(text, part)) yield* cue(laterCue(tokens));
  }
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
  const tokens = tokenize(text, line.start, line.end, SHORT_ATTRIBUTION_TOKENS);
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

/** Before the opening mark, in the same sentence: `Kerry said: “`, `the group said that once … “`. */
function* cueBeforeInSentence({ text, sentences, paragraphs, first, previous }: QuotationContext): Iterable<Finding> {
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

/** A paragraph that ends in a colon introduces the quotation: `Caddell continued:`, `Sanders made this comment:`. */
function* leadIn({ text, sentences, paragraphs, first }: QuotationContext): Iterable<Finding> {
  if (first.open !== paragraphs[first.paragraph]?.start || first.paragraph === 0) return;
  const before = paragraphs[first.paragraph - 1]!;
  if (!/:\s*$/.test(text.slice(before.end - 2, before.end))) return;
  const sentence = sentenceAt(sentences, before.end - 1);
  yield* cue(cueBefore(text, sentences, sentence?.start ?? before.start, before.end, null, true));
  // `Sanders made the following comment:`: the lead-in's subject.
  const subject = sentenceSubject(tokenize(text, sentence?.start ?? before.start, before.end, 60));
  if (subject.length && isCapitalised(subject[0]!.text)) yield* cue({ phrase: subject, verb: subject[subject.length - 1]!, weak: true });
}

/** `…, Schiff said. “The other factor …”`: the sentence before names who speaks. */
function* sentenceBefore({ speakers, text, paragraphs, candidate, first, previous }: QuotationContext): Iterable<Finding> {
  if (first.open < 0) return;
  yield* cue(sentenceCue(speakers, paragraphs, first, previous));
  // Only for a quotation with no attribution at all: one the rules could not read (`” SANA quoted
  // a source as saying`, `,” one user wrote`) is someone else's.
  if (candidate.parts.some((part) => attributedAfter(text, part, paragraphs))) return;
  const spoke = subjectSpokeBefore(speakers, paragraphs, first, previous);
  if (spoke) yield { cue: spoke, via: 'subject' };
}

/** A speech verb or "according to" in the words after a quoted piece, up to the next quotation mark. */
function attributedAfter(text: string, part: QuotedPart, paragraphs: { start: number; end: number }[]): boolean {
  if (part.close < 0) return false;
  const tokens = tokenize(text, part.close + 1, nextMarkOrEnd(text, part.close + 1, paragraphs[part.paragraph]!.end), SHORT_ATTRIBUTION_TOKENS);
  return tokens.some((t) => (isSpeechVerb(t.text) && !isCapitalised(t.text)) || t.text.toLowerCase() === 'according');
}

/** A quotation that carries on from the previous one (same paragraph, or the next one), unless someone else is named in between. */
function continuation({ speakers, text, paragraphs, first, previous }: QuotationContext): Finding[] {
  if (!previous?.speaker) return [];
  const tail = previous.parts[previous.parts.length - 1]!;
  const near = tail.paragraph === first.paragraph || (tail.paragraph === first.paragraph - 1 && first.open === paragraphs[first.paragraph]?.start);
  if (!near) return [];
  const from = Math.max(tail.close + 1, previous.attribution?.end ?? 0);
  // Only words between the two can name someone new (`…,” he said. “…` has none worth reading).
  const other =
    tail.close >= 0 && first.open > from + 3 && /[.!?]["”’]?\s+\p{Lu}/u.test(text.slice(from, first.open))
      ? firstPerson(speakers, from, first.open)
      : null;
  return !other || other.name === previous.speaker.name ? [{ continues: previous }] : [];
}

/**
 * The subject of the sentence the quotation stands in, when a name opens that sentence (`Pew
 * found that “…”`). A person merely named nearby is too weak a sign: no speaker then.
 */
function sentenceSubjectSpeaks({ text, sentences, paragraphs, first }: QuotationContext): Finding[] {
  const sentence = sentenceAt(sentences, first.start);
  const opening = first.open >= 0 ? first.open : first.start;
  if (!sentence || sentence.start >= opening) return [];
  let phrase = sentenceSubject(tokenize(text, sentence.start, opening, 60));
  if (phrase.length === 0 && /^\s*(?:Read|See|Watch|Click|Listen)\b/u.test(text.slice(sentence.start, opening))) {
    // `… expressed the same dismay. Read more on its website “…”`: a subjectless line goes on
    // about the person who opens the sentence before it, in the same paragraph.
    const before = sentences[sentenceIndex(sentences, sentence.start) - 1];
    if (before && before.start >= paragraphs[first.paragraph]!.start) phrase = sentenceSubject(tokenize(text, before.start, before.end, 60));
  }
  const tokens = tokenize(text, sentence.start, opening, 60);
  // `It has become so common that Lee thanked them “…”`: after an empty "it", the "that" clause's subject.
  if (phrase.length === 1 && /^(?:it|there)(?:['’]s)?$/i.test(phrase[0]!.text)) phrase = thatClauseSubject(tokens);
  if (phrase.length === 0 || !isCapitalised(phrase[0]!.text) || PRONOUNS.has(phrase[0]!.text.toLowerCase())) return [];
  // `The Lind campaign ad says …`: an ad, a report or a letter speaks for whoever it names.
  const author = authorOf(phrase);
  if (author.length) return [{ cue: { phrase: author, verb: author[author.length - 1]! }, via: 'subject' }];
  if (WEAK_SUBJECTS.some((rule) => rule.test(phrase, tokens))) return [];
  return [{ cue: { phrase, verb: phrase[phrase.length - 1]! }, via: 'subject' }];
}

const isUpperWord = (word: string): boolean => /^\p{Lu}{2,}(?:['’]\p{Lu}*)?$/u.test(word);

/**
 * Sentence subjects too weak to name who speaks the quotation in their sentence: nothing says
 * they said it, so a wrong name is likelier than a right one. Each rule reads the subject phrase
 * and the sentence's tokens up to the quotation.
 */
export const WEAK_SUBJECTS: readonly { name: string; test: (phrase: Token[], sentence: Token[]) => boolean }[] = [
  {
    // `OBAMA’S LAST STATE OF THE UNION “…”`: a heading, not a sentence with a subject.
    name: 'a heading in capitals',
    test: (_phrase, sentence) => {
      const words = sentence.filter(isWord).slice(0, 2);
      return words.length === 2 && words.every((t) => isUpperWord(t.text)) && words.some((t) => t.text.length >= 4);
    },
  },
  {
    // `Ann Lee's biographers wrote that she “…”`: the possessor is not the one who writes
    // (unless what is hers are her words: `Lee's remarks called it “…”`).
    name: 'a possessor',
    test: (phrase, sentence) =>
      /['’]s?$/.test(phrase[phrase.length - 1]!.text) && !AUTHORED_NOUNS.has(sentence[following(sentence, phrase)]?.text ?? ''),
  },
  {
    // `The Lind ad accuses Moss of “…”`, `Two local analysts found …`: a name or number
    // describing a thing or an unnamed crowd; the thing is no speaker the article names.
    name: 'a name that describes a thing',
    test: (phrase) =>
      phrase.some((t, k) => {
        const next = phrase[k + 1];
        if (!next || !isCapitalised(t.text) || (k === 0 && NOUN_DETERMINERS.has(t.text.toLowerCase()))) return false;
        const head = next.text.toLowerCase();
        return /^\p{Ll}+$/u.test(next.text) && !NAME_LINKS.has(head) && !NOUN_DETERMINERS.has(head) && !GROUP_NOUNS.has(head) && !isRoleNoun(head);
      }),
  },
  {
    // `What the mayor called “…”`: a question word opens a clause, not a subject.
    name: 'a question word',
    test: (phrase) => QUESTION_WORDS.has(phrase[0]!.text.toLowerCase()),
  },
  {
    // `Ada Lind and her former aide Tom Voss told …`: two people, and no telling whose words these are.
    name: 'two people',
    test: (phrase, sentence) => {
      const after = following(sentence, phrase);
      return after > 0 && /^(?:and|&)$/.test(sentence[after]?.text ?? '') && sentence.slice(after + 1, after + 6).some((t) => isCapitalised(t.text));
    },
  },
];

/** `One Club for Growth ad` → `Club for Growth`: the name before a written or broadcast message's noun. */
function authorOf(phrase: Token[]): Token[] {
  const head = phrase.findIndex((t, k) => k > 0 && AUTHORED_NOUNS.has(t.text) && isCapitalised(phrase[k - 1]!.text));
  if (head < 0) return [];
  let from = 0;
  while (from < head && (NOUN_DETERMINERS.has(phrase[from]!.text.toLowerCase()) || NUMBER_WORDS.has(phrase[from]!.text.toLowerCase()))) from++;
  const name = phrase.slice(from, head);
  if (!name.length || !name.every((t) => isCapitalised(t.text) || NAME_LINKS.has(t.text))) return [];
  // `Lind’s remarks` reads as Lind only with its noun.
  return /['’]s?$/.test(name[name.length - 1]!.text) ? phrase.slice(from, head + 1) : name;
}

/** Things that speak for their author: `the Rove ad`, `a Pew report`, `Lind's remarks`. */
const AUTHORED_NOUNS = new Set([
  'comments',
  'remarks',
  'words',
  'speech',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'commercial',
  'spot',
  'video',
  'report',
  'statement',
  'letter',
  'memo',
  'release',
  'poll',
  'survey',
  'study',
  'website',
  'tweet',
  'post',
  'editorial',
  'book',
  'paper',
  'page',
  'profile',
  'account',
  'feed',
  'blog',
]);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'new', 'latest', 'recent', 'another']);

/** The index of the sentence token right after a phrase read from it; 0 when it is not there. */
function following(sentence: Token[], phrase: Token[]): number {
  const end = phrase[phrase.length - 1]!.end;
  return sentence.findIndex((t) => t.end === end) + 1;
}

/** Lower-case words inside names: "Jan van Dijk", "Bank of England", "Abd al Rahman". */
const NAME_LINKS = new Set([
  'of',
  'and',
  'de',
  'del',
  'della',
  'da',
  'do',
  'dos',
  'du',
  'des',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'y',
  'e',
  'for',
  'on',
  'the',
]);
const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'how', 'why', 'when', 'where', 'whatever', 'whoever']);

/**
 * How many tokens after a closing mark are read for its attribution: most are a few words
 * (`,” said Ann Lee, a nurse.`); a long apposition is read only when the short look finds none.
 */
const SHORT_ATTRIBUTION_TOKENS = 24;
const LONG_ATTRIBUTION_TOKENS = 48;

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
  const from = Math.max(sentence.start, sentence.end - 200);
  const tokens = tokenize(text, from, Math.min(sentence.end, first.open));
  let end = tokens.length;
  while (end > 0 && !isWord(tokens[end - 1]!)) end--;
  for (let i = end - 1; i >= 0 && i >= end - 8; i--) {
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
  const tokens = tokenize(context.text, sentence.start, Math.min(sentence.end, first.open), 60);
  const subject = sentenceSubject(tokens);
  if (subject.length === 0) return null;
  let i = tokens.indexOf(subject[subject.length - 1]!) + 1;
  while (i < tokens.length && isAuxiliary(tokens[i]!.text)) i++;
  const verb = tokens[i];
  if (!verb || !isSpeechVerb(verb.text) || isCapitalised(verb.text) || isParticiple(verb.text) || takesObject(verb.text)) return null;
  return { phrase: subject, verb, weak: true };
}

function nextMarkOrEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) return i;
  }
  return end;
}

/**
 * The subject of a sentence's main clause: its first phrase, or the first after an opening
 * adverbial clause ("Reached by phone, Bennett denied …", "Sooner or later, the governor told …").
 */
function sentenceSubject(tokens: Token[]): Token[] {
  const phrase = openingSubject(tokens);
  // "Trump and Ryan issued a statement": two subjects, and no telling whose words these are.
  const after = phrase.length ? tokens.indexOf(phrase[phrase.length - 1]!) + 1 : -1;
  if (after > 0 && /^(?:and|&)$/.test(tokens[after]?.text ?? '') && isCapitalised(tokens[after + 1]?.text ?? '')) return [];
  // "Dale was asked by host Ruth Penn": the subject is the one spoken to.
  if (
    after > 0 &&
    /^(?:was|were|is|are|being|been)$/.test(tokens[after]?.text ?? '') &&
    /^(?:asked|told|questioned|pressed|urged)$/.test(tokens[after + 1]?.text ?? '')
  )
    return [];
  return phrase;
}

const SENTENCE_LINKS = new Set(['and', 'but', 'so', 'yet', 'then', 'still', 'now', 'here', 'later', 'earlier', 'also']);

/** How long a second opening clause may run before the subject: `On Monday, after a long and quiet spring, Lee …`. */
const OPENING_CLAUSE_TOKENS = 12;

function openingSubject(tokens: Token[]): Token[] {
  let first = tokens.findIndex(isWord);
  if (first < 0) return [];
  // "And then Trump went …", "Now Lee, the mayor, …", "Here in Selby, Lee …": a word that links to the sentence before.
  while (first + 1 < tokens.length && SENTENCE_LINKS.has(tokens[first]!.text.toLowerCase()) && isWord(tokens[first + 1]!)) first++;
  const head = tokens[first]!.text;
  // "Reached by phone, …", "Finally, …" open a clause; "Carly Fiorina" opens a name.
  const nextWord = tokens[first + 1]?.text ?? '';
  const namedNext = isCapitalised(nextWord) && !isUpperWord(nextWord) && isWord(tokens[first + 1]!) && !CAPITALISED_STOPS.has(nextWord.toLowerCase());
  // "Husted continued …", "Boreing said": a name ending like a participle, followed by its verb ("Reached by phone" is not).
  const verbNext = (/^\p{Ll}+ed$/u.test(nextWord) || isSpeechVerb(nextWord)) && !isParticiple(nextWord);
  const opensAdverbial =
    !isCapitalised(head) || (/(?:ing|ed|ly)$/.test(head) && !namedNext && !verbNext) || ADVERBIAL_OPENERS.has(head.toLowerCase());
  if (!opensAdverbial) return phraseForward(tokens, first);
  // The subject follows the opening clause's last comma: `At a rally in Selby, Ohio, on Friday, Vance …`.
  let comma = tokens.findIndex((t, k) => k > first && t.text === ',');
  if (comma < 0 || comma > first + 16) return [];
  for (let more = 0; more < 3; more++) {
    let from = comma + 1;
    while (from < tokens.length && !isWord(tokens[from]!)) from++; // `“Face the Nation,” Ryan …`
    const phrase = phraseForward(tokens, from);
    const after = phrase.length ? tokens[tokens.indexOf(phrase[phrase.length - 1]!) + 1] : undefined;
    // A name with its apposition ("Mara Lind, the mayor,") is the subject; a place ("Selby, Ohio,") is not.
    const capitals = phrase.filter((t) => isCapitalised(t.text)).length;
    if (capitals >= 2 || (after?.text !== ',' && capitals > 0)) return phrase;
    if (phrase.length === 1 && PRONOUNS.has(phrase[0]!.text.toLowerCase())) return phrase;
    // `Following a swiftly called, late-afternoon meeting, the Council …`: the clause goes on.
    if (after?.text !== ',' && !tokens.some((t, k) => k > comma && k <= comma + OPENING_CLAUSE_TOKENS && t.text === ',')) return phrase;
    const next = tokens.findIndex((t, k) => k > comma && t.text === ',');
    if (next < 0 || next > comma + OPENING_CLAUSE_TOKENS) return phrase;
    comma = next;
  }
  return [];
}

/**
 * The attribution before an opening mark, within its sentence: the last speech verb there,
 * with the phrase before it (or after it: `said Kerry: “`). A participle ("saying") takes the
 * sentence's subject.
 */
function cueBefore(text: string, sentences: Sentence[], paragraphStart: number, open: number, previous: Candidate | null, colon = false): Cue | null {
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
 * Words after a speech verb that only say where, when or how it was said: `in a statement`,
 * `on Monday`, `to reporters` (after "said", not "told": there the listener follows).
 */
function trailingAdverbial(tail: Token[], verb: string): boolean {
  if (tail.length === 0 || tail.length > 6 || !tail.every(isWord)) return false;
  const first = tail[0]!.text.toLowerCase();
  return TRAILING_PREPOSITIONS.has(first) || (first === 'to' && !takesObject(verb));
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

/** The subject of the first "that" clause whose subject is named: `It is clear that Ann Lee …` → Ann Lee. */
function thatClauseSubject(tokens: Token[]): Token[] {
  const that = tokens.findIndex((t, k) => t.text.toLowerCase() === 'that' && isCapitalised(tokens[k + 1]?.text ?? ''));
  return that < 0 ? [] : sentenceSubject(tokens.slice(that + 1));
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

/**
 * Ranks the quotations: a named speaker, a full statement of substance, early in the story.
 * The key ones come from distinct speakers.
 */
function rank(text: string, candidates: Candidate[], paragraphCount: number): Quote[] {
  const scored = candidates.map((candidate, order) => {
    const first = candidate.parts[0]!;
    const last = candidate.parts[candidate.parts.length - 1]!;
    const start = first.start;
    const end = trimmedEnd(text, last.end);
    let score = 0;
    if (candidate.speaker) score += candidate.via === 'cue' ? 3 : 1.5;
    if (candidate.full) score += 1.5;
    score += Math.min(candidate.words, 20) / 10; // up to 2: beyond twenty words, length adds nothing
    if (candidate.words > 60) score -= 1;
    score += 1.5 * (1 - first.paragraph / Math.max(1, paragraphCount));
    const quote: Quote = {
      text: text.slice(start, end),
      start,
      end,
      speaker: candidate.speaker?.name ?? null,
      key: false,
      rank: 0,
    };
    if (candidate.speaker && candidate.role) quote.speakerRole = candidate.role;
    if (candidate.attribution) quote.attribution = candidate.attribution;
    if (candidate.parts.length > 1)
      quote.parts = candidate.parts.map((p) => ({
        text: text.slice(p.start, trimmedEnd(text, p.end)),
        start: p.start,
        end: trimmedEnd(text, p.end),
      }));
    return { quote, score, order, candidate };
  });
  const ordered = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  ordered.forEach((entry, i) => (entry.quote.rank = i + 1));
  const speakers = new Set<string>();
  let keys = 0;
  for (const entry of ordered) {
    if (keys >= KEY_QUOTES) break;
    const who = entry.quote.speaker;
    if (!who || entry.candidate.words < 6 || speakers.has(who)) continue;
    speakers.add(who);
    entry.quote.key = true;
    keys++;
  }
  // Key quotes rank first, in score order; the rest follow.
  const final = [...ordered.filter((e) => e.quote.key), ...ordered.filter((e) => !e.quote.key)];
  final.forEach((entry, i) => (entry.quote.rank = i + 1));
  return scored.map((entry) => entry.quote);
}

/** Quotations that run to the paragraph's end keep no trailing space. */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}
