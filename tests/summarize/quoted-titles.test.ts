import { describe, expect, it } from 'vitest';
import { speakers } from './stories.js';

/** A book's or a show's title in quotation marks near an attribution is never the speaker. */
const CASES: { name: string; story: string; want: string | null }[] = [
  {
    name: 'the title in the apposition after the speaker',
    story: 'The ferry dispute became “a story the whole coast could agree on,” said Ines Varga, co-author of "Open Water," a history of the port.',
    want: 'Ines Varga',
  },
  {
    name: 'the show a contestant was on',
    story:
      'Tomas Brell, a contestant on the quiz show "The Long Table," who later worked for her, called her "always patient and generous with the crew."',
    want: 'Tomas Brell',
  },
];

describe('quoted titles are not speakers', () => {
  for (const { name, story, want } of CASES) {
    it(name, () => {
      const found = speakers(story);
      expect(found[0]).toBe(want);
    });
  }
});
