/**
 * Who a speaker is, in the article's own words: the title before the name ("British Foreign
 * Secretary William Hague"), a party label in parentheses ("Rep. Gwen Moore (D-Wis.)") and the
 * apposition after it ("Michael Mulgrew, president of the United Federation of Teachers, said").
 * Read from the attribution itself, else from where the article introduces the person. Verbatim
 * text only, never invented.
 */
import { APPOSITION_OPENERS, FUNCTION_WORDS, HONORIFICS, NOT_PERSONAL, NOT_ROLES, SENTENCE_CAPITALS } from '../lexicon/index.js';
import { isTitleWord } from '../names.js';
import { isCapitalised, isSpeechVerb, isWord, phraseBackward, ROLE_NOUNS } from '../speakers.js';
import { tokenize, type Token } from '../tokens.js';

const MAX_APPOSITION_WORDS = 30;

/** A noun for a person's role: a title word, a role noun or a word shaped like one (lawyer, economist, historian). */
export function isRoleNoun(word: string): boolean {
  const l = word.toLowerCase();
  if (NOT_ROLES.has(l)) return false;
  if (isTitleWord(l) || isTitleWord(`${l}.`) || ROLE_NOUNS.has(l)) return true;
  return l.length > 4 && !FUNCTION_WORDS.has(l) && !NOT_ROLES.has(l) && /(?:er|or|ist|ian|man|woman|ant|ent|ee|ess)s?$/.test(l);
}

