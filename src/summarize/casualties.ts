import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import { readNumber, tokenize, type NumberRead, type Token } from './numbers.js';
import {
  AUXILIARIES,
  BEFORE_COUNT,
  COLLECTIVES,
  CONNECTORS,
  CUE_AFTER,
  CUE_NOUNS,
  CUE_STEMS,
  FINITE,
  HAS_NUMBER,
  INCLUDING,
  INSERT_OPENERS,
  MONTHS,
  NOT_A_COUNT_BEFORE,
  ONE_PERSON,
  PART_STEMS,
  PASSIVE_AUXILIARIES,
  PATIENT_NOUNS,
  PEOPLE,
  PHRASE_BREAK,
  PHRASE_PREPOSITIONS,
  PLACE_NOUNS,
  PERSON_OBJECT_VERBS,
  PLACE_PREPOSITIONS,
  QUALIFIERS,
  RELATIVES,
  THINGS,
  TOLL_KINDS,
  TOLL_LINKS,
  TREATED,
  VERB_BEFORE,
} from './lexicon/casualties.js';
import { compile, matchAt, matchEndingAt } from './casualties/match.js';
import { BEFORE_RULES, LEAVING_RULES, NEXT_RULES, VERB_RULES, type PhraseRule } from './casualties/patterns.js';
import type { Sentence } from './sentences.js';
import type { Figure, FigureKind } from './types.js';

interface Mention {
  figure: Figure | null;
  read: NumberRead;
  /** Token index after the count, its qualifier and its noun phrase. */
  phraseEnd: number;
  /** Token index after the figure's text (its cue included). */
  spanEnd: number;
  /** Token index where the figure's text starts (qualifier or count). */
  phraseStart: number;
  who: string | null;
  hasPerson: boolean;
  /** The count is the subject of a verb that is no casualty cue ("500 others have been affected"). */
  otherVerb: boolean;
}

/** Every count of people killed, injured, displaced, missing, detained or kidnapped. Never throws. */
export function extractCasualties(article: Article, sentences: Sentence[]): Figure[] {
  const figures: Figure[] = [];
  try {
    const title = article.paragraphs.find((p) => p.role === 'title');
    if (title) scanSegment(article.text, title.start, title.end, null, figures);
    let previous: { paragraph: number; figure: Figure } | null = null;
    for (const sentence of sentences) {
      const inherited = previous && previous.paragraph === sentence.paragraph ? previous.figure : null;
      const before = figures.length;
      scanSegment(article.text, sentence.start, sentence.end, inherited, figures);
      const last = figures.length > before ? figures[figures.length - 1] : undefined;
      previous = last ? { paragraph: sentence.paragraph, figure: last } : null;
    }
  } catch {
    // A figure extractor must never take the summary down with it; what was found so far stands.
  }
  return figures;
}

/** Finds the figures in text[start, end) and appends them to `out`. */
export function scanSegment(text: string, start: number, end: number, inherited: Figure | null, out: Figure[]): void {
  const segment = text.slice(start, end);
  // A sentence without a cue can still count a part of the figure before it: "The convoy includes 800 fighters".
  if (!HAS_NUMBER.test(segment) || !(CUE_STEMS.test(segment) || (inherited && PART_STEMS.test(segment)))) return;
  const tokens = tokenize(segment, start);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const read = readNumber(tokens, i);
    if (!read) continue;
    const mention = evaluate(text, tokens, read, mentions, inherited);
    if (mention) {
      mentions.push(mention);
      i = mention.phraseEnd - 1;
    } else {
      i = read.last - 1;
    }
  }
  // "63 rebels and 21 Hezbollah fighters were killed", "killed 12 civilians and 3 soldiers": a count
  // of people joined by "and" to a figure shares its kind.
  for (let m = mentions.length - 2; m >= 0; m--) {
    const mention = mentions[m]!;
    const next = mentions[m + 1]!;
    if (!mention.figure && next.figure && mention.hasPerson && !mention.otherVerb && joined(tokens, mention.phraseEnd, next.phraseStart)) {
      mention.figure = build(text, tokens, mention, next.figure.kind);
    }
  }
  for (let m = 1; m < mentions.length; m++) {
    const mention = mentions[m]!;
    const previous = mentions[m - 1]!;
    if (!mention.figure && previous.figure && mention.hasPerson && !mention.otherVerb && joined(tokens, previous.spanEnd, mention.phraseStart)) {
      mention.figure = build(text, tokens, mention, previous.figure.kind);
    }
    // "killed 19 people in Arlen and another 23 in Mossby": the second count shares the verb.
    if (!mention.figure && previous.figure && !mention.otherVerb && sharesVerb(tokens, previous, mention)) {
      mention.figure = build(text, tokens, mention, previous.figure.kind);
    }
  }
  let context: string | null = null; // built only for sentences that hold a figure
  for (const mention of mentions) {
    if (!mention.figure) continue;
    context ??= collapse(segment);
    mention.figure.context = context;
    out.push(mention.figure);
  }
}

