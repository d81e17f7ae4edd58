import { describe, expect, it } from 'vitest';
import * as casualtyLexicon from '../../src/summarize/lexicon/casualties.js';
import * as lexicon from '../../src/summarize/lexicon/index.js';

/** Lists matched against words as written, case and all. */
const WRITTEN_LISTS = ['ABBREVIATIONS', 'GENERATIONS', 'PLACE_NAMES'];

/** The word lists the rules match lower-cased words against. */
const LOWER_CASE_LISTS = Object.entries(lexicon).filter(
  (entry): entry is [string, Set<string>] => entry[1] instanceof Set && !WRITTEN_LISTS.includes(entry[0]),
);

describe('the summarizer lexicon', () => {
  it.each(LOWER_CASE_LISTS)('%s holds lower-case words only, none empty', (_, words) => {
    expect(words.size).toBeGreaterThan(0);
    for (const word of words) expect(word).toMatch(/^[\p{Ll}\d][\p{Ll}\d.’'-]*$/u);
  });

  it('holds place names as lower-case phrases of two or more words', () => {
    for (const place of lexicon.PLACE_NAMES) expect(place).toMatch(/^[\p{Ll}.]+(?: [\p{Ll}.]+)+$/u);
  });

  it('holds the generations that end a name as they are written', () => {
    for (const generation of lexicon.GENERATIONS) expect(generation).toMatch(/^(?:\p{Lu}\p{Ll}\.?|[IVX]+)$/u);
  });

  it('keeps every title abbreviation and every abbreviation before a capital in the one abbreviation list', () => {
    for (const word of [...lexicon.NAME_TITLES, ...lexicon.BEFORE_CAPITALS]) expect(lexicon.ABBREVIATIONS.has(word)).toBe(true);
  });

  it('marks as object-taking only verbs it knows as speech verbs', () => {
    for (const verb of lexicon.OBJECT_VERBS) expect(lexicon.SPEECH_VERBS.has(verb) || verb.endsWith('ing')).toBe(true);
  });

  it('gives every list its own name, also across the casualty lexicon', () => {
    const shared = Object.keys(casualtyLexicon).filter((name) => name in lexicon);
    expect(shared).toEqual([]);
  });

  it('never holds the same words under two names', () => {
    const lists = [...Object.entries(lexicon), ...Object.entries(casualtyLexicon)].filter(
      (entry): entry is [string, Set<string>] => entry[1] instanceof Set,
    );
    const byWords = new Map<string, string>();
    for (const [name, words] of lists) {
      const key = [...words].sort().join(' ');
      expect(byWords.get(key), `${name} holds the words of ${byWords.get(key)}`).toBeUndefined();
      byWords.set(key, name);
    }
  });
});
