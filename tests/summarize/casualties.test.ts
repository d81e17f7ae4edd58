import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { extractCasualties } from '../../src/summarize/casualties.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { Figure } from '../../src/summarize/types.js';

/** Figures of an article with a neutral title and the given body. */
function figures(body: string, title = 'Report from the region'): Figure[] {
  const article = readArticle(`${title}\n\n${body}\n`, { origin: 'test' });
  const found = extractCasualties(article, splitSentences(article));
  for (const figure of found) expect(article.text.slice(figure.start, figure.end)).toBe(figure.text);
  return found;
}

/** The fields that scoring and the digest look at. */
function brief(found: Figure[]) {
  return found.map(({ count, min, max, kind }) => ({ count, min, max, kind }));
}

describe('extractCasualties: the seed article', () => {
  it('finds exactly the two figures of the expected digest, with "at least"', () => {
    const raw = readFileSync(new URL('../../seeds/000_64716e510a3de195.txt', import.meta.url), 'utf8');
    const article = readArticle(raw, { origin: 'seed' });
    const found = extractCasualties(article, splitSentences(article));
    // From ../shared/seeds/000_64716e510a3de195.expected.json
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ count: 130000, min: 130000, max: null, qualifier: 'at least', kind: 'killed', who: 'people' });
    expect(found[0]!.text).toContain('killed at least 130,000 people');
    expect(found[1]).toMatchObject({ count: 700, min: 700, max: null, qualifier: 'at least', kind: 'killed', who: 'people' });
    expect(found[1]!.text).toContain('at least 700 people have been killed');
    for (const figure of found) {
      expect(article.text.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.context).not.toMatch(/\s{2,}|\n/);
    }
  });
});

