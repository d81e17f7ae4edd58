/**
 * Who a speaker phrase names: the words of an attribution ("British Foreign Secretary William
 * Hague", "the 11-nation Friends of Syria group", "he", "the US Secretary of State") turned into the
 * fullest name the article gives, through its name index (surnames, titles, organisations) and, for
 * pronouns and descriptions ("the group"), the most recent compatible speaker or sentence subject.
 * Finding a sentence's subject resolves the phrases in it, and resolving "he" reads the subjects of
 * the sentences before it, so both halves call each other and live in this one module.
 */
import {
  ADVERBIAL_OPENERS,
  AUTHOR_LINKS,
  CONNECTORS,
  COUNT_WORDS,
  DEMONYMS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GENERIC_GROUP_NOUNS,
  GROUP_NOUNS,
  HEADLINE_VERBS,
  MODIFIER_PREPOSITIONS,
  PARTY_ADJECTIVES,
  PRONOUNS,
  ROLE_NOUNS,
  SHARE_LINKS,
  STATE_ABBREVIATIONS,
} from '../lexicon/index.js';
import { isTitleWord, namePieces, splitTitle, titleKey, type Gender } from '../names.js';
import { tokenize, type Token } from '../tokens.js';
import { sentenceIndex, type Mention, type SpeakerContext } from './context.js';
import { phraseBackward, phraseForward, unnamedNear } from './phrases.js';
import { isAuxiliary, isCapitalised, isNameWord, isParticiple, isSpeechVerb, isWord } from './words.js';

/** How far back "he said" may look for its antecedent. */
const LOOK_BACK_SENTENCES = 8;

/**
 * The most recent mention before `at` of the wanted kind: a resolved speaker, else the subject
 * (first named person or group) of the sentence, reading sentences backwards but not before `floor`.
 */
export function recentMention(context: SpeakerContext, at: number, want: 'person' | 'group' | 'any', floor = 0, gender?: Gender): Mention | null {
  // "she said" never points to a man, nor "he said" to a woman, when the article says which they are.
  const agrees = (m: Mention): boolean => !gender || !m.person || (context.names.gender(m.name) ?? gender) === gender;
  const fits = (m: Mention | null | undefined): m is Mention => !!m && (want === 'any' || m.person === (want === 'person')) && agrees(m);
  let s = sentenceIndex(context.sentences, at - 1);
  let speaker = context.speakers.length - 1;
  for (let steps = 0; s >= 0 && steps < LOOK_BACK_SENTENCES; s--, steps++) {
    const sentence = context.sentences[s]!;
    if (sentence.end <= floor) break;
    const end = Math.min(sentence.end, at);
    for (; speaker >= 0 && context.speakers[speaker]!.at >= sentence.start; speaker--) {
      const m = context.speakers[speaker]!;
      if (m.at < end && fits(m)) return m;
    }
    const subjects =
      end < sentence.end ? mentionsIn(context, sentence.start, end) : (context.subjects[s] ??= mentionsIn(context, sentence.start, sentence.end));
    if (want !== 'group' && subjects.person && fits(subjects.person)) return subjects.person;
    if (want !== 'person' && subjects.group && fits(subjects.group)) return subjects.group;
  }
  return null;
}

/** The gender "he" or "she" stands for; null for any other word. */
export function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  return p === 'she' ? 'female' : p === 'he' ? 'male' : null;
}

/** Pronoun → the most recent compatible mention before `at`. */
export function resolvePronoun(context: SpeakerContext, pronoun: string, at: number): Mention | null {
  const p = pronoun.toLowerCase();
  const gender = pronounGender(p);
  if (gender) return recentMention(context, at, 'person', 0, gender);
  if (p === 'it') return recentMention(context, at, 'group');
  return recentMention(context, at, 'group');
}

/** "the ministry" fits "Foreign Ministry"; "the group" fits any organisation. */
function fitsDescription(name: string, noun: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.includes(noun)) return true;
  // Any organisation, but not a place: its name ends in a group noun or is an acronym ("the Observatory", "ICRC").
  return (
    GENERIC_GROUP_NOUNS.has(noun) &&
    (GROUP_NOUNS.has(words[words.length - 1]!) || words.some((w) => GROUP_NOUNS.has(w)) || /^\p{Lu}{2,}$/u.test(name))
  );
}

