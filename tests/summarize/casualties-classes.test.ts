/**
 * The failure classes of casualty figures on unseen conflict news, one table each. Every sentence
 * here is written for the tests (invented names, places and figures).
 */
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { extractCasualties } from '../../src/summarize/casualties.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { Figure, FigureKind } from '../../src/summarize/types.js';

function figures(body: string, title = 'Report from the region'): Figure[] {
  const article = readArticle(`${title}\n\n${body}\n`, { origin: 'test' });
  const found = extractCasualties(article, splitSentences(article));
  for (const figure of found) expect(article.text.slice(figure.start, figure.end)).toBe(figure.text);
  return found;
}

interface Want {
  count: number | null;
  min: number | null;
  max: number | null;
  kind: FigureKind;
  qualifier?: string | null;
}

/** The scored fields of each figure, plus the qualifier when the row names one. */
function brief(found: Figure[], wants: Want[]): Want[] {
  return found.map((f, i) => {
    const out: Want = { count: f.count, min: f.min, max: f.max, kind: f.kind };
    if (wants[i] && 'qualifier' in wants[i]!) out.qualifier = f.qualifier;
    return out;
  });
}

type Row = [sentence: string, wants: Want[]];

function table(rows: Row[]) {
  it.each(rows)('%s', (sentence, wants) => {
    expect(brief(figures(sentence), wants)).toEqual(wants);
  });
}

describe('vague quantities that open a sentence or follow a capital', () => {
  table([
    ['Scores of soldiers were killed in the ambush.', [{ count: null, min: 40, max: null, kind: 'killed', qualifier: 'Scores of' }]],
    ['Tens of fighters died near the river.', [{ count: null, min: 20, max: null, kind: 'killed', qualifier: 'Tens of' }]],
    ['Dozens were wounded when the bridge collapsed.', [{ count: null, min: 24, max: null, kind: 'injured', qualifier: 'Dozens' }]],
    ['In Darvel Dozens of villagers were injured.', [{ count: null, min: 24, max: null, kind: 'injured' }]],
    [
      'Scores were killed and hundreds injured.',
      [
        { count: null, min: 40, max: null, kind: 'killed' },
        { count: null, min: 200, max: null, kind: 'injured' },
      ],
    ],
    ['Tens were killed overnight.', [{ count: null, min: 20, max: null, kind: 'killed' }]],
    ['Heavy fire wounded scores more.', [{ count: null, min: 40, max: null, kind: 'injured' }]],
    ['The strikes killed tenths who were hiding in the tunnels.', [{ count: null, min: 20, max: null, kind: 'killed', qualifier: 'tenths' }]],
    ['The raids led to tenth of casualties.', [{ count: null, min: 20, max: null, kind: 'casualties', qualifier: 'tenth of' }]],
  ]);
  table([
    ['The scores were level when the match was suspended after a fan died.', []],
    ['Officials say a tenth of the victims were children.', []],
  ]);
});

describe('all of a group, and a second count sharing the verb', () => {
  table([
    ['The crash killed all five people on board.', [{ count: 5, min: null, max: null, kind: 'killed' }]],
    ['All five people on board were killed when the plane came down.', [{ count: 5, min: null, max: null, kind: 'killed' }]],
    [
      'The bombs killed 19 people in Arlen and another 23 in Mossby.',
      [
        { count: 19, min: null, max: null, kind: 'killed' },
        { count: 23, min: null, max: null, kind: 'killed', qualifier: 'another' },
      ],
    ],
    [
      'Gunmen killed 19 people in Arlen and 23 in the Old Quarter.',
      [
        { count: 19, min: null, max: null, kind: 'killed' },
        { count: 23, min: null, max: null, kind: 'killed' },
      ],
    ],
    [
      'Nineteen people were wounded in Arlen and 23 in Mossby.',
      [
        { count: 19, min: null, max: null, kind: 'injured' },
        { count: 23, min: null, max: null, kind: 'injured' },
      ],
    ],
  ]);
  table([
    ['The raid killed 19 people in Arlen and 23 tanks were destroyed.', [{ count: 19, min: null, max: null, kind: 'killed' }]],
    ['The raid killed 19 people in Arlen and 23 soldiers surrendered.', [{ count: 19, min: null, max: null, kind: 'killed' }]],
    [
      'The raid killed 19 people in Arlen and 23 more were injured in Mossby.',
      [
        { count: 19, min: null, max: null, kind: 'killed' },
        { count: 23, min: null, max: null, kind: 'injured' },
      ],
    ],
  ]);
});

