import { describe, expect, it } from 'vitest';
import { WEAK_SUBJECTS } from '../../src/summarize/quotes.js';
import { speakers } from './stories.js';

/** Each weak-subject rule with a sentence whose subject names no speaker, and one where it does. */
const CASES: { rule: string; weak: string[]; strong: { story: string[]; want: string } }[] = [
  {
    rule: 'a heading in capitals',
    weak: [
      'Mara Quill spoke at the harbour on Monday.',
      'NORTH PIER CLOSES FOR WINTER “The last ferry of the season leaves the north pier on Friday at noon.”',
    ],
    strong: { story: ['NATO commander Mara Quill has said the drills were “a routine test of the northern command.”'], want: 'Mara Quill' },
  },
  {
    rule: 'a possessor',
    weak: ['Tomas Brell’s biographers, Ada and Piet Varo, wrote that he “never once lost an argument at the council table.”'],
    strong: { story: ['Tomas Brell’s remarks called the plan “a gift to the ferry companies and nobody else.”'], want: 'Tomas Brell' },
  },
  {
    rule: 'a name that describes a thing',
    weak: ['The Brell stereotype of the grumpy fisherman hides “the union banners carried by dockers in the long strike of the sixties.”'],
    strong: {
      story: ['Mayor Ilse Norrvik, a former teacher, told the meeting the budget is “a plan for the next ten years of the town.”'],
      want: 'Ilse Norrvik',
    },
  },
  {
    rule: 'a question word',
    weak: ['Mara Quill leads the harbour board.', 'What that means for the town: “The ferry fares will rise for everyone who lives on the islands.”'],
    strong: { story: ['Mara Quill has said that the ferry fares will “rise for everyone who lives on the islands next year.”'], want: 'Mara Quill' },
  },
  {
    rule: 'two people',
    weak: ['Orla Venn and former harbour master Tomas Brell found the pier “too old to repair and too costly to replace.”'],
    strong: { story: ['Orla Venn found the pier “too old to repair and too costly to replace.”'], want: 'Orla Venn' },
  },
];

describe('weak sentence subjects name no speaker', () => {
  it('has a case for every rule, in order', () => {
    expect(CASES.map((c) => c.rule)).toEqual(WEAK_SUBJECTS.map((r) => r.name));
  });
  for (const { rule, weak, strong } of CASES) {
    it(`${rule}: no speaker`, () => {
      const found = speakers(...weak);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => s === null)).toBe(true);
    });
    it(`${rule}: a plain subject still speaks`, () => {
      expect(speakers(...strong.story)).toEqual([strong.want]);
    });
  }
});

describe('a written message speaks for the name on it', () => {
  const STORIES: { story: string; want: string }[] = [
    { story: 'The Tide Watch ad accuses the mayor of “selling the north pier to the ferry companies.”', want: 'Tide Watch' },
    { story: 'One Tide Watch report found that the pier posts are “rotten below the waterline on the east side.”', want: 'Tide Watch' },
  ];
  for (const { story, want } of STORIES) {
    it(story.slice(0, 40), () => {
      const found = speakers(story);
      expect(found[found.length - 1]).toContain(want);
    });
  }
});
