/**
 * Who says a quotation: the words of an attribution ("British Foreign Secretary William Hague",
 * "the 11-nation Friends of Syria group", "he", "the US Secretary of State") turned into the
 * fullest name the article gives, through its name index (surnames, titles, organisations) and,
 * for pronouns, the most recent compatible speaker or sentence subject.
 *
 * The work lives in speakers/: words.ts (what one token is), phrases.ts (which tokens make up a
 * speaker phrase), context.ts (the article as a lookup sees it, and a Mention) and resolve.ts (whom
 * a phrase, a pronoun or a sentence's subject names). This module gathers what the quotation rules use.
 */
export { ADVERBIAL_OPENERS, PRONOUNS, ROLE_NOUNS } from './lexicon/index.js';
export { sentenceIndex, type Mention, type SpeakerContext } from './speakers/context.js';
export { phraseBackward, phraseForward } from './speakers/phrases.js';
export { describesSomeone, firstPerson, NAMES_NOBODY, pronounGender, recentMention, resolvePhrase, resolvePronoun } from './speakers/resolve.js';
export { DASHES, isAuxiliary, isCapitalised, isNameWord, isParticiple, isSpeechVerb, isWord, takesObject } from './speakers/words.js';