/** The last word of a phrase says it describes a person or a group, without naming one. */
export function describesSomeone(phrase: Token[]): boolean {
  const last = phrase[phrase.length - 1]?.text.toLowerCase() ?? '';
  return ROLE_NOUNS.has(last) || GROUP_NOUNS.has(last) || isTitleWord(last);
}

/** The offset opens a line or a sentence, where any word is capitalised. */
function opensLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i--;
  return i < 0 || /[\n.!?]/.test(text.charAt(i));
}

/** "Britain-based", "US-led": a capitalised word that only says where something stands. */
const AFFILIATION = /-(?:based|led|backed|linked|run|born|allied|affiliated)$/i;

function speaksForSomeone(noun: string): boolean {
  return ROLE_NOUNS.has(noun) || GROUP_NOUNS.has(noun) || isTitleWord(noun) || DOCUMENT_NOUNS.has(noun);
}

/** Two or more words in capitals, perhaps joined by "OF" or "THE": a heading ("THROUGH THE LENS"). */
function isHeading(run: string[]): boolean {
  const capitals = run.filter((w) => /^\p{Lu}{2,}$/u.test(w) && !CONNECTORS.has(w.toLowerCase())).length;
  return capitals >= 2 && run.every((w) => /^\p{Lu}{2,}$/u.test(w));
}

/** "a paper from the Harbour Institute": the words of the author after a document noun and "from" or "by". */
function documentAuthor(words: string[]): string[] | null {
  if (!DETERMINERS.has(words[0]!.toLowerCase())) return null;
  for (let k = 1; k < Math.min(words.length - 1, 5); k++) {
    const word = words[k]!.toLowerCase();
    if (isCapitalised(words[k]!)) return null;
    if (!DOCUMENT_NOUNS.has(word)) continue;
    if (!AUTHOR_LINKS.has(words[k + 1]!)) return null;
    const rest = words.slice(k + 2).filter((w) => !DETERMINERS.has(w.toLowerCase()));
    const first = rest.findIndex(isCapitalised);
    return first >= 0 ? rest.slice(first) : null;
  }
  return null;
}

/**
 * Names that name nobody who can speak, whatever stands around them: each row a rule, with the
 * word it rules out. The check runs on the name a phrase resolves to, so a wrong reading shows
 * no speaker rather than a wrong one.
 */
export const NAMES_NOBODY: readonly { name: string; example: string; test: (name: string) => boolean }[] = [
  {
    name: 'a nationality or a party word alone',
    example: 'Japanese',
    test: (name) => DEMONYMS.has(name.toLowerCase()) || PARTY_ADJECTIVES.has(name.toLowerCase()),
  },
  { name: 'a state written short after a town', example: 'Colo', test: (name) => STATE_ABBREVIATIONS.has(name.replace(/\.$/, '').toLowerCase()) },
  {
    name: 'a count',
    example: 'Six in 10 Republicans',
    // "Six", "10 Republican", "Two of them"; but "One operative inside the campaign" is someone.
    test: (name) => {
      const words = name.split(' ');
      return /^\d/.test(name) || (COUNT_WORDS.has(words[0]!.toLowerCase()) && (words.length === 1 || SHARE_LINKS.has(words[1]!.toLowerCase())));
    },
  },
  {
    name: 'a headline in title case',
    example: 'Lind Calls Holm Unfit',
    // Three or more capitalised words with a verb among them: "Veto Power Impedes Peace Efforts".
    test: (name) => {
      const words = name.split(' ');
      return words.length >= 3 && words.slice(1).some((w) => HEADLINE_VERBS.has(w.toLowerCase()));
    },
  },
  // "Republican-repelling", "Pro-choice": a compound adjective; names capitalise each part ("Smith-Jones").
  { name: 'a compound adjective', example: 'Republican-repelling', test: (name) => /^\p{Lu}\p{Ll}*-\p{Ll}{3,}$/u.test(name) },
];

function namesNobody(name: string): boolean {
  return NAMES_NOBODY.some((rule) => rule.test(name));
}

/**
 * The speaker named by a phrase: a pronoun resolved, else the head name in it at its fullest
 * (with a trailing group noun: "Friends of Syria group"), else an office the article gives to
 * someone ("the US Secretary of State" → "John Kerry"), else the phrase as written when it ends
 * in a role ("a senior official"); null when it names nobody.
 */
