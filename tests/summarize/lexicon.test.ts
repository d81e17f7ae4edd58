import { describe, expect, it } from 'vitest';
import * as lexicon from '../../src/summarize/lexicon/index.js';

/** The word lists the rules match lower-cased words against. */
const LOWER_CASE_LISTS = Object.entries(lexicon).filter(
  (entry): entry is [string, Set<string>] => entry[1] instanceof Set && entry[0] !== 'ABBREVIATIONS' && entry[0] !== 'PLACE_NAMES',
);

describe('the summarizer lexicon', () => {
  it.each(LOWER_CASE_LISTS)('%s holds lower-case words only, none empty', (_, words) => {
    expect(words.size).toBeGreaterThan(0);
    for (const word of words) expect(word).toMatch(/^[\p{Ll}\d][\p{Ll}\d.’'-]*$/u);
  });

  it('holds place names as lower-case phrases of two or more words', () => {
    for (const place of lexicon.PLACE_NAMES) expect(place).toMatch(/^[\p{Ll}.]+(?: [\p{Ll}.]+)+$/u);
  });

  it('keeps every title abbreviation and every abbreviation before a capital in the one abbreviation list', () => {
    for (const word of [...lexicon.NAME_TITLES, ...lexicon.BEFORE_CAPITALS]) expect(lexicon.ABBREVIATIONS.has(word)).toBe(true);
  });

  it('marks as object-taking only verbs it knows as speech verbs', () => {
    for (const verb of lexicon.OBJECT_VERBS) expect(lexicon.SPEECH_VERBS.has(verb) || verb.endsWith('ing')).toBe(true);
  });
});
