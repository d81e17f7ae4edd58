/**
 * Names in an article: runs of capitalised words ("Mohammad Javad Zarif", "Syrian Observatory
 * for Human Rights"), the titles that stand before them ("U.S. Secretary of State John Kerry",
 * "its foreign minister, Mohammad Javad Zarif"), and lookups from a surname, an office or a word
 * of an organisation's name to the fullest form the article gives. Lookups are lazy and cached:
 * each finds the word's occurrences with indexOf and reads the words around them, so an article
 * costs only what its attributions ask for.
 */
import {
  CONNECTORS,
  FEMALE_GIVEN_NAMES,
  FEMALE_TITLES,
  GENERATIONS,
  GROUP_NOUNS,
  MALE_GIVEN_NAMES,
  MALE_TITLES,
  MONTH_ABBREVIATIONS,
  NAME_TITLES,
  NOT_NAMES,
  PLACE_NAMES,
  PLACE_SUFFIXES,
  TITLE_WORDS,
} from './lexicon/index.js';

export { CONNECTORS, GROUP_NOUNS, TITLE_WORDS };

/** Country words and demonyms that stand before a title ("British Foreign Secretary"). */
function isDemonym(word: string): boolean {
  return /^(?:U\.?S\.?|UK|U\.K\.|UN|U\.N\.|EU|US-led|\p{Lu}[\p{L}-]*(?:ian|ean|an|ish|ese|i|ic|ch|ss))$/u.test(word);
}

function lower(word: string): string {
  return word.toLowerCase();
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/u, '');
}

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(lower(word));
}

/**
 * Splits a run of words into the title before a name and the name itself:
 * "British Foreign Secretary William Hague" → title [British, Foreign, Secretary], name [William, Hague].
 */
export function splitTitle(words: string[]): { title: string[]; name: string[] } {
  let k = 0;
  while (k < words.length) {
    const word = words[k]!;
    const next = words[k + 1];
    if (isTitleWord(word)) k++;
    else if (CONNECTORS.has(word) && next !== undefined && isTitleWord(next)) k++;
    else if (isDemonym(word) && next !== undefined && (isTitleWord(next) || isDemonym(next))) k++;
    else break;
  }
  // "Majority Leader Mitch McConnell", "Vermont Sen. Bernie Sanders": up to the last title word.
  for (let i = words.length - 2; i >= k; i--) {
    if (isTitleWord(words[i]!) && !CONNECTORS.has(words[i + 1]!)) {
      k = i + 1;
      break;
    }
  }
  // "State Department", "Foreign Ministry": an organisation, not a title before a name.
  const lastWord = words[words.length - 1];
  if (k > 0 && k < words.length && lastWord && GROUP_NOUNS.has(lower(lastWord))) return { title: [], name: words };
  return { title: words.slice(0, k), name: words.slice(k) };
}

/** A title reduced to the words of the office: "the US Secretary of State" → "secretary of state". */
export function titleKey(words: string[]): string {
  const kept: string[] = [];
  for (const word of words) {
    const l = lower(word);
    if (l === 'the' || l === 'a' || l === 'an' || l === 'its' || l === 'his' || l === 'her' || l === 'their') continue;
    if (l === 'former' || l === 'top' || l === 'senior' || l === 'acting') continue;
    if (isDemonym(word) && !TITLE_WORDS.has(l)) continue;
    if (l === 'us' || l === 'u.s.' || l === 'uk' || l === 'u.k.' || l === 'un' || l === 'u.n.' || l === 'eu') continue;
    kept.push(l);
  }
  while (kept.length > 0 && CONNECTORS.has(kept[0]!)) kept.shift();
  return kept.join(' ');
}

/** Words of a run with sentence openers, days and months cut out; each piece is a name. */
export function namePieces(run: string): string[][] {
  const pieces: string[][] = [];
  let piece: string[] = [];
  const raws = run.split(/[ \t]+/);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const word = stripPossessive(raw);
    // "Will Brandt", "May Lind": a first name that is also a common word, when a name follows.
    const firstName =
      (word === 'Will' || word === 'May') && piece.length === 0 && /^\p{Lu}\p{Ll}/u.test(raws[i + 1] ?? '') && !NOT_NAMES.has(lower(raws[i + 1]!));
    // "Ai Jun": a month's short form after a given name, with no period, is part of the name.
    const monthInName = piece.length > 0 && raw === word && MONTH_ABBREVIATIONS.has(lower(word));
    if (!word || (NOT_NAMES.has(lower(word)) && !CONNECTORS.has(raw) && !firstName && !monthInName)) {
      if (piece.length) pieces.push(piece);
      piece = [];
      continue;
    }
    piece.push(word);
    if (word !== raw) {
      // A possessive ends the name: "Assad’s forces".
      pieces.push(piece);
      piece = [];
    }
  }
  if (piece.length) pieces.push(piece);
  return pieces.map(trimConnectors).filter((p) => p.length > 0);
}