/**
 * True when `mention` shares the verb of `previous` ("killed 19 … and another 23", "19 were killed … and 23"): only a place stands between
 * them ("in Arlen and"), and a place, or nothing, follows the second count ("another 23 in Mossby").
 */
function sharesVerb(tokens: Token[], previous: Mention, mention: Mention): boolean {
  const from = previous.spanEnd;
  const and = mention.phraseStart - 1;
  if (tokens[and]?.lower !== 'and' || !PLACE_PREPOSITIONS.has(tokens[from]?.lower ?? '') || and - from > 6 || and - from < 2) return false;
  for (let k = from + 1; k < and; k++) if (!isPlaceWord(tokens[k]!)) return false;
  const after = tokens[mention.phraseEnd];
  return !after || !/^\p{L}/u.test(after.text) || PLACE_PREPOSITIONS.has(after.lower);
}

/** A word of a place name: "Arlen", "the", "Old City", "al-Kamar". */
function isPlaceWord(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) || token.lower === 'the' || token.text === '-' || PLACE_NOUNS.has(token.lower);
}

/** True when only connectors ("and", a comma, "as well as") stand between tokens[from] and tokens[to]. */
function joined(tokens: Token[], from: number, to: number): boolean {
  if (to <= from || to - from > 4) return false;
  for (let k = from; k < to; k++) if (!CONNECTORS.has(tokens[k]!.lower)) return false;
  return true;
}