describe('killing named by a noun', () => {
  table([
    ['Residents condemned the execution of 17 young men by the militia.', [{ count: 17, min: null, max: null, kind: 'killed' }]],
    ['The court heard about the deaths of 12 children in the fire.', [{ count: 12, min: null, max: null, kind: 'killed' }]],
    ['The killing of at least 40 prisoners shocked the town.', [{ count: 40, min: 40, max: null, kind: 'killed', qualifier: 'at least' }]],
    ['Around 41 rebels were rounded up and executed by the group.', [{ count: 41, min: null, max: null, kind: 'killed' }]],
  ]);
  table([['Medics saved the lives of 30 children.', []]]);
});

describe('injury through treatment or exposure', () => {
  table([
    [
      'Doctors treated 16 of the 29 cases brought in from the village.',
      [
        { count: 16, min: null, max: null, kind: 'injured' },
        { count: 29, min: null, max: null, kind: 'injured' },
      ],
    ],
    ['Some 33 people were affected by the gas in Tamsin.', [{ count: 33, min: null, max: null, kind: 'injured', qualifier: 'Some' }]],
    [
      'Two were killed and 60 others mostly children have been affected by the chlorine.',
      [
        { count: 2, min: null, max: null, kind: 'killed' },
        { count: 60, min: null, max: null, kind: 'injured' },
      ],
    ],
    ['Over 10 workers have been hospitalised since the leak.', [{ count: 10, min: 10, max: null, kind: 'injured' }]],
    ['Forty people were treated for burns at the clinic.', [{ count: 40, min: null, max: null, kind: 'injured' }]],
  ]);
  table([
    ['The court heard 40 cases of fraud last year.', []],
    ['The panel treated the 3 reports as credible after the deaths.', []],
    ['The clinic received 30 donations after the blast injured many.', []],
    ['Some 2 million people were affected by the drought.', []],
    ['More than 100 civilians were killed and 500 others have been questioned by the police.', [{ count: 100, min: 100, max: null, kind: 'killed' }]],
  ]);
});

describe('displacement without a casualty word', () => {
  table([
    ['More than 5,000 people were evacuated from the valley.', [{ count: 5000, min: 5000, max: null, kind: 'displaced' }]],
    ['Thousands of evacuees left the town overnight.', [{ count: null, min: 2000, max: null, kind: 'displaced' }]],
    ['The convoy carried thousands of evacuees to Kelmar.', [{ count: null, min: 2000, max: null, kind: 'displaced' }]],
    ['The plan could see some 9000 people moved across front lines.', [{ count: 9000, min: null, max: null, kind: 'displaced', qualifier: 'some' }]],
    [
      'A further 40 residents including three nurses left Orvane on buses.',
      [
        { count: 40, min: null, max: null, kind: 'displaced' },
        { count: 3, min: null, max: null, kind: 'displaced' },
      ],
    ],
    ['Some 600 people including fighters left Tessa and Brun.', [{ count: 600, min: null, max: null, kind: 'displaced' }]],
    [
      'Tens of thousands of civilians including thousands of children and new born babies have escaped rebel-held areas.',
      [
        { count: null, min: 20000, max: null, kind: 'displaced' },
        { count: null, min: 2000, max: null, kind: 'displaced' },
      ],
    ],
  ]);
  table([
    ['About 300 troops moved into the town at dawn.', []],
    ['Thirteen patients were moved to other clinics.', []],
  ]);
});

