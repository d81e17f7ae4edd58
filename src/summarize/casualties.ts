import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import { readNumber, type NumberRead } from './numbers.js';
import { tokenize, type Token } from './tokens.js';
import {
  COUNT_AUXILIARIES,
  COUNT_JOINERS,
  CUE_STEMS,
  FINITE,
  HAS_NUMBER,
  ONE_PERSON,
  PART_STEMS,
  PEOPLE,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
} from './lexicon/casualties.js';
import { qualifierNamed, readQualifiedCount, type QualifiedCount } from './casualties/count.js';
import { type Cue, cueAfter, cueBefore, verbBefore } from './casualties/cues.js';
import { notACount, numberAt } from './casualties/not-a-count.js';
import { type NounPhrase, readNounPhrase } from './casualties/noun-phrase.js';
import { PART_LEADS, PART_TAILS } from './casualties/patterns.js';
import { partRule } from './casualties/rules.js';
import { partOfPatients } from './casualties/words.js';
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
  const tokens = tokenize(text, start, end, { pattern: 'counts' });
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
  if (tokens[and]?.lower !== 'and' || !PLACE_PREPOSITIONS.has(tokens[from]?.lower ?? '') || and - from > PLACE_WORDS + 1 || and - from < 2)
    return false;
  for (let k = from + 1; k < and; k++) if (!isPlaceWord(tokens[k]!)) return false;
  const after = tokens[mention.phraseEnd];
  return !after || !/^\p{L}/u.test(after.text) || PLACE_PREPOSITIONS.has(after.lower);
}

/** The most words of a place between two counts: "in | the Old City" and a little more. */
const PLACE_WORDS = 5;

/** A word of a place name: "Arlen", "the", "Old City", "al-Kamar". */
function isPlaceWord(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) || token.lower === 'the' || token.text === '-' || PLACE_NOUNS.has(token.lower);
}

/** The most connector tokens between two counts: ", as well as". */
const CONNECTOR_TOKENS = 4;

/** True when only connectors ("and", a comma, "as well as") stand between tokens[from] and tokens[to]. */
function joined(tokens: Token[], from: number, to: number): boolean {
  if (to <= from || to - from > CONNECTOR_TOKENS) return false;
  for (let k = from; k < to; k++) if (!COUNT_JOINERS.has(tokens[k]!.lower)) return false;
  return true;
}

/**
 * Reads the number at `read` as a mention, and as a figure when a cue says what happened to the
 * people it counts. Null when the number is no count of people at all.
 */
function evaluate(text: string, tokens: Token[], read: NumberRead, mentions: Mention[], inherited: Figure | null): Mention | null {
  const count = readQualifiedCount(tokens, read); // qualifier and range: "at least 12", "10-15"
  if (notACount(numberAt(tokens, read, count))) return null; // dates, ages, codes, measures, years …
  const noun = readNounPhrase(tokens, read, count.end); // "Kurdish fighters"; null: a count of things
  if (!noun || isPronounOne(tokens, read, count, noun)) return null;
  const mention = newMention(text, tokens, read, count, noun);
  let figure = cueOfCount(tokens, read, count, noun, mentions) ?? headCue(count, noun); // "killed 12", "12 were killed", "300 detainees"
  if (!figure) {
    markUncued(tokens, mention, count, noun);
    figure = partOfEarlier(tokens, count, noun, mentions, inherited); // "including eight children"
  }
  if (!figure) return mention;
  mention.figure = make(text, tokens, [figure.start, figure.end], valuesOf(read, count), figure.kind, mention.who);
  mention.spanEnd = Math.max(nounEnd(noun), figure.end);
  return mention;
}

/** A figure's kind and the tokens its text spans. */
interface Cued {
  kind: FigureKind;
  start: number;
  end: number;
}

/** Where the counted noun ends: after the people ("12 Kurdish fighters|"), else where the phrase stops. */
function nounEnd(noun: NounPhrase): number {
  return noun.personEnd > 0 ? noun.personEnd : noun.end;
}

function newMention(text: string, tokens: Token[], read: NumberRead, count: QualifiedCount, noun: NounPhrase): Mention {
  const end = nounEnd(noun);
  return {
    figure: null,
    read,
    phraseStart: count.start,
    phraseEnd: end,
    spanEnd: end,
    who: whoOf(text, tokens, count, noun),
    hasPerson: noun.personEnd > 0 || read.vague !== null,
    otherVerb: false,
  };
}

/** Whom the figure counts: up to the noun for people, else the words themselves when they are few ("killed 30 Houthis"). */
function whoOf(text: string, tokens: Token[], count: QualifiedCount, noun: NounPhrase): string | null {
  const { personEnd, end } = noun;
  const whoEnd = personEnd > 0 ? personEnd : end > count.end && end - count.end <= 3 && /s$/.test(tokens[end - 1]!.lower) ? end : -1;
  return whoEnd > 0 ? text.slice(tokens[count.end]!.start, tokens[whoEnd - 1]!.end) : null;
}

