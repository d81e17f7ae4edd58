import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../src/summarize/names.js';
import { NAMES_NOBODY } from '../../src/summarize/speakers.js';
import { speakers } from './stories.js';

/** Each rule of NAMES_NOBODY with a story where it keeps a wrong speaker out, and a near miss that still names someone. */
const NOBODY_CASES: { rule: string; story: string[]; want: (string | null)[]; nearMiss: { story: string[]; want: (string | null)[] } }[] = [
  {
    rule: 'a nationality or a party word alone',
    story: [
      'Lia Moss said Japan should be careful “not to stir up trouble” in the strait, while the ministry weighed in on the Korean and Japanese comments.',
    ],
    want: ['Lia Moss'],
    nearMiss: { story: ['“We will meet any candidate from any party,” an Israeli official said on Friday.'], want: ['an Israeli official'] },
  },
  {
    rule: 'a state written short after a town',
    story: ['At a conference that month in Aspen, Colo., the historian ended her speech with a line of verse: "Every obstacle yields to resolve."'],
    want: [null],
    nearMiss: { story: ['"Every obstacle yields to resolve," said Nora Vale, a historian from Aspen, Colo.'], want: ['Nora Vale'] },
  },
  {
    rule: 'a count',
    story: ['Six in 10 Republican said that the delegates "should vote for the candidate with the most support in the primaries."'],
    want: [null],
    nearMiss: {
      story: ['Seven of the delegates met Otto Ten on Monday.', '"We should vote for the candidate with the most support," Ten said.'],
      want: ['Otto Ten'],
    },
  },
  {
    rule: 'a headline in title case',
    story: [
      'Lind Calls Holm Unfit For Office',
      '"The pier needs a new board," Ada Holm said on Monday.',
      '"It will not happen under me," she added.',
    ],
    want: ['Ada Holm', 'Ada Holm'],
    nearMiss: { story: ['"The pier needs a new board," said Ada Holm of the Harbour Federation of Teachers.'], want: ['Ada Holm'] },
  },
  {
    rule: 'a compound adjective',
    story: ['The council met on Monday.', '"The pier stays shut until spring," said the Republican-leaning mayor.'],
    want: [null],
    nearMiss: { story: ['"The pier stays shut until spring," said Mayor Ann Lund-Berg.'], want: ['Ann Lund-Berg'] },
  },
];

describe('names that name nobody who can speak', () => {
  it('has a case for every rule, in order', () => {
    expect(NOBODY_CASES.map((c) => c.rule)).toEqual(NAMES_NOBODY.map((r) => r.name));
  });

  it.each(NOBODY_CASES)('$rule', ({ rule, story, want, nearMiss }) => {
    const row = NAMES_NOBODY.find((r) => r.name === rule)!;
    expect(row.test(row.example)).toBe(true);
    expect(speakers(...story)).toEqual(want);
    expect(speakers(...nearMiss.story)).toEqual(nearMiss.want);
  });
});

describe('he and she', () => {
  it.each([
    {
      name: '"she said" skips a man named nearer',
      story: [
        'Senator Ana Pryce met the committee. Tom Reyes was her aide for a year.',
        'Asked on Tuesday about Reyes, Pryce said "I know nothing about Tom Reyes and the letters," she said.',
      ],
      want: ['Ana Pryce'],
    },
    {
      name: 'an honorific says who is a woman when no given name does',
      story: [
        'Mrs. Okafor chaired the hearing. Her deputy, Tom Brandt, took notes.',
        'Asked about Brandt, Okafor said "He has done nothing wrong," she said.',
      ],
      want: ['Okafor'],
    },
    {
      name: 'a given name alone is a person "she" may point back to',
      story: [
        'The rally ran late into the night.',
        '“That is right, Ivo,” Melanie said to the candidate on the stage.',
        'The crowd cheered for ten minutes.',
        '“Are you winning?” she said.',
      ],
      want: ['Melanie', 'Melanie'],
    },
    {
      name: 'a pronoun stays free when nothing says who is a woman or a man',
      story: ['Taylor Quinn chaired the hearing on Monday.', '"The report is late," she said.'],
      want: ['Taylor Quinn'],
    },
  ])('$name', ({ story, want }) => {
    expect(speakers(...story)).toEqual(want);
  });

  it('reads the gender from the given name, then from an honorific or office before the surname', () => {
    const names = new NameIndex('Ana Pryce met Tom Reyes. Mrs. Okafor and Congressman Dale spoke. Jo Lind left.');
    expect(names.gender('Ana Pryce')).toBe('female');
    expect(names.gender('Tom Reyes')).toBe('male');
    expect(names.gender('Okafor')).toBe('female');
    expect(names.gender('Dale')).toBe('male');
    expect(names.gender('Jo Lind')).toBeNull();
  });
});

describe('a month written short', () => {
  it('is part of a name after a given name', () => {
    expect(speakers('"Many of his ideas are far from heartwarming," columnist Ai Jun wrote.')).toEqual(['Ai Jun']);
  });
});

