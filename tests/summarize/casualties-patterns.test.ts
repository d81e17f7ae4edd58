import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { extractCasualties } from '../../src/summarize/casualties.js';
import { compile, matchAt, matchEndingAt } from '../../src/summarize/casualties/match.js';
import { PHRASE_RULES } from '../../src/summarize/casualties/patterns.js';
import { countTokens } from './casualties/helpers.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { Figure, FigureKind } from '../../src/summarize/types.js';

function figures(body: string): Figure[] {
  const article = readArticle(`Report from the region\n\n${body}\n`, { origin: 'test' });
  return extractCasualties(article, splitSentences(article));
}

describe('the phrase matcher', () => {
  const words = (text: string) => countTokens(text);

  it.each([
    ['lost their|his|her lives', 'lost their lives in the fire', 0, 3],
    ['~injur|wound', 'wounds', 0, 1],
    ['of the? $cue', 'of wounded', 0, 2],
    ['of the? $cue', 'of the dead', 0, 3],
    ['treated # of', 'treated two dozen of', 0, 4],
    ['treated # of', 'treated 16 of', 0, 3],
    ['affected by the? @exposure', 'affected by chlorine', 0, 3],
    ['among the|those? %qualifier? #? @people? $cue', 'among at least 19 civilians killed', 0, 6],
    ['among the|those? %qualifier? #? @people? $cue', 'among the dead', 0, 3],
    ['leaving|left ^', 'left Tessa', 0, 2],
    ['leaving|left _? _? _? @placesLeft', 'left the besieged town', 0, 4],
  ])('"%s" matches "%s" from %i to %i', (pattern, text, start, end) => {
    expect(matchAt(words(text), start, compile(pattern))).toMatchObject({ start, end });
  });

  it.each([
    ['lost their|his|her lives', 'lost the match'],
    ['treated # of', 'treated them of'],
    ['affected by the? @exposure', 'affected by the drought'],
    ['$cue', 'walked'],
    ['leaving|left ^', 'left Killed'],
    ['leaving|left ^', 'left 300'],
    ['leaving|left _? _? _? @placesLeft', 'left the talks early'],
  ])('"%s" does not match "%s"', (pattern, text) => {
    expect(matchAt(words(text), 0, compile(pattern))).toBeNull();
  });

  it('gives the kind of the cue word it matched', () => {
    expect(matchAt(words('of those wounded'), 0, compile('of the|those $cue'))?.kind).toBe('injured');
    expect(matchAt(words('deaths of'), 0, compile('$nounOf of'))?.kind).toBe('killed');
  });

  it('matches a row that ends right before a given token', () => {
    const tokens = words('doctors treated 16 of the 29 cases');
    expect(matchEndingAt(tokens, 4, compile('treated|treating # of'))).toMatchObject({ start: 1, end: 4 });
    expect(matchEndingAt(tokens, 5, compile('treated|treating # of'))).toBeNull();
  });

  it('refuses a pattern naming a word list or table that does not exist', () => {
    expect(() => compile('@nosuchlist')).toThrow(/no word class "@nosuchlist"/);
    expect(() => compile('$nosuchtable')).toThrow(/no cue table/);
  });
});

/** What each rule's own example gives: the figure it is for (kind and count), or none for a rule that rules a count out. */
const EXPECTED: Record<string, { count: number | null; min?: number; kind: FigureKind } | null> = {
  'of the dead': { count: 12, kind: 'killed' },
  'lost their lives': { count: 11, kind: 'killed' },
  'sustained injuries': { count: 9, kind: 'injured' },
  'found refuge': { count: 4000, kind: 'displaced' },
  'found dead': { count: 3, kind: 'killed' },
  'from their homes': { count: 600, kind: 'displaced' },
  'out of their homes': { count: 300, kind: 'displaced' },
  'affected by exposure': { count: 33, kind: 'injured' },
  'treated for': { count: 40, kind: 'injured' },
  'rounded up and killed': { count: 41, kind: 'killed' },
  'moved from their homes': { count: 9000, kind: 'displaced' },
  'left a named place': { count: 3000, kind: 'displaced' },
  'left the town': { count: 3000, min: 3000, kind: 'displaced' },
  'among the dead': { count: 12, kind: 'killed' },
  'among others': null,
  'taken prisoner': { count: 12, kind: 'detained' },
  'taken hostage': { count: 12, kind: 'kidnapped' },
  'put to death': { count: 12, kind: 'killed' },
  'made homeless': { count: 1_000_000, kind: 'displaced' },
  'saved the lives of': null,
  'the deaths of': { count: 12, kind: 'killed' },
  'treated N of the M': { count: 29, kind: 'injured' },
  'the toll stands at': { count: 45, kind: 'killed' },
  'toll before the count': { count: 45, kind: 'injured' },
  'the number of people killed': { count: 39, kind: 'killed' },
};

describe('each phrase rule on its own example', () => {
  it('has an expectation for every rule', () => {
    expect(PHRASE_RULES.map((rule) => rule.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(PHRASE_RULES.map((rule) => [rule.name, rule.example] as const))('%s: "%s"', (name, example) => {
    const expected = EXPECTED[name];
    const found = figures(example);
    if (expected === null) expect(found).toEqual([]);
    else expect(found).toContainEqual(expect.objectContaining(expected));
  });
});