describe('extractCasualties: voice and phrasing', () => {
  it('reads active voice: the count as object of the verb', () => {
    const found = figures('The storm killed 14 villagers and injured 31 others on the coast.');
    expect(found).toMatchObject([
      { count: 14, kind: 'killed', who: 'villagers', text: 'killed 14 villagers' },
      { count: 31, kind: 'injured', who: 'others', text: 'injured 31 others' },
    ]);
  });

  it('reads passive voice with auxiliaries in between', () => {
    expect(brief(figures('Nine miners were reportedly killed when the tunnel collapsed.'))).toEqual([
      { count: 9, min: null, max: null, kind: 'killed' },
    ]);
    expect(brief(figures('Forty people have been injured since the protests began.'))).toEqual([
      { count: 40, min: null, max: null, kind: 'injured' },
    ]);
    expect(brief(figures('Sixty hikers are still missing in the mountains.'))).toEqual([{ count: 60, min: null, max: null, kind: 'missing' }]);
  });

  it('reads the count as a noun: dead, fatalities, casualties, deaths', () => {
    expect(brief(figures('The crash left 45 dead on the motorway.'))).toEqual([{ count: 45, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('Officials reported 8 fatalities after the fire.'))).toEqual([{ count: 8, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('The clashes caused 23 casualties among the police.'))).toEqual([{ count: 23, min: null, max: null, kind: 'casualties' }]);
  });

  it('reads tolls, bodies, lives and "among the dead"', () => {
    expect(brief(figures('By evening the death toll rose to 52, the ministry said.'))).toEqual([{ count: 52, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('Divers recovered the bodies of 20 fishermen.'))).toEqual([{ count: 20, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('The epidemic claimed the lives of 300 patients.'))).toEqual([{ count: 300, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('The flood has claimed 75 lives so far.'))).toEqual([{ count: 75, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('Twelve tourists were among the dead.'))).toEqual([{ count: 12, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('Eleven people lost their lives in the blaze.'))).toEqual([{ count: 11, min: null, max: null, kind: 'killed' }]);
  });

  it('tells displaced, detained and kidnapped apart', () => {
    expect(figures('The fighting forced 5,000 from their homes and left 2 million homeless.')).toMatchObject([
      { count: 5000, kind: 'displaced' },
      { count: 2_000_000, kind: 'displaced' },
    ]);
    expect(figures('Police arrested 300 demonstrators in the capital.')).toMatchObject([{ count: 300, kind: 'detained', who: 'demonstrators' }]);
    expect(figures('Gunmen kidnapped 20 students from a school bus.')).toMatchObject([{ count: 20, kind: 'kidnapped', who: 'students' }]);
    expect(figures('More than 3000 residents left the besieged town on buses.')).toMatchObject([{ count: 3000, min: 3000, kind: 'displaced' }]);
  });

  it('calls killed and wounded together casualties', () => {
    expect(figures('The blast killed and wounded 70 shoppers.')).toMatchObject([{ count: 70, kind: 'casualties' }]);
    expect(figures('Tens of protesters were killed or injured.')).toMatchObject([{ count: null, min: 20, kind: 'casualties' }]);
  });

  it('gives a part of a figure the kind of the whole: including, of them, among them', () => {
    expect(brief(figures('The raid killed 17 people, including five children.'))).toEqual([
      { count: 17, min: null, max: null, kind: 'killed' },
      { count: 5, min: null, max: null, kind: 'killed' },
    ]);
    expect(brief(figures('Ten farmers were injured, four of them women.'))).toEqual([
      { count: 10, min: null, max: null, kind: 'injured' },
      { count: 4, min: null, max: null, kind: 'injured' },
    ]);
    expect(brief(figures('The ambush cost the lives of 40 soldiers and 6 policemen.'))).toEqual([
      { count: 40, min: null, max: null, kind: 'killed' },
      { count: 6, min: null, max: null, kind: 'killed' },
    ]);
  });

  it('reads headline lists where each count has its own cue', () => {
    expect(brief(figures('Nothing more is known.', 'Bus Crash 3 Killed 18 Injured Near Border'))).toEqual([
      { count: 3, min: null, max: null, kind: 'killed' },
      { count: 18, min: null, max: null, kind: 'injured' },
    ]);
  });
});

describe('extractCasualties: qualifiers, ranges and vague amounts', () => {
  it('sets the lower bound for at least, more than, over', () => {
    expect(figures('At least 33 climbers died on the glacier.')).toMatchObject([
      { count: 33, min: 33, max: null, qualifier: 'At least', kind: 'killed' },
    ]);
    expect(figures('The quake killed more than 2,000 people.')).toMatchObject([{ count: 2000, min: 2000, qualifier: 'more than' }]);
    expect(figures('Over 90 workers were hurt in the explosion.')).toMatchObject([{ count: 90, min: 90, kind: 'injured' }]);
  });

  it('sets the upper bound for up to, nearly, almost', () => {
    expect(figures('Nearly 70 pupils were among those killed.')).toMatchObject([{ count: 70, min: null, max: 70, qualifier: 'Nearly' }]);
    expect(figures('Up to 400 people may have died in the landslide.')).toMatchObject([{ count: 400, max: 400, kind: 'killed' }]);
  });

  it('keeps about, around, some as the count alone', () => {
    expect(figures('Some 30000 people have fled the valley.')).toMatchObject([
      { count: 30000, min: null, max: null, qualifier: 'Some', kind: 'displaced' },
    ]);
  });

  it('reads ranges', () => {
    expect(figures('Between 10 and 15 guards were killed.')).toMatchObject([{ count: null, min: 10, max: 15, qualifier: 'between' }]);
    expect(figures('The shelling killed 20-25 people.')).toMatchObject([{ count: null, min: 20, max: 25 }]);
    expect(figures('Rescuers say 30 to 40 people are missing.')).toMatchObject([{ count: null, min: 30, max: 40, kind: 'missing' }]);
  });

  it('reads vague amounts with their conventional lower bounds', () => {
    expect(brief(figures('Dozens of villagers were wounded.'))).toEqual([{ count: null, min: 24, max: null, kind: 'injured' }]);
    expect(brief(figures('The siege killed scores of civilians.'))).toEqual([{ count: null, min: 40, max: null, kind: 'killed' }]);
    expect(brief(figures('Hundreds were killed in the first week.'))).toEqual([{ count: null, min: 200, max: null, kind: 'killed' }]);
    expect(brief(figures('Tens of thousands of families have been displaced.'))).toEqual([{ count: null, min: 20000, max: null, kind: 'displaced' }]);
    expect(brief(figures('The war has displaced millions.'))).toEqual([{ count: null, min: 2_000_000, max: null, kind: 'displaced' }]);
  });

  it('reads number words', () => {
    expect(brief(figures('A dozen sailors drowned and two dozen were injured.'))).toEqual([{ count: 24, min: null, max: null, kind: 'injured' }]);
    expect(brief(figures('Twenty-five fighters were killed.'))).toEqual([{ count: 25, min: null, max: null, kind: 'killed' }]);
    expect(brief(figures('The conflict has killed 1.5 million people.'))).toEqual([{ count: 1_500_000, min: null, max: null, kind: 'killed' }]);
  });
});

describe('extractCasualties: degraded text (commas and apostrophes stripped)', () => {
  it('reads figures without thousands commas or with spaces', () => {
    expect(brief(figures('The war has killed more than 250000 people since 2011'))).toEqual([
      { count: 250000, min: 250000, max: null, kind: 'killed' },
    ]);
    expect(brief(figures('Over 1 000 civilians have been killed in the province'))).toEqual([{ count: 1000, min: 1000, max: null, kind: 'killed' }]);
  });

  it('reads a run-on sentence with several figures and an apposition', () => {
    expect(brief(figures('A car bomb killed 9 people including two police officers and wounded 40 others the governor said'))).toEqual([
      { count: 9, min: null, max: null, kind: 'killed' },
      { count: 2, min: null, max: null, kind: 'killed' },
      { count: 40, min: null, max: null, kind: 'injured' },
    ]);
    expect(brief(figures('At least 13 civilians mostly women and children were killed in the raids'))).toEqual([
      { count: 13, min: 13, max: null, kind: 'killed' },
    ]);
  });

  it('reaches the verb past a short phrase', () => {
    expect(brief(figures('At least 10 members of the armed group were killed in the ambush'))).toEqual([
      { count: 10, min: 10, max: null, kind: 'killed' },
    ]);
  });

  it('reads a toll stated far from its value, and in a headline', () => {
    expect(brief(figures('Nothing else.', 'Death Toll in Market Bombing in the Northern City of Idlib Rises to 61'))).toEqual([
      { count: 61, min: null, max: null, kind: 'killed' },
    ]);
  });
});

describe('extractCasualties: numbers that are not casualties', () => {
  it('ignores dates, years, ages, durations and compound adjectives', () => {
    expect(figures('The 11-nation group met on 22 January and again in June 2012 to discuss the talks.')).toEqual([]);
    expect(figures('A 12-year-old boy aged 12 was killed on 3 January after nearly three years of war.')).toMatchObject([]);
    expect(figures('The fighting since 2011 has killed civilians on January 12, 2014.')).toEqual([]);
    expect(figures('Two years ago the clashes killed civilians for 5 days.')).toEqual([]);
  });

  it('ignores money, percentages, times, codes and counts of things', () => {
    expect(figures('Strikes destroyed 35 homes and 12 tanks, killing civilians.')).toEqual([]);
    expect(figures('The attack at 10:30 killed civilians and cost $300 million.')).toEqual([]);
    expect(figures('Some 45 percent of those killed were civilians.')).toEqual([]);
    expect(figures('Families of 9/11 victims spoke, and no-one was injured.')).toEqual([]);
    expect(figures('Warplanes flew 40 sorties and killed militants in 3 villages.')).toEqual([]);
  });

  it('does not take a subject that killed someone for the dead', () => {
    expect(figures('Twelve gunmen killed 30 farmers.')).toMatchObject([{ count: 30, kind: 'killed', who: 'farmers' }]);
  });

  it('ignores "one" used as a pronoun and picks of one from a set', () => {
    expect(figures('Everyone was scared but no one was hurt, and one got away.')).toEqual([]);
    expect(figures('The army named one of those killed as a local commander.')).toEqual([]);
  });

  it('does not join a count that has its own verb to a figure', () => {
    // The second count has its own verb: harmed by exposure, so injured, not killed.
    expect(brief(figures('More than 100 civilians were killed and 500 others mostly children have been affected by the gas'))).toEqual([
      { count: 100, min: 100, max: null, kind: 'killed' },
      { count: 500, min: null, max: null, kind: 'injured' },
    ]);
    expect(brief(figures('More than 100 civilians were killed and 500 others have been questioned by the police'))).toEqual([
      { count: 100, min: 100, max: null, kind: 'killed' },
    ]);
  });
});

describe('extractCasualties: robustness', () => {
  it('returns figures in article order with the sentence as context', () => {
    const found = figures('Rebels said 6 of their fighters died.\n\nLater, officials said 14   soldiers were wounded.');
    expect(found.map((f) => f.count)).toEqual([6, 14]);
    expect(found[1]!.context).toBe('Later, officials said 14 soldiers were wounded.');
  });

  it('never throws on odd input', () => {
    for (const body of [
      '',
      'killed',
      'killed -',
      '- 5 -',
      'at least at least 5',
      'between and killed',
      '12-',
      'killed 9'.repeat(500),
      '\u0000 killed 3 \ud800',
    ]) {
      expect(() => figures(body)).not.toThrow();
    }
  });
});

describe('extractCasualties: "the number of … killed has risen to N"', () => {
  it('takes the kind from the cue inside the number phrase', () => {
    expect(brief(figures('The number of guards killed in the week of riots has risen to 19, the ministry said.'))).toEqual([
      { count: 19, min: null, max: null, kind: 'killed' },
    ]);
    expect(brief(figures('The number of people wounded reached 240.'))).toEqual([{ count: 240, min: null, max: null, kind: 'injured' }]);
    expect(figures('The number of schools reopened rose to 40.')).toEqual([]);
  });
});

describe('extractCasualties: words that are names of object properties', () => {
  it('does not mistake "constructor" or "toString" for a cue or a number', () => {
    expect(figures('The constructor killed 3 toString valueOf hasOwnProperty and 12 constructor were wounded.')).toMatchObject([
      { count: 3, kind: 'killed' },
      { count: 12, kind: 'injured' },
    ]);
    expect(brief(figures('Officials said 7 constructor dead and twenty valueOf.'))).toEqual([{ count: 7, min: null, max: null, kind: 'killed' }]);
  });
});

describe('extractCasualties: any input', () => {
  it('never throws and keeps every figure at its offsets with consistent bounds', () => {
    const pieces = fc.constantFrom(
      ' killed',
      ' were killed',
      ' at least ',
      ' between ',
      ' and ',
      ' to ',
      '-',
      ' 1,200 ',
      ' 130000 ',
      ' 1 000 ',
      ' twenty-five ',
      ' a dozen ',
      ' hundreds of ',
      ' tens of thousands of ',
      ' people',
      ' civilians',
      ' including ',
      ' of them',
      ' the death toll rose to ',
      ' 9/11 ',
      ' 22 January ',
      ' 12-year-old ',
      ' constructor ',
      ',',
      '.',
      ' - ',
      '\n\n',
      ' wounded',
      ' dead',
      ' left ',
      ' Aleppo',
      ' among the ',
    );
    const body = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (text) => {
        for (const figure of figures(text)) {
          if (figure.min !== null && figure.max !== null) expect(figure.min).toBeLessThanOrEqual(figure.max);
          for (const value of [figure.count, figure.min, figure.max]) if (value !== null) expect(Number.isFinite(value) && value > 0).toBe(true);
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});