describe('someone the story does not name, near a name', () => {
  it.each([
    {
      story: ['The schedule was odd, and a spokesman for Senator Ivo Brandt could only quip: "I guess the holiday was booked."'],
      want: ['a spokesman for Senator Ivo Brandt'],
    },
    {
      story: ['"We have a ton of work to do," said a longtime adviser to both Brandts, who spoke on condition of anonymity.'],
      want: ['a longtime adviser to both Brandts'],
    },
    { story: ['"The drop is directly due to the emails," said a person close to the Brandts.'], want: ['a person close to the Brandts'] },
    {
      story: ['"This is eerily similar to the first debate," one longtime adviser to Ivo Brandt said.'],
      want: ['one longtime adviser to Ivo Brandt'],
    },
  ])('is shown as written, never as the name: $want', ({ story, want }) => {
    expect(speakers(...story)).toEqual(want);
  });

  it.each([
    {
      story: ['"It was not a convincing argument," said one Democrat familiar with the discussion, who added that the staff seemed rattled.'],
      want: ['one Democrat familiar with the discussion'],
    },
    {
      story: ['"The pier deal is dead," one well-connected Republican close to the council said.'],
      want: ['one well-connected Republican close to the council'],
    },
    // The party word opens an organisation's name here, which speaks for its member as before.
    {
      story: ['"If I were a donor, I would want answers," said a prominent Republican National Committee member.'],
      want: ['Republican National Committee'],
    },
  ])('a party or a leaning alone describes someone as written: $want', ({ story, want }) => {
    expect(speakers(...story)).toEqual(want);
  });

  it('leaves an apposition to the name before it to that name', () => {
    expect(
      speakers(
        'Critics moved fast. Dag Andres, a spokesman for House Speaker Ivo Brandt, said, "Instead of reassuring the town after a fire, the mayor opted for a takedown."',
      ),
    ).toEqual(['Dag Andres']);
  });

  it('leaves "a member of" a group without a speaker, and a capitalised modifier is no name', () => {
    expect(speakers('"Currently nobody can get in or out of the city" a member of the Harlow-based rebel group Fastline told reporters.')).toEqual([
      null,
    ]);
  });
});

describe('an organisation’s whole name', () => {
  it('runs on over "of the" after its noun, but a person of an organisation stays the person', () => {
    expect(
      speakers('Fighting has left families "living in appalling conditions" the International Committee of the Red Cross said on Friday.'),
    ).toEqual(['International Committee of the Red Cross']);
    expect(speakers('"It was the least bad outcome," said Ivo Lind of the Harbour Trust.')).toEqual(['Ivo Lind']);
  });
});

describe('what a sentence’s subject is', () => {
  it('is the name after an opening clause, before anyone named inside it', () => {
    expect(
      speakers(
        'With a vote for Ivo Lind ruled out, Tom Cross said he is left with two options: vote for Ada Holm, whom he called "the most divisive figure in the past 25 years."',
      ),
    ).toEqual(['Tom Cross']);
  });

  it('is never a place written like a name, for "he" or "she"', () => {
    expect(
      speakers(
        'Ada Holm spoke in Concord on Monday.',
        'After the vote in New Hampshire the crowd cheered.',
        '"We have come a long way in nine months," she said.',
      ),
    ).toEqual(['Ada Holm']);
    expect(
      speakers(
        'Ada Holm spoke in Clearwater on Monday.',
        'After the vote in Pinellas County the crowd cheered.',
        '"We have come a long way in nine months," she said.',
      ),
    ).toEqual(['Ada Holm']);
  });

  it('is never a party adjective left alone, but "Republican" is also a noun ("a Republican said")', () => {
    const rule = NAMES_NOBODY.find((r) => r.name === 'a nationality or a party word alone')!;
    expect(rule.test('Democratic')).toBe(true);
    expect(rule.test('Republican')).toBe(false);
  });
});

describe('a document speaks for whoever wrote it', () => {
  it('names the author after "from" or "by"', () => {
    expect(
      speakers(
        'A paper from the left-leaning Harbour Institute had this to say about the plan: "Families at the top would receive far more than families at the bottom."',
      ),
    ).toEqual(['Harbour Institute']);
  });
});

describe('a description after a speaker', () => {
  it('stands for the one who just spoke, unless it names someone else', () => {
    expect(
      speakers(
        'Former harbour master Ada Holm urged voters to back the plan, saying, "There is a special place for people who do not help each other."',
        'At the town hall on Monday, the Lind supporter retorted: "There is a special place for people who vote for that plan."',
      ),
    ).toEqual(['Ada Holm', 'Lind supporter']);
  });
});

describe('a sentence that ends by crediting someone', () => {
  it('is theirs: "he said" after it points to them, not to the one it is about', () => {
    expect(
      speakers(
        'Ted Lind electrified the small crowds with speeches and promises to shake things up, Tom Stovall said.',
        '"He was very articulate, smart, well-spoken," he said.',
      ),
    ).toEqual(['Tom Stovall']);
  });

  it('but not when the sentence goes on after the verb with a clause of its own', () => {
    expect(
      speakers('Ted Lind spoke to the crowd, and Tom Stovall said the plan, which he backs, would pass.', '"He was very articulate," he said.'),
    ).toEqual(['Ted Lind']);
  });
});

describe('"he wrote" after a woman’s quotation', () => {
  it('does not carry her quotation on: no speaker rather than hers', () => {
    expect(
      speakers(
        'Ada Holm spoke at a town hall.',
        '“Now, is the harbour perfect? It isn’t,” Holm said. She then contrasted her efforts.',
        '“To Ada Holm, the four officials don’t matter at all. They are at best an inconvenience,” he wrote.',
      ),
    ).toEqual(['Ada Holm', null]);
  });

  it('still carries on the quotation of someone whose gender the story does not give', () => {
    expect(
      speakers('“The strike here was this morning,” asked Jihad, who survived it.', '“The people here were all women and children,” he said.'),
    ).toEqual(['Jihad', 'Jihad']);
  });
});
