import { describe, expect, it } from 'vitest';
import { speakers } from './stories.js';

/** Text decoded with the wrong character set turns "ç" into "Ã§"; the name must stay whole. */
const CASES: { name: string; story: string; want: string }[] = [
  {
    name: 'Ã with a combining tilde, then §',
    story: 'Mayor Fran\u0041\u0303\u00a7oise Lemarc condemned the “attack on the harbour that nobody can excuse.”',
    want: 'Fran\u0041\u0303\u00a7oise Lemarc',
  },
  {
    name: 'Ã as one letter, then ±',
    story: 'Governor Pablo Pe\u00c3\u00b1aranda said the ferries would “run again as soon as the pier is safe.”',
    want: 'Pablo Pe\u00c3\u00b1aranda',
  },
];

describe('names with mis-decoded accented letters', () => {
  for (const { name, story, want } of CASES) {
    it(name, () => {
      expect(speakers(story)).toEqual([want]);
    });
  }
});