function evaluate(text: string, tokens: Token[], read: NumberRead, mentions: Mention[], inherited: Figure | null): Mention | null {
  const first = tokens[read.first]!;
  const prev = tokens[read.first - 1];
  let last = read.last;
  const next = tokens[last];
  if (read.count === 0) return null;

  // Dates, ages, money, measures, compound adjectives ("11-nation", "12-year-old").
  if (prev && (NOT_A_COUNT_BEFORE.has(prev.lower) || isMonth(prev))) return null;
  // Part of a name or a code: "9/11", "no-one", "Covid-19", "MiG-21".
  if (prev && prev.end === first.start && (prev.text === '/' || prev.text === '-' || prev.text === '.')) return null;
  if (next && next.start === tokens[last - 1]!.end && next.text === '/') return null;
  if (next) {
    if (isMonth(next) || (THINGS.has(next.lower) && !isPatients(tokens, read.first, next)) || next.text === '%') return null;
    const joinedToNext = next.start === tokens[last - 1]!.end;
    if (joinedToNext && !next.digits && /\p{L}/u.test(next.text)) return null; // "3rd", "10km"
    if (
      joinedToNext &&
      (next.text === '-' || next.text === '–') &&
      tokens[last + 1] &&
      !tokens[last + 1]!.digits &&
      tokens[last + 1]!.start === next.end
    )
      return null;
    if (next.text === ':' && tokens[last + 1]?.digits) return null; // a time
    if (next.lower === 'per' || (next.text === '.' && /^(?:m|s)$/i.test(tokens[last + 1]?.text ?? ''))) return null;
  }

  // Qualifier before the count.
  let phraseStart = read.first;
  let qualifier: string | null = null;
  let bound: 'min' | 'max' | null = null;
  for (const q of QUALIFIERS) {
    const at = read.first - q.words.length;
    if (at < 0) continue;
    if (q.words.every((w, k) => tokens[at + k]!.lower === w)) {
      qualifier = tokens
        .slice(at, read.first)
        .map((t) => t.text)
        .join(' ');
      bound = q.bound;
      phraseStart = at;
      break;
    }
  }

  // A range: "10-15", "10 to 15", "between 10 and 15".
  let rangeMax: number | null = null;
  const between = tokens[phraseStart - 1]?.lower === 'between';
  if (read.count !== null && next) {
    const dash = (next.text === '-' || next.text === '–') && next.start === tokens[last - 1]!.end && tokens[last + 1]?.start === next.end;
    const link = dash || (next.lower === 'to' && prev?.lower !== 'from') || (between && next.lower === 'and');
    const second = link ? readNumber(tokens, last + 1) : null;
    if (second && second.count !== null && second.count > read.count) {
      rangeMax = second.count;
      last = second.last;
      if (between) {
        phraseStart--;
        qualifier = 'between';
      }
    }
  }

  // Years standing alone ("since 2011") are not counts; "2000 people were killed" is.
  if (first.digits && read.last === read.first + 1 && /^(?:19|20)\d\d$/.test(first.text) && !qualifier) {
    const after = tokens[last]?.lower ?? '';
    if (!PEOPLE.has(after) && !CUE_AFTER[after]) return null;
  }

  // The noun phrase after the count: "civilians", "Kurdish fighters", "Al-Nusra Front commanders".
  let j = last;
  let personEnd = -1;
  let words = 0;
  let headCue: FigureKind | null = null; // "tens of casualties", "300 detainees"
  while (j < tokens.length && words < 5) {
    const t = tokens[j]!;
    if (t.text === '-' && t.start === tokens[j - 1]!.end && tokens[j + 1]?.start === t.end) {
      j++;
      continue;
    }
    // "three of its workers", "12 of the attackers"
    if (
      t.lower === 'of' &&
      words === 0 &&
      personEnd < 0 &&
      /^(?:its|their|his|her|the)$/.test(tokens[j + 1]?.lower ?? '') &&
      PEOPLE.has(tokens[j + 2]?.lower ?? '') &&
      !CUE_AFTER[tokens[j + 2]?.lower ?? '']
    ) {
      j += 2;
      continue;
    }
    if (t.lower === 'more' && tokens[j + 1]?.lower === 'than') break; // "412 people more than half of them …"
    const acronym = t.text === 'IS'; // the Islamic State, not the verb
    if (
      !/\p{L}/u.test(t.text) ||
      PHRASE_BREAK.has(t.lower) ||
      (AUXILIARIES.has(t.lower) && !acronym) ||
      VERB_BEFORE[t.lower] ||
      /ing$/.test(t.lower) ||
      readNumber(tokens, j)
    )
      break;
    if (CUE_AFTER[t.lower] && !(PEOPLE.has(t.lower) && personEnd < 0 && !CUE_AFTER[tokens[j + 1]?.lower ?? ''])) break;
    const patients = isPatients(tokens, read.first, t);
    if (THINGS.has(t.lower) && !patients) return null;
    const modifier = tokens[j + 1]?.text === '-' && tokens[j + 1]!.start === t.end; // "rebel-held"
    if ((PEOPLE.has(t.lower) || isDemonym(t) || patients) && !modifier) {
      personEnd = j + 1;
      headCue = CUE_AFTER[t.lower] ?? null;
    }
    j++;
    words++;
  }
  const nounEnd = personEnd > 0 ? personEnd : j;
  // Who: up to the noun for people, else the words themselves when they are few ("killed 30 Houthis").
  const whoEnd = personEnd > 0 ? personEnd : j > last && j - last <= 3 && /s$/.test(tokens[j - 1]!.lower) ? j : -1;
  const who = whoEnd > 0 ? text.slice(tokens[last]!.start, tokens[whoEnd - 1]!.end) : null;
  const mention: Mention = {
    figure: null,
    read,
    phraseStart,
    phraseEnd: nounEnd,
    spanEnd: nounEnd,
    who,
    hasPerson: personEnd > 0 || read.vague !== null,
    otherVerb: false,
  };
  const values = { count: read.count, min: read.min, max: null as number | null, qualifier: qualifier ?? read.vague, bound, rangeMax };

  const before = cueBefore(tokens, phraseStart, mention.hasPerson, personEnd > 0 || partOfPatients(tokens, last));
  // A bare "one" is a pronoun ("one got injured", "one leaving Chalfont"), not a count.
  if (read.count === 1 && personEnd < 0 && first.lower === 'one' && !cueBefore(tokens, phraseStart, false, false)) return null;
  // "one family", "one household": a group, not one person.
  if (read.count === 1 && COLLECTIVES.has(tokens[last]?.lower ?? '')) return null;
  let after = cueAfter(tokens, nounEnd, personEnd > 0);
  if (after && read.count === 1 && tokens[after.start]?.lower === 'of') after = null; // "one of those killed" picks one, it does not count
  let kind = before?.kind ?? after?.kind ?? null;
  let spanStart = before ? before.start : phraseStart;
  let spanEnd = before ? nounEnd : after ? after.end : nounEnd;
  // The count's own cue wins over a weak one before it ("the toll … at"), or over a bare past
  // participle that ends an earlier clause ("2 Killed 10 Injured"), when nothing stands between the
  // count and its cue ("killed 30 civilians were arrested" is two clauses).
  // The participle must be the cue of the count before ("8 persons killed 58 others injured"); a verb
  // that takes this count as its object keeps it ("killed 30 people injured 90").
  const participle = before ? before.end - 1 : -1;
  // "Civilian killed 3 injured", "A woman killed 30 injured": one person before the participle is a count too.
  const ofEarlierCount = mentions.some((m) => m.phraseEnd === participle) || (personEnd < 0 && ONE_PERSON.has(tokens[participle - 1]?.lower ?? ''));
  const participleEnds = after !== null && after.start === nounEnd && /ed$/.test(tokens[participle]?.lower ?? '') && ofEarlierCount;
  if (after && (!before || before.weak || (after.kind !== before.kind && participleEnds))) {
    kind = after.kind;
    spanStart = phraseStart;
    spanEnd = after.end;
  }
  if (!kind && headCue) kind = headCue;
  if (!kind && personEnd < 0) mention.phraseEnd = mention.spanEnd = last;
  if (!kind) {
    for (let k = nounEnd; k < nounEnd + 5; k++) {
      const word = tokens[k]?.lower ?? '';
      if (FINITE.has(word)) mention.otherVerb = true;
      if (!AUXILIARIES.has(word) && !PEOPLE.has(word)) break; // "500 others mostly children have been affected"
    }
  }

  if (!kind) {
    // "including eight children", "among them four", "two of them ambulance crew": the earlier figure's kind.
    const lead = tokens[phraseStart - 1]?.lower;
    const leadTwo = `${tokens[phraseStart - 2]?.lower ?? ''} ${lead ?? ''}`;
    const ofThem = tokens[nounEnd]?.lower === 'of' && ['them', 'whom', 'those'].includes(tokens[nounEnd + 1]?.lower ?? '');
    const including =
      (lead !== undefined && INCLUDING.has(lead)) ||
      leadTwo === 'among them' ||
      leadTwo === 'among whom' ||
      leadTwo === 'of whom' ||
      leadTwo === 'of them';
    if (including || ofThem) {
      const earlier = mentions.findLast((m) => m.figure)?.figure ?? inherited;
      const earlierKind = earlier?.kind ?? (including ? verbBefore(tokens, phraseStart - 2) : null);
      if (!earlierKind) return mention;
      kind = earlierKind;
      if (including && lead !== undefined && lead !== 'them' && lead !== 'whom') spanStart = phraseStart - 1;
      if (ofThem) spanEnd = Math.min(tokens.length, nounEnd + 2);
    }
  }
  if (!kind) return mention;
  const spanTokens: [number, number] = [spanStart, spanEnd];
  mention.figure = make(text, tokens, spanTokens, values, kind, who);
  mention.spanEnd = Math.max(nounEnd, spanEnd);
  return mention;
}

