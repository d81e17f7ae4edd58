import { describe, expect, it } from 'vitest';
import { BEFORE_RULES, explainBefore } from '../../../src/summarize/quotes/before.js';
import { quotesOf } from '../stories.js';

/** The speaker of the story's first quotation (paragraphs are separated by blank lines). */
function speaker(story: string): string | null {
  const quotes = quotesOf(story);
  expect(quotes.length).toBeGreaterThan(0);
  return quotes[0]!.speaker;
}

/** Which rule before the quotation settles the story's first quotation, and the phrase it offers. */
function reading(story: string): { rule: string; phrase: string | null } | null {
  return explainBefore(story.slice(0, story.indexOf('“')));
}

/**
 * Each rule before the quotation, in the order they run: the phrase and the speaker its own
 * example gives, and a near miss it must not take (another rule settles it, rightly).
 */
const CASES: { rule: string; phrase: string | null; speaker: string | null; nearMiss: { story: string; speaker: string | null } }[] = [
  {
    rule: 'according to',
    phrase: 'Coastal Weather Office',
    speaker: 'Coastal Weather Office',
    // A speech verb nearer the quotation speaks for it.
    nearMiss: { story: 'According to the Courier, Ada Brell said: “The pier is safe.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'a retort with "back"',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // No name before "shot back": a price is no speaker.
    nearMiss: { story: 'The price of fish shot back up, “nobody can pay that.”', speaker: null },
  },
  {
    rule: 'a participle after a speech verb',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // "left" reports no speech: the participle goes to the sentence's subject, a ferry the story does not name.
    nearMiss: { story: 'The ferry left the pier, adding “we will be back in May.”', speaker: null },
  },
  {
    rule: 'a name right before a participle',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // A medium after a preposition does not write.
    nearMiss: { story: 'Ada Brell replied on Facebook writing, “We will not sell the pier to anyone.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'a participle: the sentence’s subject',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // The one who said it before the participle, not the subject ("The pier").
    nearMiss: { story: 'The pier will stay shut, Ada Brell said, adding “we have no divers left.”', speaker: 'Ada Brell' },
  },
  {
    rule: '"to" before the verb: the sentence’s subject',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // "to the pier" is no "to say".
    nearMiss: { story: 'Ada Brell went to the pier and said “the north pier is safe.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'a place between commas before the verb: the person before it',
    phrase: 'Dean Lind',
    speaker: 'Dean Lind',
    // A place inside an apposition: the appositions are read instead.
    nearMiss: { story: 'Ada Brell, a fisherman from Selby, Ohio, says “the pier has never been this quiet.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'a person’s name between commas right before the verb',
    phrase: 'Ivo Lind',
    speaker: 'Ivo Lind',
    // A description between the commas is no name: the name before it speaks.
    nearMiss: { story: 'Ada Brell, the harbour master, said “the pier is safe.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'a name before up to three appositions',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // A name set off by the speaker's own words: the name right before the verb speaks.
    nearMiss: { story: 'Harbour master Ivo Lind, Brell said, had been on the pier for “a thousand years and then some more.”', speaker: 'Brell' },
  },
  {
    rule: '"and said": the sentence’s subject again',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // A new subject before "said" is the one who says it.
    nearMiss: { story: 'Ada Brell said the pier is safe and Ivo Lind said “the ferry is not.”', speaker: 'Ivo Lind' },
  },
  {
    rule: 'a preposition before the phrase: the subject that opens the sentence',
    phrase: 'The Harbour Board',
    speaker: 'Harbour Board',
    // After a comma the name before the verb speaks, not the sentence's first phrase.
    nearMiss: { story: 'The Harbour Board which runs the piers, Ada Brell said “the north pier is safe.”', speaker: 'Ada Brell' },
  },
  {
    rule: '"asked by": the one who asks',
    phrase: 'host Ivo Lind',
    speaker: 'Ivo Lind',
    // "by" and a place: no one asks.
    nearMiss: { story: 'Ada Brell said by the pier, “The boats are safe and the ferry is on time.”', speaker: 'Ada Brell' },
  },
  {
    rule: '"was asked" or "was told": the one asked is no speaker',
    phrase: null,
    speaker: null,
    // Asked by someone named: the one who asks.
    nearMiss: { story: 'Ada Brell was asked by host Ivo Lind, “Will the pier reopen?”', speaker: 'Ivo Lind' },
  },
  {
    rule: 'a name between dashes before the verb',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // No name inside the dashes: the phrase before the opening dash.
    nearMiss: { story: 'The harbour board -- which met on Monday -- said the pier “will never reopen to the public.”', speaker: 'The harbour board' },
  },
  {
    rule: 'the phrase before the verb',
    phrase: 'Harbour master Ada Brell',
    speaker: 'Ada Brell',
    // Nothing stands before the verb: the name after it speaks.
    nearMiss: { story: 'The pier is safe, said Ada Brell, “and it will stay open all winter.”', speaker: 'Ada Brell' },
  },
  {
    rule: '"told" or "asked": the listener is no speaker',
    phrase: null,
    speaker: null,
    // "said" takes no listener: the name after it speaks.
    nearMiss: { story: 'The pier is safe, said Ada Brell, “and it will stay open all winter.”', speaker: 'Ada Brell' },
  },
  {
    rule: 'the phrase after the verb',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // After "told" the name is the listener.
    nearMiss: { story: 'The harbour master, who told Ada Brell, “The pier is safe.”', speaker: null },
  },
  {
    rule: 'an "as" clause',
    phrase: 'Ada Brell',
    speaker: 'Ada Brell',
    // An "as" clause without a speech verb, "put it" or "pointed out" makes no one speak.
    nearMiss: { story: 'As Ada Brell walked along the north pier on Friday, “the gulls were already gone for the winter.”', speaker: null },
  },
  {
    rule: 'according to, anywhere in the sentence',
    phrase: 'Coastal Weather Office',
    speaker: 'Coastal Weather Office',
    // Near the quotation, "according to" is read as the words before the verb are.
    nearMiss: { story: 'According to the Coastal Weather Office, “the storm will reach the islands by Friday.”', speaker: 'Coastal Weather Office' },
  },
];

describe('the rules before a quotation', () => {
  it('are all tested, in the order they run', () => {
    expect(BEFORE_RULES.map((rule) => rule.name)).toEqual(CASES.map((c) => c.rule));
  });

  describe.each(CASES.map((c, i) => ({ ...c, example: BEFORE_RULES[i]!.example })))('$rule', ({ rule, example, phrase, speaker: want, nearMiss }) => {
    it(`settles its example: ${example}`, () => {
      expect(reading(example)).toEqual({ rule, phrase });
      expect(speaker(example)).toBe(want);
    });

    it(`does not take a near miss: ${nearMiss.story}`, () => {
      expect(reading(nearMiss.story)?.rule).not.toBe(rule);
      expect(speaker(nearMiss.story)).toBe(nearMiss.speaker);
    });
  });
});

describe('the engine before a quotation', () => {
  const far = 'on Friday the storm that flooded the north pier in May and broke the old ferry ramp will come back “';

  it('reads no verb further from the mark than a clause of its own', () => {
    expect(reading(`Ada Brell said ${far}`)).toBeNull();
  });

  it('reads a verb at any distance when "that" follows it', () => {
    expect(reading(`Ada Brell said that ${far}`)).toEqual({ rule: 'the phrase before the verb', phrase: 'Ada Brell' });
  });

  it('stops at the verb nearest the mark: a name further back is not taken', () => {
    expect(reading('Ada Brell said the pier is safe, and Ivo Lind told reporters, “')).toEqual({
      rule: 'the phrase before the verb',
      phrase: 'Ivo Lind',
    });
  });
});