/** A bare "one" is a pronoun ("one got injured", "one leaving Chalfont"), not a count, unless a cue comes before it. */
function isPronounOne(tokens: Token[], read: NumberRead, count: QualifiedCount, noun: NounPhrase): boolean {
  return read.count === 1 && noun.personEnd < 0 && tokens[read.first]!.lower === 'one' && !cueBefore(tokens, count.start, false, false);
}

/**
 * The cue of the count itself, before it ("killing 12") or after it ("12 were killed"). The cue
 * after wins over a weak one before ("the toll … at"), or over a bare past participle that ends an
 * earlier clause ("2 Killed 10 Injured"), when nothing stands between the count and its cue
 * ("killed 30 civilians were arrested" is two clauses).
 */
function cueOfCount(tokens: Token[], read: NumberRead, count: QualifiedCount, noun: NounPhrase, mentions: Mention[]): Cued | null {
  const end = nounEnd(noun);
  const hasPersonNoun = noun.personEnd > 0;
  const before = cueBefore(tokens, count.start, hasPersonNoun || read.vague !== null, hasPersonNoun || partOfPatients(tokens, count.end));
  let after = cueAfter(tokens, end, hasPersonNoun);
  if (after && read.count === 1 && tokens[after.start]?.lower === 'of') after = null; // "one of those killed" picks one, it does not count
  if (after && (!before || before.weak || (after.kind !== before.kind && participleEndsEarlierClause(tokens, before, after, noun, mentions)))) {
    return { kind: after.kind, start: count.start, end: after.end };
  }
  if (before) return { kind: before.kind, start: before.start, end };
  return null;
}

/**
 * True when the cue before is a bare past participle of the count before ("8 persons killed 58
 * others injured") and the count's own cue follows its noun at once; a verb that takes this count
 * as its object keeps it ("killed 30 people injured 90").
 */
function participleEndsEarlierClause(tokens: Token[], before: Cue, after: Cue, noun: NounPhrase, mentions: Mention[]): boolean {
  const participle = before.end - 1;
  // "Civilian killed 3 injured", "A woman killed 30 injured": one person before the participle is a count too.
  const ofEarlierCount =
    mentions.some((m) => m.phraseEnd === participle) || (noun.personEnd < 0 && ONE_PERSON.has(tokens[participle - 1]?.lower ?? ''));
  return after.start === nounEnd(noun) && /ed$/.test(tokens[participle]?.lower ?? '') && ofEarlierCount;
}

/** The kind the counted noun gives by itself: "300 detainees", "tens of casualties". */
function headCue(count: QualifiedCount, noun: NounPhrase): Cued | null {
  return noun.headCue ? { kind: noun.headCue, start: count.start, end: nounEnd(noun) } : null;
}

/**
 * Notes, on a count without a cue, how far it reaches (to its noun for people, else the number
 * alone) and whether it is the subject of another verb ("500 others have been affected"), so a
 * neighbouring figure does not lend it its kind.
 */
function markUncued(tokens: Token[], mention: Mention, count: QualifiedCount, noun: NounPhrase): void {
  if (noun.personEnd < 0) mention.phraseEnd = mention.spanEnd = count.end;
  const from = nounEnd(noun);
  for (let k = from; k < from + OTHER_VERB_REACH; k++) {
    const word = tokens[k]?.lower ?? '';
    if (FINITE.has(word)) mention.otherVerb = true;
    if (!COUNT_AUXILIARIES.has(word) && !PEOPLE.has(word)) break; // "500 others mostly children have been affected"
  }
}

/** How far after its noun a count's own verb is looked for: a few auxiliaries and adverbs ("have mostly been"). */
const OTHER_VERB_REACH = 5;

/**
 * A part of an earlier figure, said by the words before the count ("including eight children",
 * "among them four") or after its noun ("two of them ambulance crew"): the earlier figure's kind,
 * from this sentence or the one before in the paragraph, or else a harm verb just before the words.
 */
function partOfEarlier(tokens: Token[], count: QualifiedCount, noun: NounPhrase, mentions: Mention[], inherited: Figure | null): Cued | null {
  const end = nounEnd(noun);
  const lead = partRule(PART_LEADS, tokens, count.start);
  const tail = partRule(PART_TAILS, tokens, end);
  if (!lead && !tail) return null;
  const earlier = mentions.findLast((m) => m.figure)?.figure ?? inherited;
  const kind = earlier?.kind ?? (lead ? verbBefore(tokens, count.start - 2) : null);
  if (!kind) return null;
  return {
    kind,
    start: lead?.rule.inText ? lead.start : count.start,
    end: tail ? tail.end : end,
  };
}

function valuesOf(read: NumberRead, count: QualifiedCount): Values {
  return { count: read.count, min: read.min, max: null, qualifier: count.qualifier ?? read.vague, bound: count.bound, rangeMax: count.rangeMax };
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
  const qualifierText = tokens
    .slice(from, read.first)
    .map((t) => t.text)
    .join(' ');
  const q = qualifierNamed(qualifierText);
  return make(
    text,
    tokens,
    [from, to],
    { count: read.count, min: read.min, max: null, qualifier: q ? qualifierText : read.vague, bound: q?.bound ?? null, rangeMax: null },
    kind,
    mention.who,
  );
}