/** The kind of a harm verb a few words before tokens[k]: "killing civilians, including …". */
function verbBefore(tokens: Token[], k: number): FigureKind | null {
  for (let n = k; n >= 0 && n > k - 4; n--) {
    const word = tokens[n]!.lower;
    const kind = VERB_BEFORE[word] ?? CUE_AFTER[word];
    if (kind) return kind;
    if (!PEOPLE.has(word) && !/^\p{L}/u.test(tokens[n]!.text)) return null;
  }
  return null;
}

interface Cue {
  kind: FigureKind;
  /** Token index where the cue starts. */
  start: number;
  /** Token index after the cue. */
  end: number;
  /** A cue that does not tie the count as closely as the other side can ("the toll … at"). */
  weak?: boolean;
}

/** The verb or noun before a count: "killing 12", "the bodies of 20", "the death toll rose to 45". */
function cueBefore(tokens: Token[], phraseStart: number, hasPerson: boolean, hasPersonNoun: boolean): Cue | null {
  let p = phraseStart - 1;
  while (p >= 0 && BEFORE_COUNT.has(tokens[p]!.lower)) p--;
  const t = tokens[p];
  if (!t) return null;
  const verb = VERB_BEFORE[t.lower];
  if (verb) {
    if (t.lower.startsWith('captur') && !hasPerson) return null;
    if (PERSON_OBJECT_VERBS.has(t.lower) && !hasPersonNoun) return null; // a person must follow: "destroyed 60 terrorists", not "destroyed 60 positions"

    let kind: FigureKind = verb;
    let start = p;
    // "kills, injures 70", "killing and wounding 50": killed and injured together are casualties.
    let q = p - 1;
    if (tokens[q] && ['and', 'or', ',', '/'].includes(tokens[q]!.lower)) q--;
    const other = tokens[q] ? VERB_BEFORE[tokens[q]!.lower] : undefined;
    if (other && other !== kind && isHarm(other) && isHarm(kind)) {
      kind = 'casualties';
      start = q;
    }
    if (PASSIVE_AUXILIARIES.has(tokens[p - 1]?.lower ?? '') && kind === verb) return null; // "were killed 3 …"
    return { kind, start, end: p + 1 };
  }
  const rule = firstRule(BEFORE_RULES, tokens, p + 1, null, 'before');
  if (rule) return rule.kind ? { kind: rule.kind, start: rule.start, end: rule.end } : null;
  if (TOLL_LINKS.has(t.lower)) {
    let harm: FigureKind | null = null; // "the number of fighters killed in the battles has risen to 39"
    for (let k = p; k >= Math.max(0, p - 40); k--) {
      const word = tokens[k]!;
      if (word.digits || word.text === '.' || word.text === ';') break;
      harm ??= CUE_AFTER[word.lower] ?? null;
      if (harm && word.lower === 'number' && tokens[k + 1]?.lower === 'of' && k < p - 2) return { kind: harm, start: k, end: p + 1, weak: true };
      if (word.lower === 'toll' || word.lower === 'tolls') {
        // "the death toll", "the casualty toll", "the injury toll"; a bare "toll" counts the dead.
        const named = TOLL_KINDS[tokens[k - 1]?.lower ?? ''];
        return { kind: named ?? 'killed', start: named ? k - 1 : k, end: p + 1, weak: true };
      }
    }
  }
  return null;
}