export function resolvePhrase(context: SpeakerContext, phrase: Token[], pronouns = true, anchor?: number, weak = false): Mention | null {
  const resolved = resolveWords(context, phrase, pronouns, anchor, weak);
  return resolved && namesNobody(resolved.name) ? null : resolved;
}

function resolveWords(context: SpeakerContext, phrase: Token[], pronouns: boolean, anchor: number | undefined, weak: boolean): Mention | null {
  if (phrase.length === 0) return null;
  const at = phrase[0]!.start;
  const first = phrase[0]!.text.toLowerCase();
  if (phrase.length === 1 && PRONOUNS.has(first)) {
    if (first === 'i' || first === 'you' || !pronouns) return null;
    // `“…” against President X, he added`: "he" points before the quotation, not into it.
    return resolvePronoun(context, first, Math.min(at, anchor ?? at));
  }
  const words: string[] = [];
  let depth = 0;
  for (const token of phrase) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isWord(token)) words.push(token.text);
  }
  if (words.length === 0) return null;
  // "a member of the Tide group", "one of the protesters": someone inside it, not the group itself.
  const ofAt = words.findIndex((w) => w.toLowerCase() === 'of');
  if (ofAt > 0 && ofAt <= 2 && /^(?:members?|one|some|many|most|several|none)$/i.test(words[ofAt - 1]!)) return null;
  // "a paper from the Harbour Institute", "a 2013 study by Ann Lee": a document speaks for whoever wrote it.
  const author = documentAuthor(words);
  if (author) {
    const start = phrase.find((t) => t.text === author[0])!;
    const named = phrase.slice(phrase.indexOf(start));
    if (named.length) return resolveWords(context, named, false, anchor, weak);
  }
  // "a spokesman for Ivo Brandt", "one longtime adviser to the Brandts": someone the story does not
  // name, who speaks near the name; shown as written, never as that name.
  // But `Dag Andres, a spokesman for Ann Lee, said`: an apposition to the name before it, which speaks.
  const apposition = /\p{Lu}[\p{L}.'’-]*,\s*$/u.test(context.text.slice(Math.max(0, at - 40), at));
  if (!apposition && unnamedNear(phrase, 0, phrase.length) !== null)
    return { at, name: context.text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end), person: true };
  // Runs of capitalised words. The head is a full name that opens the phrase ("Osama Said a
  // Douma-based media activist", "Nadim Houry deputy director of …"), else the last run not
  // introduced by "of", "at", … ("Trump lawyer Marc Kasowitz").
  let head: { from: number; to: number } | null = null;
  // "Secretary of State", "Red Cross and Red Crescent": a connector inside a name, when a name word
  // follows; "International Committee of the Red Cross": "of the" after an organisation's noun
  // (but "Ivo Lind of the Harbour Trust" is a person and where she works).
  const joins = (j: number): boolean =>
    (CONNECTORS.has(words[j]!) || words[j] === 'and' || words[j] === '&') &&
    j + 1 < words.length &&
    (isNameWord(words[j + 1]!) ||
      (words[j] === 'of' &&
        words[j + 1] === 'the' &&
        GROUP_NOUNS.has(words[j - 1]?.toLowerCase() ?? '') &&
        j + 2 < words.length &&
        isNameWord(words[j + 2]!)));
  const opensHead = (i: number) => {
    let b = i - 1;
    while (b >= 0 && DETERMINERS.has(words[b]!.toLowerCase())) b--;
    const before = b >= 0 ? words[b]!.toLowerCase() : undefined;
    return !before || !MODIFIER_PREPOSITIONS.has(before);
  };
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!)) continue;
    let j = i + 1;
    while (j < words.length && (isNameWord(words[j]!) || joins(j))) j++;
    if (opensHead(i)) {
      head = { from: i, to: j };
      // "Osama Said a media activist": a person's name then an apposition. But "Operation Resolve
      // spokesperson Colonel Chris Garver": an organisation, its role noun, then the person.
      const next = words[j];
      let laterName = false;
      // "DoubleLine Capital portfolio manager Bonnie Baha": lower-case words of a role, then the person.
      if (next !== undefined && !DETERMINERS.has(next.toLowerCase())) {
        for (let k = j + 1; k < words.length && !MODIFIER_PREPOSITIONS.has(words[k]!.toLowerCase()); k++) {
          if (isCapitalised(words[k]!)) {
            laterName = true;
            break;
          }
        }
      }
      if (
        j - i >= 2 &&
        next !== undefined &&
        !isCapitalised(next) &&
        !laterName &&
        !/['’]s?$/.test(words[j - 1]!) &&
        context.names.fullest(words.slice(i, j)).person
      )
        break;
    }
    i = j - 1;
  }
  // "the Britain-based group": a capitalised modifier of a description, not a name.
  if (head && head.to - head.from === 1 && AFFILIATION.test(words[head.from]!)) head = null;
  const tail = head ? words.slice(head.to) : words;
  const lastWord = words[words.length - 1]!.toLowerCase();
  // "Camp residents": a capitalised word that only qualifies the role noun after it.
  const roleHead =
    head !== null &&
    head.to - head.from === 1 &&
    head.to < words.length &&
    tail.every((w) => !isCapitalised(w) && !DETERMINERS.has(w.toLowerCase())) &&
    ROLE_NOUNS.has(lastWord) &&
    !isTitleWord(lastWord);
  const possessive = head !== null && ((/['’]s?$/.test(words[head.to - 1]!) && tail.length > 0) || roleHead);
  // "THROUGH THE LENS": a heading in capitals, not a name (acronyms such as "CNN" stand alone).
  if (head && isHeading(words.slice(head.from, head.to))) return null;
  // "the Syrian economy continues": a capitalised word qualifying a thing, which says nothing.
  if (
    head &&
    head.to - head.from === 1 &&
    /(?:ian|ean|ese|ish)$/.test(words[head.from]!) &&
    tail.length > 0 &&
    tail.every((w) => !isCapitalised(w)) &&
    !speaksForSomeone(lastWord)
  ) {
    return null;
  }
  if (head && !possessive) {
    // "International Federation of Red Cross and Red Crescent Societies": an organisation's whole name.
    const run = words.slice(head.from, head.to);
    if (run.length >= 3 && GROUP_NOUNS.has(run[run.length - 1]!.toLowerCase()) && run.some((w) => w === 'and' || w === '&'))
      return { at, name: run.join(' '), person: false };
    const pieces = namePieces(run.join(' '));
    const piece = pieces[pieces.length - 1];
    if (piece) {
      const { title, name } = splitTitle(piece);
      // "the Transport Secretary": an office, held by the person the story names with it.
      if (name.length > 0 && isTitleWord(name[name.length - 1]!) && !GROUP_NOUNS.has(name[name.length - 1]!.toLowerCase())) {
        const holder = context.names.office(titleKey([...title, ...name, ...tail]));
        if (holder) return { at, name: holder, person: true };
      }
      if (name.length > 0) {
        const full = context.names.fullest(name);
        // "An Israeli official": a nationality qualifying a role names someone only as written.
        if (name.length === 1 && DEMONYMS.has(name[0]!.toLowerCase()) && tail.length > 0 && speaksForSomeone(lastWord)) {
          return { at, name: context.text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end), person: ROLE_NOUNS.has(lastWord) };
        }
        // "Partial transcript:", "Wait,": a word capitalised only where a line or a sentence opens names nobody.
        if (
          (weak || (opensLine(context.text, at) && /(?:ing|ed|ly|er)$/.test(full.name))) &&
          title.length === 0 &&
          !full.name.includes(' ') &&
          !/^\p{Lu}{2,}/u.test(full.name) &&
          !context.names.writtenAsName(full.name)
        )
          return null;
        const groupNoun = tail[0] && GROUP_NOUNS.has(tail[0].toLowerCase()) ? ` ${tail[0].toLowerCase()}` : '';
        if (groupNoun) return { at, name: full.name + groupNoun, person: false };
        // "the Tahrir al-Sham jihadist alliance": a group however its name reads.
        const group =
          tail.length > 0 &&
          GROUP_NOUNS.has(tail[tail.length - 1]!.toLowerCase()) &&
          tail.every((w) => !isCapitalised(w) && !DETERMINERS.has(w.toLowerCase()) && !MODIFIER_PREPOSITIONS.has(w.toLowerCase()));
        return { at, name: full.name, person: full.person && !group };
      }
      const office = context.names.office(titleKey([...title, ...tail]));
      if (office) return { at, name: office, person: true };
    }
  }
  const office = context.names.office(titleKey(words.filter((w) => !/['’]s?$/.test(w))));
  if (office) return { at, name: office, person: true };
  const last = words[words.length - 1]!.toLowerCase();
  // "the statement added": the group that issued it, named before.
  if ((last === 'statement' || last === 'report') && words.length <= 3 && !words.some(isCapitalised)) {
    const issuer = recentMention(context, anchor ?? at, 'group');
    if (issuer) return { ...issuer, at };
  }
  if (ROLE_NOUNS.has(last) || GROUP_NOUNS.has(last) || isTitleWord(last)) {
    const described = !words.some((w) => isCapitalised(w) && !DETERMINERS.has(w.toLowerCase()) && !AFFILIATION.test(w));
    if (described && GROUP_NOUNS.has(last)) {
      // "the group", "the Britain-based group", "the ministry": the organisation named before, when one fits.
      const named = describedGroup(context, anchor ?? at, last);
      if (named) return { ...named, at };
    }
    // "the UN official concluded" right after Amos spoke: the person who just spoke, as "she" would be.
    const definite = first === 'the' || /\bthe\s+$/i.test(context.text.slice(Math.max(0, at - 5), at));
    if (definite && !/s$/.test(last) && (ROLE_NOUNS.has(last) || isTitleWord(last))) {
      const speaker = context.speakers[context.speakers.length - 1];
      const recent = recentMention(context, anchor ?? at, 'person');
      // Not when the description names someone else: "the Christie supporter" is not Christie's critic.
      const namesOther = (w: string) =>
        isCapitalised(w) &&
        !DETERMINERS.has(w.toLowerCase()) &&
        !/^\p{Lu}{2,}$/u.test(w) &&
        !DEMONYMS.has(w.toLowerCase()) &&
        !isTitleWord(w) &&
        !speaker?.name.includes(w);
      if (speaker?.person && recent?.name === speaker.name && !words.some(namesOther)) return { ...speaker, at };
    }
    // "a longtime adviser", "the senator": a description that names nobody the reader can check.
    if (described && !GROUP_NOUNS.has(last)) return null;
    const plain = context.text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end);
    return { at, name: plain, person: !GROUP_NOUNS.has(last) && !/s$/.test(last) };
  }
  return null;
}

/**
 * The first person and the first group named in text[start, end) outside quotations: a
 * sentence's subject, which "he said" in a later sentence usually points back to.
 */
function mentionsIn(context: SpeakerContext, start: number, end: number): { person: Mention | null; group: Mention | null } {
  // The same stretch is read again for each quotation that looks back over it.
  const key = start * 1_000_003 + end;
  const cached = (context.mentions ??= new Map()).get(key);
  if (cached) return cached;
  const found: { person: Mention | null; group: Mention | null } = { person: null, group: null };
  context.mentions.set(key, found);
  // `…, Stovall said.`: a sentence that reports what someone said is theirs; "he said" after it points to them.
  const reporter = reportedBy(context, start, end);
  if (reporter) {
    found.person = reporter;
    return found;
  }
  const tokens = tokenize(context.text, start, end, { pattern: 'names', limit: 60 });
  // `With a vote for Lind ruled out, Cross said he …`: the subject after an opening clause, before
  // anyone named inside that clause.
  const comma = ADVERBIAL_OPENERS.has(tokens[0]?.text.toLowerCase() ?? '')
    ? tokens.findIndex((t, k) => t.text === ',' && k <= OPENING_CLAUSE_REACH)
    : -1;
  if (comma > 0) {
    if (PRONOUNS.has(tokens[comma + 1]?.text.toLowerCase() ?? '')) return found; // `After the vote, he …`: the previous subject
    const subject = firstNamedPerson(context, tokens, comma + 1);
    if (subject) {
      found.person = subject;
      return found;
    }
  }
  return firstNamed(context, tokens, 0, found);
}

/** How much of a sentence's end may hold the attribution that closes it (`…, Ann Lee said in a statement on Monday.`). */
const REPORTED_BY_CHARS = 120;
const REPORTED_BY_TOKENS = 8;

/**
 * The person a sentence ends by crediting, outside quotations: `…, Ann Lee said.`, `…, said Ann
 * Lee.`, `…, Lee told reporters on Monday.`; null when it ends otherwise.
 */
function reportedBy(context: SpeakerContext, start: number, end: number): Mention | null {
  const tokens = tokenize(context.text, Math.max(start, end - REPORTED_BY_CHARS), end, { pattern: 'names' });
  for (let v = tokens.length - 1; v >= Math.max(1, tokens.length - REPORTED_BY_TOKENS); v--) {
    const verb = tokens[v]!;
    if (!isSpeechVerb(verb.text) || isCapitalised(verb.text) || isParticiple(verb.text) || context.insideQuote(verb.start)) continue;
    // What follows the verb only says where, when or to whom: no other clause.
    if (tokens.slice(v + 1).some((t) => !isWord(t) && t.text !== '.' && t.text !== ',')) return null;
    let phrase: Token[] = [];
    if (tokens[v - 1]!.text === ',') phrase = phraseForward(tokens, v + 1, 4);
    else {
      let k = v - 1;
      while (k > 0 && isAuxiliary(tokens[k]!.text)) k--;
      const before = phraseBackward(tokens, k, 6);
      if (before.length && tokens[tokens.indexOf(before[0]!) - 1]?.text === ',') phrase = before;
    }
    if (phrase.length === 0 || !isCapitalised(phrase[phrase.length - 1]!.text)) return null;
    const resolved = resolvePhrase(context, phrase, false);
    return resolved?.person ? resolved : null;
  }
  return null;
}

/** How far an opening clause may run before its comma ("With a vote for Lind ruled out,"). */
const OPENING_CLAUSE_REACH = 15;

function firstNamedPerson(context: SpeakerContext, tokens: Token[], from: number): Mention | null {
  return firstNamed(context, tokens, from, { person: null, group: null }).person;
}

/** The first person (and the first group before it) named in tokens[from…] outside quotations. */
function firstNamed(
  context: SpeakerContext,
  tokens: Token[],
  from: number,
  found: { person: Mention | null; group: Mention | null },
): { person: Mention | null; group: Mention | null } {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isCapitalised(token.text) || context.insideQuote(token.start)) continue;
    // "CONGRESS HAS INVESTIGATED HIM —": a heading in capitals names nobody.
    if (/^\p{Lu}{2,}$/u.test(token.text) && /^\p{Lu}{2,}$/u.test(tokens[i + 1]?.text ?? '')) {
      while (i + 1 < tokens.length && /^\p{Lu}{2,}$/u.test(tokens[i + 1]!.text)) i++;
      continue;
    }
    if (PRONOUNS.has(token.text.toLowerCase()) && i === from) return found; // the sentence goes on about the previous subject
    const phrase = phraseForward(tokens, i, 8);
    if (phrase.length === 0) continue;
    const resolved = resolvePhrase(context, phrase, false);
    if (resolved?.person) {
      found.person ??= resolved;
      return found;
    }
    if (resolved && !found.group) found.group = resolved;
    i = tokens.indexOf(phrase[phrase.length - 1]!);
  }
  return found;
}

/**
 * The organisation a description stands for ("the group", "the ministry"): the nearest one named
 * in the sentences before that fits it, reading back no further than "he said" would.
 */
function describedGroup(context: SpeakerContext, at: number, noun: string): Mention | null {
  let s = sentenceIndex(context.sentences, at - 1);
  for (let steps = 0; s >= 0 && steps < LOOK_BACK_SENTENCES; s--, steps++) {
    const sentence = context.sentences[s]!;
    const groups = namedIn(context, sentence.start, Math.min(sentence.end, at)).filter((m) => !m.person && fitsDescription(m.name, noun));
    if (groups.length > 0) return groups[groups.length - 1]!;
  }
  return null;
}

/** Every person and group named in text[start, end) outside quotations, in order. */
function namedIn(context: SpeakerContext, start: number, end: number): Mention[] {
  const found: Mention[] = [];
  const tokens = tokenize(context.text, start, end, { pattern: 'names', limit: 400 });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isCapitalised(token.text) || context.insideQuote(token.start) || PRONOUNS.has(token.text.toLowerCase())) continue;
    const phrase = phraseForward(tokens, i, 8);
    if (phrase.length === 0) continue;
    const resolved = resolvePhrase(context, phrase, false);
    if (resolved) found.push(resolved);
    i = Math.max(i, tokens.indexOf(phrase[phrase.length - 1]!));
  }
  return found;
}

/** The first person named in text[start, end) outside quotations. */
export function firstPerson(context: SpeakerContext, start: number, end: number): Mention | null {
  return end > start ? mentionsIn(context, start, end).person : null;
}
