/** The subject of a sentence, and rule 6: the subject of the quotation's sentence speaks it, unless it is too weak to. */
import {
  AUTHORED_NOUNS,
  CAPITALISED_STOPS,
  GROUP_NOUNS,
  MESSAGE_MODIFIERS,
  NAME_LINKS,
  NOUN_DETERMINERS,
  QUESTION_WORDS,
  ROLE_NOUNS,
  SENTENCE_LINKS,
} from '../lexicon/index.js';
import { ADVERBIAL_OPENERS, isCapitalised, isParticiple, isSpeechVerb, isWord, PRONOUNS, phraseForward, sentenceIndex } from '../speakers.js';
import { tokenize, type Token } from '../tokens.js';
import { isUpperWord, looksLikePersonPhrase, sentenceAt } from './phrases.js';
import { isTitleWord } from '../names.js';
import { isRoleNoun } from './roles.js';
import type { Finding, QuotationContext } from './types.js';
import { OPENING_CLAUSE_COMMA_TOKENS, OPENING_CLAUSE_TOKENS, SUBJECT_TOKENS } from './windows.js';

/**
 * The subject of a sentence's main clause: its first phrase, or the first after an opening
 * adverbial clause ("Reached by phone, Bennett denied …", "Sooner or later, the governor told …").
 */
export function sentenceSubject(tokens: Token[]): Token[] {
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
  if (comma < 0 || comma > first + OPENING_CLAUSE_COMMA_TOKENS) return [];
  for (let more = 0; more < 3; more++) {
    let from = comma + 1;
    while (from < tokens.length && !isWord(tokens[from]!)) from++; // `“Face the Nation,” Ryan …`
    const phrase = phraseForward(tokens, from);
    let after = phrase.length ? tokens[tokens.indexOf(phrase[phrase.length - 1]!) + 1] : undefined;
    // `In Aspen, Colo., Ann Lee …`: a state written short, its period then the comma, is still the place.
    if (after?.text === '.' && tokens[tokens.indexOf(after) + 1]?.text === ',') after = tokens[tokens.indexOf(after) + 1];
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

/** The subject of the first "that" clause whose subject is named: `It is clear that Ann Lee …` → Ann Lee. */
export function thatClauseSubject(tokens: Token[]): Token[] {
  const that = tokens.findIndex((t, k) => t.text.toLowerCase() === 'that' && isCapitalised(tokens[k + 1]?.text ?? ''));
  return that < 0 ? [] : sentenceSubject(tokens.slice(that + 1));
}

/**
 * The subject of the sentence the quotation stands in, when a name opens that sentence (`Pew
 * found that “…”`). A person merely named nearby is too weak a sign: no speaker then.
 */
export function sentenceSubjectSpeaks({ text, sentences, paragraphs, first }: QuotationContext): Finding[] {
  const sentence = sentenceAt(sentences, first.start);
  const opening = first.open >= 0 ? first.open : first.start;
  if (!sentence || sentence.start >= opening) return [];
  let phrase = sentenceSubject(tokenize(text, sentence.start, opening, { pattern: 'names', limit: SUBJECT_TOKENS }));
  if (phrase.length === 0 && /^\s*(?:Read|See|Watch|Click|Listen)\b/u.test(text.slice(sentence.start, opening))) {
    // `… expressed the same dismay. Read more on its website “…”`: a subjectless line goes on
    // about the person who opens the sentence before it, in the same paragraph.
    const before = sentences[sentenceIndex(sentences, sentence.start) - 1];
    if (before && before.start >= paragraphs[first.paragraph]!.start)
      phrase = sentenceSubject(tokenize(text, before.start, before.end, { pattern: 'names', limit: SUBJECT_TOKENS }));
  }
  const tokens = tokenize(text, sentence.start, opening, { pattern: 'names', limit: SUBJECT_TOKENS });
  // `It has become so common that Lee thanked them “…”`: after an empty "it", the "that" clause's subject.
  if (phrase.length === 1 && /^(?:it|there)(?:['’]s)?$/i.test(phrase[0]!.text)) phrase = thatClauseSubject(tokens);
  // `historian Nora Vale ended her speech: “…”`: a role in lower case before a person's full name.
  const role = phrase.findLastIndex((t) => !isCapitalised(t.text));
  if (
    role >= 0 &&
    (ROLE_NOUNS.has(phrase[role]!.text.toLowerCase()) || isTitleWord(phrase[role]!.text)) &&
    looksLikePersonPhrase(phrase.slice(role + 1))
  )
    phrase = phrase.slice(role + 1);
  if (phrase.length === 0 || !isCapitalised(phrase[0]!.text) || PRONOUNS.has(phrase[0]!.text.toLowerCase())) return [];
  // `The Lind campaign ad says …`: an ad, a report or a letter speaks for whoever it names.
  const author = authorOf(phrase);
  if (author.length) return [{ cue: { phrase: author, verb: author[author.length - 1]! }, via: 'subject' }];
  if (WEAK_SUBJECTS.some((rule) => rule.test(phrase, tokens))) return [];
  return [{ cue: { phrase, verb: phrase[phrase.length - 1]! }, via: 'subject' }];
}

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
  while (from < head && (NOUN_DETERMINERS.has(phrase[from]!.text.toLowerCase()) || MESSAGE_MODIFIERS.has(phrase[from]!.text.toLowerCase()))) from++;
  const name = phrase.slice(from, head);
  if (!name.length || !name.every((t) => isCapitalised(t.text) || NAME_LINKS.has(t.text))) return [];
  // `Lind’s remarks` reads as Lind only with its noun.
  return /['’]s?$/.test(name[name.length - 1]!.text) ? phrase.slice(from, head + 1) : name;
}

/** The index of the sentence token right after a phrase read from it; 0 when it is not there. */
function following(sentence: Token[], phrase: Token[]): number {
  const end = phrase[phrase.length - 1]!.end;
  return sentence.findIndex((t) => t.end === end) + 1;
}