/** May an apposition open with (or go on after a comma with) this word? */
function opensApposition(word: string): boolean {
  if (PARTY_LABEL.test(word) || /['’]s$/.test(word)) return true;
  const l = word.toLowerCase();
  if (isCapitalised(word)) return isTitleWord(l) || isTitleWord(`${l}.`);
  return APPOSITION_OPENERS.has(l) || isRoleNoun(l);
}

/** A phrase that stands for a person's office ("the US Secretary of State"), not an institution. */
export function namesOffice(phrase: Token[]): boolean {
  return phrase.some((t) => isTitleWord(t.text) && !NOT_PERSONAL.has(t.text.toLowerCase()));
}

/** A party and state label: "R-Wis.", "D-N.Y.", "(D)". */
const PARTY_LABEL = /^(?:[RDI]-\p{Lu}|[RDI]$)/u;

export interface RoleParts {
  /** Title words before the name, honorifics dropped: "British Foreign Secretary". */
  title: string;
  /** Inside the parentheses right after the name: "D-Wis.". */
  label: string;
  /** The apposition after the name: "president of the United Federation of Teachers". */
  apposition: string;
}

/** "Rep. (D-Wis.), a leading advocate for human rights" from its parts; '' when there are none. */
export function composeRole(parts: RoleParts): string {
  const head = parts.title && parts.label ? `${parts.title} (${parts.label})` : parts.title || parts.label;
  return [head, parts.apposition].filter(Boolean).join(', ');
}

/**
 * The title among `before` (the words right before a name): it ends in a role noun and starts
 * after the last function word that does not belong to an office ("trip by Senate Republican
 * leader" → "Senate Republican leader"; "Secretary of State" stays whole); '' when there is none.
 */
export function titleText(text: string, before: Token[]): string {
  let a = 0;
  for (let i = 0; i < before.length; i++) {
    const l = before[i]!.text.toLowerCase();
    if (i > 0 && text.slice(before[i - 1]!.end, before[i]!.start).includes('\n')) a = i;
    if (!isWord(before[i]!) && before[i]!.text !== '.') a = i + 1;
    else if (FUNCTION_WORDS.has(l) && !(i > 0 && isTitleWord(before[i - 1]!.text) && isCapitalised(before[i + 1]?.text ?? ''))) a = i + 1;
  }
  while (a < before.length && (HONORIFICS.has(before[a]!.text.toLowerCase()) || !isWord(before[a]!))) a++;
  let b = before.length;
  while (b > a && (HONORIFICS.has(before[b - 1]!.text.toLowerCase()) || !isWord(before[b - 1]!))) b--;
  if (a >= b || b - a > 8) return '';
  const words = before.slice(a, b);
  if (!isRoleNoun(words[words.length - 1]!.text) || words.some((w) => isSpeechVerb(w.text))) return '';
  // "US-led coalition commander Lt. Gen.": the abbreviated rank repeats the role spelled out before it.
  let last = words.length;
  while (last > 1 && /^\p{Lu}\p{Ll}*\.$/u.test(words[last - 1]!.text)) last--;
  if (last < words.length && !isCapitalised(words[last - 1]!.text) && isRoleNoun(words[last - 1]!.text)) words.length = last;
  return sentenceCaseDropped(text.slice(words[0]!.start, words[words.length - 1]!.end));
}

/** "Top US diplomat" → "top US diplomat": the role reads the same wherever it is shown. */
function sentenceCaseDropped(title: string): string {
  const first = /^\p{Lu}\p{Ll}+/u.exec(title)?.[0];
  if (!first || !SENTENCE_CAPITALS.has(first.toLowerCase())) return title;
  return first.toLowerCase() + title.slice(first.length);
}

/** Label and apposition that follow a name ending at `end`, within its sentence and paragraph. */
export function roleAfter(text: string, end: number, limit: number): { label: string; apposition: string } {
  let at = end;
  let label = '';
  while (text.charCodeAt(at) === 32) at++;
  if (text.charCodeAt(at) === 40) {
    // "(D-Wis.)": a short label.
    const close = text.indexOf(')', at);
    const inner = text.slice(at + 1, close);
    // Only a label: a few capitalised words or abbreviations ("D-Wis.", "R", "IFRC"), not an aside.
    if (close > at && close - at <= 30 && close < limit && /^\s*\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2}\s*$/u.test(inner)) {
      label = text.slice(at + 1, close).trim();
      at = close + 1;
    }
  }
  return { label, apposition: appositionAt(text, at, limit) };
}

/**
 * Words of an attribution phrase after the name, in text without commas ("Osama Said a
 * Douma-based media activist told"): an apposition when they open like one and hold a role noun.
 */
export function bareApposition(words: Token[]): boolean {
  const first = words.find(isWord);
  return !!first && opensApposition(first.text) && words.some((w) => isWord(w) && isRoleNoun(w.text));
}

/** `, president of the union, said` → "president of the union"; `of the Sierra Club` too. */
function appositionAt(text: string, at: number, limit: number): string {
  const comma = text.charCodeAt(at) === 44;
  // Only a comma or "of" can start one: most names are followed by neither.
  if (!comma && !(text.startsWith('of ', at) || text.startsWith(' of ', at - 1))) return '';
  const tokens = tokenize(text, comma ? at + 1 : at, appositionBound(text, at + 1, Math.min(limit, at + 400)), {
    pattern: 'names',
    limit: MAX_APPOSITION_WORDS * 2 + 10,
  });
  const first = tokens[0];
  if (!first || !isWord(first) || text.slice(at, first.start).includes('\n')) return '';
  const word = first.text;
  const lower = word.toLowerCase();
  if (!comma) {
    // Without a comma only "of …" belongs to the name: "Gov. Earl Ray Tomblin of West Virginia".
    if (lower !== 'of') return '';
  } else if (/^\d+$/.test(word)) {
    // An age: "Quina Jones, 25, said".
    return word.length <= 3 && /^[,.]/.test(tokens[1]?.text ?? '.') ? word : '';
  } else if (!opensApposition(word)) {
    return '';
  }
  let end = -1;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isWord(t)) {
      // A speech verb ends it ("… activist told"), unless it is a noun after a determiner ("one of the states").
      if (
        i > 0 &&
        isSpeechVerb(t.text) &&
        !isCapitalised(t.text) &&
        !/^(?:who|whom|whose|which|that|the|a|an|its|their|his|her)$/i.test(tokens[i - 1]!.text)
      )
        break;
      if (++words > MAX_APPOSITION_WORDS) return '';
      end = t.end;
      continue;
    }
    const mark = t.text;
    if (mark === ',') {
      const next = tokens[i + 1];
      if (!next || !isWord(next)) break;
      const l = next.text.toLowerCase();
      // Another apposition or a relative clause goes on (`, a liberal think tank`, `, who …`);
      // `, said`, `, in a statement`, `, called for …`, `, despite …` end it.
      if (!opensApposition(next.text) && l !== 'which' && l !== 'and') break;
      // Past a long description, a clause about something else: `, which prompted …`.
      if (words > 16 && l === 'which') break;
      continue;
    }
    // "R-Wis., said": the period of an abbreviation.
    if (mark === '.' && t.start === tokens[i - 1]?.end && /^[,)]$/.test(tokens[i + 1]?.text ?? '')) {
      end = t.end;
      continue;
    }
    if (
      mark === '.' ||
      mark === '!' ||
      mark === '?' ||
      mark === ';' ||
      mark === ':' ||
      mark === '"' ||
      mark === '“' ||
      mark === '”' ||
      /^[—–―]$/.test(mark)
    )
      break;
    if (mark === ')') break;
    end = t.end;
  }
  if (end < 0) return '';
  // A label cut by the closing bracket ("worked for Sen. Tom Voss (R-Ida.), …") is left out whole.
  return text
    .slice(comma ? at + 1 : at, end)
    .trim()
    .replace(/\s*\([^)]*$/, '')
    .replace(/[\s,(]+$/, '');
}