/** The verb or noun after a count and its noun: "700 people have been killed", "45 dead", "12 were among the dead". */
function cueAfter(tokens: Token[], from: number, hasPerson: boolean): Cue | null {
  let m = from;
  const next = firstRule(NEXT_RULES, tokens, m, tokens[from - 1] ?? null, 'after');
  if (next?.kind) return { kind: next.kind, start: next.start, end: next.end };
  let skipped = 0;
  let apposition = false; // after "mostly", "mainly": "73 civilians mostly women and children were killed"
  while (m < tokens.length && skipped < 8) {
    const t = tokens[m]!;
    if (AUXILIARIES.has(t.lower) && !(t.lower === 'left' && firstRule(LEAVING_RULES, tokens, m, null, 'after'))) {
      if (t.lower === 'mostly' || t.lower === 'mainly' || t.lower === 'including') apposition = true;
      m++;
      skipped++;
      continue;
    }
    if (apposition && (PEOPLE.has(t.lower) || t.lower === 'and')) {
      m++;
      skipped++;
      continue;
    }
    if (t.lower === 'in' && (tokens[m + 1]?.lower === 'total' || tokens[m + 1]?.lower === 'all')) {
      m += 2;
      skipped++;
      continue;
    }
    if (skipped === 0 && INSERT_OPENERS.has(t.lower)) {
      // An insert without commas: "500 people including opposition fighters left Madaya",
      // "thousands of civilians including thousands of children and babies have escaped".
      const resume = insertEnd(tokens, m + 1);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
    }
    const share = skipped === 0 ? matchAt(tokens, m, SHARE_INSERT) : null;
    if (share) {
      // "At least 50 people most of them civilians were killed", "412 people more than half of them from the militia have been killed".
      const resume = insertEnd(tokens, share.end, true);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
    }
    if (skipped === 0 && RELATIVES.has(t.lower)) {
      // "Tens of civilians who tried to leave the city were killed": past the clause to its verb.
      const resume = relativeEnd(tokens, m + 1);
      if (resume > 0) {
        m = resume;
        skipped++;
        continue;
      }
      // "the 40 people who were killed": the clause says what happened to them (not where they live now).
      const clause = cueAfter(tokens, m + 1, hasPerson);
      if (clause && clause.kind !== 'displaced' && AUXILIARIES.has(tokens[m + 1]!.lower)) return { kind: clause.kind, start: m, end: clause.end };
      return null;
    }
    if ((t.text === ',' || t.text === '-' || t.text === '–') && skipped === 0) {
      // A parenthesis: ", including three children," or " - including three children -"
      let close = m + 1;
      while (close < tokens.length && close < m + 10 && tokens[close]!.text !== t.text) close++;
      if (tokens[close]?.text !== t.text) break;
      m = close + 1;
      skipped++;
      continue;
    }
    break;
  }
  const t = tokens[m];
  if (!t) return null;
  const word = t.lower;
  const following = tokens[m + 1]?.lower ?? '';
  // "lost their lives", "sustained injuries", "found refuge", "from their homes": the rows of VERB_RULES.
  // "left Madaya", "left the besieged town", "among the 40 people killed" are rows too.
  const phrase = firstRule(VERB_RULES, tokens, m, tokens[from - 1] ?? null, 'after');
  if (phrase) return phrase.kind ? { kind: phrase.kind, start: phrase.start, end: phrase.end } : null;
  // "3000 people left Foua", "300 leaving Zabadani", "left the city": people leaving a place.
  let kind = CUE_AFTER[word];
  if (!kind) return m === from ? cueAfterPhrase(tokens, m) : null;
  // An active verb with its own object ("12 soldiers killed 30 rebels") is not this count's cue.
  if (!CUE_NOUNS.has(word) && hasObject(tokens, m + 1)) return null;
  if (!hasPerson && kind === 'displaced' && word === 'refugees' && from === 0) return null;
  let end = m + 1;
  // "killed and wounded", "dead or injured": both harms, one count.
  if (['and', 'or', '/'].includes(following)) {
    const other = CUE_AFTER[tokens[m + 2]?.lower ?? ''];
    if (other && other !== kind && isHarm(other) && isHarm(kind) && !readNumber(tokens, m + 3)) {
      kind = 'casualties';
      end = m + 3;
    }
  }
  return { kind, start: m, end };
}