function trimConnectors(words: string[]): string[] {
  let a = 0;
  let b = words.length;
  while (a < b && (CONNECTORS.has(words[a]!) || /^\d/.test(words[a]!))) a++;
  while (b > a && CONNECTORS.has(words[b - 1]!)) b--;
  return words.slice(a, b);
}

function surnameKeys(word: string): string[] {
  const keys = [lower(word)];
  const hyphen = word.match(/^(?:al|el|ad|as|ash|at|an|ar|az|ud|bin|ibn|abu|abd)-(.+)$/iu);
  if (hyphen) keys.push(lower(hyphen[1]!));
  return keys;
}

function isUpper(code: number, char: string): boolean {
  if (code >= 65 && code <= 90) return true;
  return code > 127 && char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

/** A word of the text around an offset: [start, end) up to spaces. */
interface Span {
  start: number;
  end: number;
}

/** Words of a name as read around an occurrence, and whether punctuation closed it. */
interface Found {
  name: string;
  words: number;
  count: number;
}

/** A resolved name: its fullest form, and whether it reads as a person's. */
export type Gender = 'female' | 'male';

export interface FullName {
  name: string;
  person: boolean;
}

export class NameIndex {
  private readonly text: string;
  private lowered: string | null = null;
  private readonly people = new Map<string, Found | null>();
  private readonly organisations = new Map<string, Found | null>();
  private readonly offices = new Map<string, string | null>();
  private readonly midSentence = new Map<string, boolean>();
  private readonly genders = new Map<string, Gender | null>();

  constructor(text: string) {
    this.text = text;
  }

  /** The fullest name the article gives for these words ("Kerry" → "John Kerry"). */
  fullest(words: string[]): FullName {
    const joined = words.join(' ');
    const last = words[words.length - 1];
    if (!last) return { name: joined, person: false };
    const person = this.person(last);
    // "Melanie said": a given name alone is a person, who "she said" may point back to.
    const givenName = words.length === 1 && (FEMALE_GIVEN_NAMES.has(lower(last)) || MALE_GIVEN_NAMES.has(lower(last)));
    if (person && person.words >= words.length && endsWithWords(person.name, words))
      return { name: person.name, person: (person.words >= 2 || givenName) && !isPlace(person.name) };
    if (words.length === 1) {
      const organisation = this.organisation(last);
      if (organisation && organisation.words > 1) return { name: organisation.name, person: false };
    }
    return { name: joined, person: ((words.length >= 2 && looksLikePerson(words)) || givenName) && !isPlace(joined) };
  }

  /**
   * Whether the article ever writes this word capitalised inside a sentence (after a lower-case
   * word or a comma), as a name is written: "Partial transcript:", "Already," are only ever
   * capitalised because they open a line.
   */
  writtenAsName(word: string): boolean {
    const held = this.midSentence.get(word);
    if (held !== undefined) return held;
    let found = false;
    const text = this.text;
    for (let at = text.indexOf(word); at >= 0 && !found; at = text.indexOf(word, at + 1)) {
      if (!wordBoundary(text, at, at + word.length) && !/^[’']s/.test(text.slice(at + word.length, at + word.length + 2))) continue;
      let i = at - 1;
      while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i--;
      if (i < 0 || i === at - 1) continue;
      const c = text.charAt(i);
      found =
        /[\p{Ll}\p{N},;’'()&-]/u.test(c) ||
        (/[”"]/.test(c) && /[,?!]/.test(text.charAt(i - 1))) ||
        ((c === '.' || c === ':') && /\b(?:\p{Lu}[\p{Ll}]{0,3}|\p{Lu})\.$/u.test(text.slice(Math.max(0, i - 5), i + 1)));
    }
    this.midSentence.set(word, found);
    return found;
  }

  /**
   * Whether the article names a woman or a man: by the given name ("Ana Pryce"), else by an
   * honorific or a gendered office before the surname ("Mrs. Pryce", "Congresswoman Pryce").
   * Null when nothing says, and then a pronoun may point to either.
   */
  gender(name: string): Gender | null {
    const held = this.genders.get(name);
    if (held !== undefined) return held;
    const words = name.split(' ');
    const given = lower(words[0]!);
    let found: Gender | null = FEMALE_GIVEN_NAMES.has(given) ? 'female' : MALE_GIVEN_NAMES.has(given) ? 'male' : null;
    const surname = words[words.length - 1]!;
    if (!found && /^\p{Lu}/u.test(surname)) {
      const text = this.text;
      for (let at = text.indexOf(surname); at >= 0 && !found; at = text.indexOf(surname, at + 1)) {
        if (!wordBoundary(text, at, at + surname.length)) continue;
        const before = lower(this.readWords(at - 1, -1, 1)[0] ?? '');
        found = FEMALE_TITLES.has(before) ? 'female' : MALE_TITLES.has(before) ? 'male' : null;
      }
    }
    this.genders.set(name, found);
    return found;
  }

  /** The person the article gives an office to ("secretary of state" → "John Kerry"), if any. */
  office(key: string): string | null {
    if (!key) return null;
    const held = this.offices.get(key);
    if (held !== undefined) return held;
    let found: string | null = null;
    const lowered = (this.lowered ??= this.text.toLowerCase());
    for (let at = lowered.indexOf(key); at >= 0 && !found; at = lowered.indexOf(key, at + 1)) {
      if (!wordBoundary(this.text, at, at + key.length)) continue;
      found = this.nameAfter(at + key.length);
    }
    this.offices.set(key, found);
    return found;
  }

  /** `Secretary of State John Kerry` or `foreign minister, Mohammad Javad Zarif,`. */
  private nameAfter(from: number): string | null {
    const text = this.text;
    let i = from;
    if (text.charCodeAt(i) === 44) i++; // the comma of an apposition
    if (text.charCodeAt(i) !== 32) return null;
    const words = this.readWords(i, 1, 6);
    const { name } = splitTitle(words);
    // "the UN official the Syrian economy": a name opens with a capital, not "the".
    if (name.length < 2 || CONNECTORS.has(name[0]!) || !looksLikePerson(name)) return null;
    return name.join(' ');
  }

  private person(surname: string): Found | null {
    const key = lower(surname);
    const held = this.people.get(key);
    if (held !== undefined) return held;
    let best: Found | null = null;
    const text = this.text;
    const bare = surname.replace(/^(?:al|el|ad|as|ash|at|an|ar|az|ud|bin|ibn|abu|abd)-/i, '');
    for (let at = text.indexOf(bare); at >= 0; at = text.indexOf(bare, at + 1)) {
      const token = tokenAround(text, at, at + bare.length);
      if (!token) continue;
      // Inside a run of capitalised words that goes on (`Ted Cruz Hints Trump Would Get …`, a
      // heading in title case; `Trump Tower`): no person's name ends here.
      const next = this.readWords(token.end, 1, 1)[0];
      if (next && /^\p{Lu}\p{Ll}/u.test(next) && !GENERATIONS.has(next)) continue;
      const words = [...this.readWords(token.start - 1, -1, 6), text.slice(token.start, token.end)];
      const pieces = namePieces(words.join(' '));
      const piece = pieces[pieces.length - 1];
      if (!piece) continue;
      const { name } = splitTitle(piece);
      if (name.length === 0 || name.length > 5 || !looksLikePerson(name) || name.some((w) => GROUP_NOUNS.has(lower(w)))) continue;
      const full = name.join(' ');
      if (best && best.name === full) best.count++;
      else if (!best || name.length > best.words) best = { name: full, words: name.length, count: 1 };
    }
    this.people.set(key, best);
    return best;
  }

  private organisation(word: string): Found | null {
    const key = lower(word);
    const held = this.organisations.get(key);
    if (held !== undefined) return held;
    let best: Found | null = null;
    const text = this.text;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const token = tokenAround(text, at, at + word.length);
      if (!token) continue;
      const before = this.readWords(token.start - 1, -1, 4);
      const after = this.readWords(token.end, 1, 6);
      const pieces = namePieces([...before, text.slice(token.start, token.end), ...after].join(' '));
      const piece = pieces.find((p) => p.some((w) => lower(w) === key));
      if (!piece || piece.length < 2) continue;
      const trimmed = isDemonym(piece[0]!) && isTitleWord(piece[1] ?? '') ? splitTitle(piece).name : piece;
      if (!best || trimmed.length > best.words) best = { name: trimmed.join(' '), words: trimmed.length, count: 1 };
    }
    this.organisations.set(key, best);
    return best;
  }

  /**
   * Capitalised words (and connectors between them) read from an offset in one direction,
   * stopping at punctuation, a line break or a lower-case word.
   */
  private readWords(from: number, direction: 1 | -1, max: number): string[] {
    const text = this.text;
    const words: string[] = [];
    let i = from;
    while (words.length < max) {
      if (direction === 1) {
        if (text.charCodeAt(i) !== 32) break;
        i++;
        let end = i;
        while (end < text.length && !isBoundary(text.charCodeAt(end))) end++;
        if (end === i) break;
        let word = text.slice(i, end);
        const stop = /[^\p{L}\p{N}]$/u.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word) && !ABBREVIATION.test(word);
        if (stop) word = word.replace(/[^\p{L}\p{N}]+$/u, '');
        if (!word || !(isUpper(word.charCodeAt(0), word.charAt(0)) || CONNECTORS.has(word) || ARABIC_PARTICLE.test(word))) break;
        words.push(word);
        i = end;
        if (stop) break;
      } else {
        if (i < 0 || text.charCodeAt(i) !== 32) break;
        let start = i;
        while (start > 0 && !isBoundary(text.charCodeAt(start - 1))) start--;
        if (start === i) break;
        const word = text.slice(start, i);
        if (/[^\p{L}\p{N}]$/u.test(word) && !ABBREVIATION.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word)) break;
        if (!(isUpper(word.charCodeAt(0), word.charAt(0)) || CONNECTORS.has(word) || ARABIC_PARTICLE.test(word))) break;
        words.unshift(word);
        i = start - 1;
      }
    }
    while (words.length && CONNECTORS.has(direction === 1 ? words[words.length - 1]! : words[0]!)) {
      if (direction === 1) words.pop();
      else words.shift();
    }
    return words;
  }
}

/** A place written like a name: "New Hampshire", "Pinellas County". */
function isPlace(name: string): boolean {
  const lowered = lower(name);
  return PLACE_NAMES.has(lowered) || PLACE_SUFFIXES.has(lowered.slice(lowered.lastIndexOf(' ') + 1));
}

/** al-Attiya, bin-Salman: a particle joined to a capitalised name. */
export const ARABIC_PARTICLE = /^(?:al|el|ad|as|ash|at|an|ar|az|ud|bin|ibn|abu|abd)-\p{Lu}/u;

/** A title abbreviation or an initial, whose period does not end a name: "Gov.", "J.". */
const ABBREVIATION = new RegExp(`^(?:${NAME_TITLES.join('|')}|\\p{Lu})\\.$`, 'u');

function isBoundary(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || Number.isNaN(code);
}

function wordBoundary(text: string, start: number, end: number): boolean {
  return (start === 0 || !isLetterOrDigit(text.charCodeAt(start - 1))) && (end >= text.length || !isLetterOrDigit(text.charCodeAt(end)));
}

/** The whole word an occurrence stands in, when it ends the word ("al-Assad’s" for "Assad"). */
function tokenAround(text: string, start: number, end: number): Span | null {
  if (end < text.length && isLetterOrDigit(text.charCodeAt(end))) {
    // Only a possessive may follow: Assad’s
    const rest = text.slice(end, end + 2);
    if (!/^[’']s/.test(rest)) return null;
  }
  let from = start;
  if (from > 0) {
    const before = text.charCodeAt(from - 1);
    if (before === 45) {
      while (from > 0 && !isBoundary(text.charCodeAt(from - 1))) from--;
      if (!/^(?:al|el|ad|as|ash|at|an|ar|az|ud|bin|ibn|abu|abd)-/i.test(text.slice(from, start))) return null;
    } else if (isLetterOrDigit(before)) return null;
  }
  return { start: from, end };
}

/** Person names are short runs of capitalised words, not acronyms or organisations. */
function looksLikePerson(name: string[]): boolean {
  if (name.length > 5) return false;
  for (const word of name) {
    if (word === 'of' || word === 'for' || word === 'of the') return false;
    if (/^\p{Lu}{2,}$/u.test(word)) return false; // NATO, ISIL
    if (GROUP_NOUNS.has(lower(word))) return false;
  }
  return true;
}

function endsWithWords(name: string, words: string[]): boolean {
  const have = name.split(' ');
  const from = have.length - words.length;
  if (from < 0) return false;
  return words.every((w, i) => lower(have[from + i]!) === lower(w) || surnameKeys(have[from + i]!).includes(lower(w)));
}