/** Where an apposition must end at the latest: a sentence end, a quotation mark, a dash or a bracket. */
function appositionBound(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    // ! ; : ? " ) “ ” — – newline; a period followed by a space
    if (
      c === 33 ||
      c === 59 ||
      c === 58 ||
      c === 63 ||
      c === 34 ||
      c === 41 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x2014 ||
      c === 0x2013 ||
      c === 10
    )
      return i + 1;
    // A period ends a sentence after a long lower-case word, not after "U.S." or "Gov.".
    if (c === 46 && (i + 1 >= limit || text.charCodeAt(i + 1) === 32) && /\p{Ll}{5}$/u.test(text.slice(Math.max(from, i - 5), i))) return i + 1;
  }
  return limit;
}

/**
 * The role the article gives a person where it names them: the first occurrence of the full name
 * (outside quotations) with a title, label or apposition. Cached per name by the caller.
 */
export function introducedRole(text: string, name: string, insideQuote: (at: number) => boolean, paragraphEnd: (at: number) => number): string {
  if (name.length < 3) return '';
  let looked = 0;
  for (let at = text.indexOf(name); at >= 0 && looked < 8; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (isLetter(text.charCodeAt(at - 1)) || isLetter(text.charCodeAt(end)) || /^['’]s/.test(text.slice(end, end + 2)) || insideQuote(at)) continue;
    looked++;
    // Cheap test first: a role needs a comma, a label or "of" after the name, or a title word before it.
    const after = text.charCodeAt(end);
    const previous = /(\S+)\s+$/.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
    if (
      after !== 44 &&
      !text.startsWith(' (', end) &&
      !text.startsWith(' of ', end) &&
      !(previous && (isCapitalised(previous) || isRoleNoun(previous.replace(/[^\p{L}.]+$/u, ''))))
    )
      continue;
    // "the rise of Donald Trump, who …": a name in object position is not being introduced.
    if (FUNCTION_WORDS.has(previous.toLowerCase())) continue;
    const limit = paragraphEnd(at);
    const before = tokenize(text, Math.max(0, at - 80), end, { pattern: 'names' });
    const phrase = phraseBackward(before, before.length - 1);
    const nameStart = phrase.findIndex((t) => t.start >= at);
    const title =
      nameStart > 0
        ? titleText(
            text,
            phrase.slice(0, nameStart).filter((t) => t.end <= at),
          )
        : '';
    const role = composeRole({ title, ...roleAfter(text, end, limit) });
    if (role) return role;
  }
  return '';
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127 || (code >= 48 && code <= 57);
}