/** The opening of an insert that says how many of the count were who: "most of them", "more than half of whom". */
const SHARE_INSERT = compile('more|less|fewer? than? @shares of them|whom|those');

interface RuleMatch {
  kind: FigureKind | null;
  start: number;
  end: number;
}

/**
 * The first row of `rules` that matches at tokens[at] (`after`) or ends right before it (`before`),
 * with its kind; a row whose kind is null rules the count out on that side.
 */
function firstRule(rules: readonly PhraseRule[], tokens: Token[], at: number, subject: Token | null, side: 'after' | 'before'): RuleMatch | null {
  for (const rule of rules) {
    if (rule.subject && !(subject && rule.subject.has(subject.lower))) continue;
    const match = side === 'after' ? matchAt(tokens, at, rule.pattern) : matchEndingAt(tokens, at, rule.pattern);
    if (!match) continue;
    const kind = rule.kind === 'cue' ? match.kind : rule.kind;
    return { kind, start: match.start, end: match.end };
  }
  return null;
}

/**
 * Where the verb after an insert opened by "including" or "mostly" resumes, or -1: no stop or clause
 * break inside; with `places`, the insert may say where people come from ("most of them from the militia").
 */
function insertEnd(tokens: Token[], from: number, places = false): number {
  for (let k = from; k < from + 10 && tokens[k]; k++) {
    const t = tokens[k]!;
    if (k > from && (AUXILIARIES.has(t.lower) || (CUE_AFTER[t.lower] && !PEOPLE.has(t.lower)))) {
      // "killed 100 people including 25 children and injured 40": a second verb of the sentence, not the count's.
      const joinedVerb = ['and', 'or'].includes(tokens[k - 1]!.lower) || /ing$/.test(t.lower);
      return joinedVerb ? -1 : k;
    }
    if (readNumber(tokens, k) || t.lower === 'of' || t.lower === 'and' || t.text === '-') continue;
    if (places && (PHRASE_PREPOSITIONS.has(t.lower) || t.lower === 'the')) continue;
    if (!/^\p{L}/u.test(t.text) || PHRASE_BREAK.has(t.lower) || FINITE.has(t.lower)) return -1;
  }
  return -1;
}