describe('counts with a clause or insert before their verb', () => {
  table([
    [
      'Tens of villagers who tried to reach the border were killed and injured by the shelling.',
      [{ count: null, min: 20, max: null, kind: 'casualties' }],
    ],
    ['Officials named the 40 people who were killed in the blast.', [{ count: 40, min: null, max: null, kind: 'killed' }]],
    [
      'At least 12 civilians including three children were killed.',
      [
        { count: 12, min: 12, max: null, kind: 'killed' },
        { count: 3, min: null, max: null, kind: 'killed' },
      ],
    ],
    [
      'The strike killed more than 30 people including 8 children and injured 50.',
      [
        { count: 30, min: 30, max: null, kind: 'killed' },
        { count: 8, min: null, max: null, kind: 'killed' },
        { count: 50, min: null, max: null, kind: 'injured' },
      ],
    ],
  ]);
  table([
    ['At least 50 people most of them civilians were killed in the raid.', [{ count: 50, min: 50, max: null, kind: 'killed' }]],
    ['At least 412 people more than half of them from the militia have been killed in Varn.', [{ count: 412, min: 412, max: null, kind: 'killed' }]],
  ]);
  table([['Some 300 people most of them students marched after the deaths.', []]]);
  table([
    [
      'Some 500 people left Tessa on buses. The monitor said the transfer includes 80 armed men.',
      [
        { count: 500, min: null, max: null, kind: 'displaced' },
        { count: 80, min: null, max: null, kind: 'displaced' },
      ],
    ],
  ]);
  table([
    ['The 200 families who fled last year have returned.', []],
    ['The monitor said the convoy includes 80 armed men.', []],
  ]);
});

describe('missing people', () => {
  table([['More than 300 people are still unaccounted for after the landslide.', [{ count: 300, min: 300, max: null, kind: 'missing' }]]]);
});

describe('verb lists in text that lost its commas', () => {
  table([
    [
      'A suicide bomber killed 30 people injured 90 at a wedding in Tarsa.',
      [
        { count: 30, min: null, max: null, kind: 'killed' },
        { count: 90, min: null, max: null, kind: 'injured' },
      ],
    ],
    [
      'The war has killed more than 200000 people wounded at least one million and left many homeless.',
      [
        { count: 200000, min: 200000, max: null, kind: 'killed' },
        { count: 1_000_000, min: 1_000_000, max: null, kind: 'injured' },
      ],
    ],
    [
      '8 persons killed 58 others injured in rocket attacks on Varn.',
      [
        { count: 8, min: null, max: null, kind: 'killed' },
        { count: 58, min: null, max: null, kind: 'injured' },
      ],
    ],
    ['Civilian killed 3 injured in attacks on Varn.', [{ count: 3, min: null, max: null, kind: 'injured' }]],
    ['Rebels massacred 250 soldiers taken hostage at the airbase.', [{ count: 250, min: null, max: null, kind: 'killed' }]],
    ['The 12 guards who killed 30 villagers were arrested.', [{ count: 30, min: null, max: null, kind: 'killed' }]],
  ]);
});

describe('killing told by a verb that needs people as its object', () => {
  table([
    ['Army eliminates 60 terrorists near Tadmor', [{ count: 60, min: null, max: null, kind: 'killed' }]],
    ['Troops destroyed over 60 gunmen near the dam.', [{ count: 60, min: 60, max: null, kind: 'killed' }]],
  ]);
  table([
    ['Troops destroyed 60 tanks near the dam.', []],
    ['Jets destroyed 12 near the border, and four people were killed.', [{ count: 4, min: null, max: null, kind: 'killed' }]],
    ['Eight members of one family were killed.', [{ count: 8, min: null, max: null, kind: 'killed' }]],
  ]);
});

describe('no new false figures: dates, ages, durations, votes, money', () => {
  table([
    ['The vote was 45 to 12 in favour of the truce.', []],
    ['He was 45 when he died in 2011.', []],
    ['The fund raised 300 dollars for the victims.', []],
    ['The siege has lasted 18 months and killed nobody, officials said.', []],
    ['On 12 March the council voted 30 to 4 after the deaths.', []],
    ['The victims, aged 23 and 31, were buried on Friday.', []],
  ]);
});
