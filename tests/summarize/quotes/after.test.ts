import { describe, expect, it } from 'vitest';
import { AFTER_RULES } from '../../../src/summarize/quotes/after.js';
import { quotesOf } from '../stories.js';

/** The speaker of the story's first quotation and where the story names them (paragraphs are separated by blank lines). */
function attributed(story: string): { speaker: string | null; attribution: string | null } {
  const quotes = quotesOf(story);
  expect(quotes.length).toBeGreaterThan(0);
  return { speaker: quotes[0]!.speaker, attribution: quotes[0]!.attribution?.text ?? null };
}

/**
 * Each rule after the quotation, in the order they run: the speaker and the attribution its own
 * example gives, and a near miss it must not take.
 */
const CASES: { rule: string; speaker: string; attribution: string; nearMiss: string }[] = [
  {
    rule: 'a signature after a dash',
    speaker: 'Elsa Dahl',
    attribution: '― Elsa Dahl',
    // A dash that opens a sentence of its own signs nothing.
    nearMiss: '“Nobody reads the signs on the pier anymore.” - The Harbour Board has closed it for good.',
  },
  {
    rule: 'a signature line of its own below',
    speaker: 'Elsa Dahl',
    attribution: '- Elsa Dahl',
    // A line that goes on as a sentence is no signature.
    nearMiss: '“Nobody reads the signs on the pier anymore.”\n\n- Elsa Dahl has run the pier since May.',
  },
  {
    rule: 'the attribution right after the mark',
    speaker: 'Lars Ek',
    attribution: 'Lars Ek, the harbour master, told',
    // After a full stop, a sentence that runs on is not the attribution.
    nearMiss: '“The pier is closed for the winter.” Residents told reporters that the ferry would stop.',
  },
  {
    rule: 'a name and a verb of manner',
    speaker: 'Lars Ek',
    attribution: 'Lars Ek barked',
    // Only after a quotation left open: a full stop ends it.
    nearMiss: '“You will never close this pier.” Lars Ek barked.',
  },
  {
    rule: 'a speech verb later in the clause',
    speaker: 'Harbour Board',
    attribution: 'Harbour Board reported',
    // Only in the quotation's own sentence.
    nearMiss: '“Three boats were lost.” In the storm that hit the bay the Harbour Board reported damage.',
  },
];

describe('the rules after a quotation', () => {
  it('are all tested, in the order they run', () => {
    expect(AFTER_RULES.map((rule) => rule.name)).toEqual(CASES.map((c) => c.rule));
  });

  describe.each(CASES.map((c, i) => ({ ...c, example: AFTER_RULES[i]!.example })))('$rule', ({ example, speaker, attribution, nearMiss }) => {
    it(`attributes its example: ${example}`, () => {
      expect(attributed(example)).toEqual({ speaker, attribution });
    });

    it(`does not take a near miss: ${nearMiss}`, () => {
      expect(attributed(nearMiss)).toEqual({ speaker: null, attribution: null });
    });
  });
});