/** Where the main verb after a relative clause resumes ("who tried to leave the city | were killed"), or -1. */
function relativeEnd(tokens: Token[], from: number): number {
  const first = tokens[from];
  if (!first || AUXILIARIES.has(first.lower) || FINITE.has(first.lower) || !/^\p{L}/u.test(first.text)) return -1;
  for (let k = from + 1; k < from + 12 && tokens[k]; k++) {
    const t = tokens[k]!;
    if (FINITE.has(t.lower) && t.text !== 'IS') return k;
    if (!/^\p{L}/u.test(t.text) && t.text !== '-') return -1;
    if (readNumber(tokens, k) || RELATIVES.has(t.lower)) return -1;
  }
  return -1;
}

/** "10 members of the Takfiri group were killed", "12 people in Aleppo were killed": past a short phrase to the verb. */
function cueAfterPhrase(tokens: Token[], m: number): Cue | null {
  if (!PHRASE_PREPOSITIONS.has(tokens[m]?.lower ?? '')) return null;
  for (let k = m + 1; k < m + 9 && tokens[k]; k++) {
    const t = tokens[k]!;
    const oneGroup = t.lower === 'one' && COLLECTIVES.has(tokens[k + 1]?.lower ?? ''); // "eight members of one family"
    if (!/^\p{L}/u.test(t.text) || CUE_AFTER[t.lower] || (readNumber(tokens, k) && !oneGroup)) return null;
    if (FINITE.has(t.lower) && t.text !== 'IS') {
      const cue = cueAfter(tokens, k, true);
      return cue && !CUE_NOUNS.has(tokens[cue.start]!.lower) ? cue : null;
    }
  }
  return null;
}

