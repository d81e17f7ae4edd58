import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_RULES } from '../../src/summarize/quotes.js';
import { speakers } from './stories.js';

/** Each rule with stories that only it can attribute, in the order the rules run. */
const RULES: { rule: string; stories: { story: string[]; want: (string | null)[] }[] }[] = [
  {
    rule: 'attribution after the quotation',
    stories: [
      { story: ['“The tide will turn before noon,” said harbour master Lars Ek.'], want: ['Lars Ek'] },
      { story: ['“The tide will turn before noon,” Lars Ek, the harbour master, told reporters.'], want: ['Lars Ek'] },
      { story: ['“Nobody reads the signs on the pier anymore.” ― Elsa Dahl'], want: ['Elsa Dahl'] },
      // An opening mark written where the closing one belongs (`,“ said`) still closes the quotation.
      {
        story: ['“It is unusual,“ said Elsa Dahl, a lawyer with the Harbour Trust. “It is a hard thing to do and pull off.”'],
        want: ['Elsa Dahl'],
      },
      // Two titles joined by "and" belong to the one person after them.
      {
        story: ['“That is what he did in the last storm and it worked,” said former Selby Gov. and Harbour Committee Chairman Lars Ek.'],
        want: ['Lars Ek'],
      },
      { story: ['“That is what he did in the last storm and it worked,” said Elsa Dahl and Lars Ek.'], want: ['Elsa Dahl'] },
      // After an apposition's comma a capitalised verb in the past still reports speech.
      { story: ['“We will not sell the pier to anyone,” Lars Ek, the head of the Harbour Trust, Tweeted on Friday.'], want: ['Lars Ek'] },
      // A modifier of a title ("retired", "former") opens the speaker's phrase; it is no verb.
      { story: ['“I am not going to say it is a mistake,” said retired harbour master Lars Ek, asked about the pier.'], want: ['Lars Ek'] },
      // After a participle comes what was said, not who said it.
      { story: ['Ada Brell said, “It is time we change how we do it,” promising the Harbour Trust will return to its roots.'], want: ['Ada Brell'] },
      // A document after "according to" speaks for whoever filed or released it; two authors name no one of them.
      { story: ['“There was no cause to close the pier,” according to a court filing by harbour lawyer Ada Brell.'], want: ['Ada Brell'] },
      {
        story: ['“There was no cause to close the pier,” according to excerpts of the speech released by the Harbour Trust.'],
        want: ['Harbour Trust'],
      },
      // A statement quoted whole and signed on its own last line before the closing mark.
      {
        story: ['“We will not sell the pier to anyone. It belongs to the town.', 'Elsa Dahl, Center for Coastal and Harbour Studies.”'],
        want: ['Elsa Dahl'],
      },
      // A clause with a new named subject that introduces the next quotation is that quotation's attribution only.
      {
        story: ['Ada Brell said he would make the pier “glow like a lantern,” and Ivo Lind vowed to “sell every plank of it to the highest bidder.”'],
        want: ['Ada Brell', 'Ivo Lind'],
      },
      // "and said X should …" shares the sentence's subject; X is who it is about.
      {
        story: ['Ada Brell, the mayor, asked us to “keep faith with the old pier” and said harbour master Ivo Lind should resign.'],
        want: ['Ada Brell'],
      },
      // Not a line that goes on as a sentence.
      { story: ['“We will not sell the pier to anyone. It belongs to the town.', 'Elsa Dahl, who runs the Harbour Trust, agrees.”'], want: [null] },
    ],
  },
  {
    rule: 'attribution before it, in its sentence',
    stories: [
      { story: ['Lars Ek said: “The tide will turn before noon and the boats can leave.”'], want: ['Lars Ek'] },
      { story: ['According to the Coastal Weather Office, “the storm will reach the islands by Friday.”'], want: ['Coastal Weather Office'] },
      // An apposition left open before the verb: the full name before it speaks, not the description.
      {
        story: ['Ada Brell, president and chief of the Harbour Trust stated, “It is not a political problem, it is a harbour problem.”'],
        want: ['Ada Brell'],
      },
      // Not a name set off by a speaker's own words (`Ivo Lind, Brell said, had …`).
      { story: ['Harbour master Ivo Lind, Brell said, had been on the pier for “a thousand years and then some more.”'], want: ['Brell'] },
      // A modal stands between the subject and its speech verb as "has" does.
      { story: ['Ada Brell may have said it best when she wrote: “The pier is the heart of the town and always will be.”'], want: ['Ada Brell'] },
      // An "as" clause makes its name speak, past an apposition, with a speech verb, "put it" or "pointed out".
      { story: ['As harbour historian Ada Brell pointed out in March, “the north pier has flooded every spring.”'], want: ['Ada Brell'] },
      { story: ['As Ada Brell, the harbour historian, put it: “the north pier has flooded every spring.”'], want: ['Ada Brell'] },
      { story: ['But as the Coastal Courier noted on Friday, “the north pier has flooded every spring.”'], want: ['Coastal Courier'] },
      // "touted", and the participles "promising", "vowing", "pledging", report speech.
      {
        story: ['Others want more dredging, with Ada Brell recently promising to “dredge the whole harbour before the winter.”'],
        want: ['Ada Brell'],
      },
      // A medium after a preposition does not write: `on Facebook writing` is the subject's.
      {
        story: ['Ivo Lind asked about the pier.', 'Ada Brell replied on Facebook writing, “We will not sell the pier to anyone.”'],
        want: ['Ada Brell'],
      },
      // "told" names who heard it, not who spoke.
      { story: ['The pier, as Ada Brell told the Coastal Courier on Friday, “has flooded every spring since May.”'], want: ['Ada Brell'] },
      // After a heading's spaced dash the name alone speaks, however the heading ends.
      {
        story: ['The tide tables have been important for sailors - Ada Brell: “The gauges were never checked after the storm.” [Courier.]'],
        want: ['Ada Brell'],
      },
      // The name after the dash speaks, not the heading's subject with its speech verb.
      { story: ['Sailors agree - Ada Brell: “The gauges were never checked after the storm.” [Courier.]'], want: ['Ada Brell'] },
      // Two full names before the colon wrote it together: one of them is shown, never the heading.
      {
        story: ['Tide tables were wrong - Ada Brell and Ivo Lind: “The gauges were never checked after the storm.” [Courier.]'],
        want: ['Ivo Lind'],
      },
      // Two names after a verb are objects, not authors.
      { story: ['The pier was rebuilt by Ada Brell and Ivo Lind: “The gauges were never checked after the storm.”'], want: [null] },
    ],
  },
  {
    rule: 'a lead-in paragraph ending in a colon',
    stories: [
      { story: ['Harbour master Lars Ek continued:', '“We will open the north pier again once the divers have checked it.”'], want: ['Lars Ek'] },
    ],
  },
  {
    rule: 'the sentence before names who speaks',
    stories: [
      { story: ['The pier is closed, Lars Ek said. “We will open it again once the divers have checked every post.”'], want: ['Lars Ek'] },
      // A quotation with no attribution of its own goes on with the subject who spoke in the sentence before.
      {
        story: ['Lars Ek said the pier would reopen in May.', '“We have the divers and the timber, and nothing else stands in our way.”'],
        want: ['Lars Ek'],
      },
      {
        story: ['Ada Brell touted her record on the harbour.', '“We need to find ways to support the divers who keep the pier open.”'],
        want: ['Ada Brell'],
      },
      // … also by "to" and a speech verb after the subject, or a participle of speech in its clause.
      {
        story: ['Lars Ek was quick to add that the deal does not include dropping the pier.', '“Building it? Not negotiable.”'],
        want: ['Lars Ek'],
      },
      {
        story: [
          'Ada Brell distanced herself from the board by saying she would help if asked.  “I am going to support the plan, and support it gladly.”',
        ],
        want: ['Ada Brell'],
      },
      // Praise reports no speech: the quotation stays without a speaker.
      {
        story: [
          'Ivo Valastro praised the mayor’s leadership after the storm.',
          '“We need someone who is going to cut through it and bring people together.”',
        ],
        want: [null],
      },
      // A verb followed only by where or when it was said ends the sentence as well.
      { story: ['The pier will stay open, Lars Ek said in a statement. “We will not sell the pier to anyone.”'], want: ['Lars Ek'] },
      // Not when the quotation has an attribution the rules cannot name.
      { story: ['Lars Ek said the pier would reopen in May.', '“The new ferries are far too long for it,” one captain wrote.'], want: [null] },
    ],
  },
  {
    rule: 'continues the previous quotation',
    stories: [
      {
        story: ['“The pier is closed,” said Lars Ek.', '“We will open it again once the divers have checked every post.”'],
        want: ['Lars Ek', 'Lars Ek'],
      },
    ],
  },
  {
    rule: 'the subject of its sentence',
    stories: [
      { story: ['The Harbour Board found that the pier was “not safe for anyone to walk on after dark.”'], want: ['Harbour Board'] },
      { story: ['The Harbour Board “has closed the north pier until the repairs are finished.”'], want: ['Harbour Board'] },
      // After an empty "it", the subject of the "that" clause; none when that clause names no one.
      {
        story: [
          'It’s become such a presence on the pier that Ada Brell during a Sunday speech thanked its members “for their support in the campaign for the pier.”',
        ],
        want: ['Ada Brell'],
      },
      { story: ['It is clear that the council wants the pier to be “a place for everyone in the town.”'], want: [null] },
      // A name right before a quotation in mid-sentence is not its speaker.
      { story: ['The storm moved on to Selby “with gusts that tore the roofs off three barns.”'], want: [null] },
    ],
  },
];

describe('attribution rules', () => {
  it('run in the order docs/quotes.md gives', () => {
    expect(ATTRIBUTION_RULES.map((r) => r.name)).toEqual(RULES.map((r) => r.rule));
  });

  describe.each(RULES)('$rule', ({ stories }) => {
    it.each(stories)('$story.0', ({ story, want }) => {
      expect(speakers(...story)).toEqual(want);
    });
  });
});
