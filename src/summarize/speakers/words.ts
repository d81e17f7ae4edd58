/**
 * The single words an attribution is read by: whether a word is a speech verb ("said", "told"), a
 * verb that takes an object ("told reporters"), a participle, an auxiliary ("has", "also"),
 * capitalised, a word at all rather than a mark, or one that can stand in a name ("al-Hussein"). Each
 * decides about one token only; where a speaker phrase starts and ends is phrases.ts's work.
 */
import { AUXILIARIES, OBJECT_VERBS, SPEECH_VERBS } from '../lexicon/index.js';
import { ARABIC_PARTICLE } from '../names.js';
import type { Token } from '../tokens.js';

const PARTICIPLES = /ing$/;

export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word.toLowerCase());
}

export function takesObject(word: string): boolean {
  return OBJECT_VERBS.has(word.toLowerCase());
}

export function isParticiple(word: string): boolean {
  return PARTICIPLES.test(word);
}

export function isAuxiliary(word: string): boolean {
  return AUXILIARIES.has(word.toLowerCase()) || /^[a-z]+ly$/.test(word);
}

export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code > 127 && word[0] !== word[0]!.toLowerCase());
}

export function isWord(token: Token): boolean {
  return /^[\p{L}\p{N}]/u.test(token.text);
}

/** A word that can stand in a name: capitalised, or an Arabic particle joined to one ("al-Hussein"). */
export function isNameWord(word: string): boolean {
  return isCapitalised(word) || ARABIC_PARTICLE.test(word);
}

export const DASHES = /^[—–―-]$/;