/** True when a verb at tokens[k - 1] has people as its object ("killed 30 rebels"), not a next figure ("Killed 7 Injured"). */
function hasObject(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  const modifier = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end; // "escaped terrorist-controlled areas"
  if ((PEOPLE.has(t.lower) && !modifier) || QUALIFIERS.some((q) => q.bound && q.words.every((w, n) => tokens[k + n]?.lower === w))) return true;
  const read = readNumber(tokens, k);
  if (!read) return false;
  let after = read.last;
  if (PEOPLE.has(tokens[after]?.lower ?? '')) after++;
  return !CUE_AFTER[tokens[after]?.lower ?? ''];
}

/** "16 of the 29 cases": a part of a count of patients or people. */
function partOfPatients(tokens: Token[], after: number): boolean {
  if (tokens[after]?.lower !== 'of' || tokens[after + 1]?.lower !== 'the') return false;
  const total = readNumber(tokens, after + 2);
  const noun = tokens[total ? total.last : after + 2]?.lower ?? '';
  return PATIENT_NOUNS.has(noun) || PEOPLE.has(noun);
}

/** "treated 16 of the 29 cases": after a treatment word, cases are people. */
function isPatients(tokens: Token[], first: number, noun: Token): boolean {
  if (!PATIENT_NOUNS.has(noun.lower)) return false;
  let p = first - 1;
  while (p >= 0 && BEFORE_COUNT.has(tokens[p]!.lower)) p--;
  if (tokens[p]?.lower === 'of') {
    const part = firstRule(BEFORE_RULES, tokens, p + 1, null, 'before');
    return part?.kind === 'injured';
  }
  return TREATED.has(tokens[p]?.lower ?? '');
}

function isHarm(kind: FigureKind): boolean {
  return kind === 'killed' || kind === 'injured';
}

function isMonth(token: Token): boolean {
  return MONTHS.has(token.lower) || token.text === 'May';
}

function isDemonym(token: Token): boolean {
  return /^\p{Lu}\p{Ll}+(?:ians|ans|is|ese|ites)$/u.test(token.text);
}

interface Values {
  count: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  bound: 'min' | 'max' | null;
  rangeMax: number | null;
}

function make(text: string, tokens: Token[], [from, to]: [number, number], v: Values, kind: FigureKind, who: string | null): Figure {
  const start = tokens[from]!.start;
  const end = tokens[Math.max(from, to - 1)]!.end;
  let { count, min, max } = v;
  if (v.rangeMax !== null) {
    min = count;
    max = v.rangeMax;
    count = null;
  } else if (count !== null) {
    if (v.bound === 'min') min = count;
    if (v.bound === 'max') max = count;
  }
  return { text: text.slice(start, end), start, end, count, min, max, qualifier: v.qualifier, kind, who, context: null };
}

function build(text: string, tokens: Token[], mention: Mention, kind: FigureKind): Figure {
  const read = mention.read;
  const from = mention.phraseStart;
  const to = mention.phraseEnd;
  const qualifierTokens = tokens.slice(from, read.first);
  const qualifierText = qualifierTokens.map((t) => t.text).join(' ');
  const q = QUALIFIERS.find((x) => x.words.join(' ') === qualifierText.toLowerCase());
  return make(
    text,
    tokens,
    [from, to],
    { count: read.count, min: read.min, max: null, qualifier: q ? qualifierText : read.vague, bound: q?.bound ?? null, rangeMax: null },
    kind,
    mention.who,
  );
}
