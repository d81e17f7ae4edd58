import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/summarize/types.js';
import { quotesOf } from './stories.js';

/** Articles written for these tests: a title line, a blank line, paragraphs. */

const speakers = (quotes: Quote[]) => quotes.map((q) => q.speaker);

/** Classes of wrong speakers found on annotated news, each on text written here. */
describe('who speaks', () => {
  it('reads a list of quotations each signed with a dash, a nested curly quotation inside one', () => {
    const quotes = quotesOf(
      '“I would rather live in what he calls “chaos” than in his kind of order.” ― Ana Lopez',
      '“Nobody here will vote for a man who insults us.” ― Pedro Alves',
    );
    expect(speakers(quotes)).toEqual(['Ana Lopez', 'Pedro Alves']);
  });

  it('does not widen a surname into a heading written in title case', () => {
    const quotes = quotesOf(
      'February 6, 9:09PM Voss Hints Lind Would Close Pier',
      'Mayor Ada Lind met the harbour board on Monday.',
      '“The pier is not safe for the ferries this winter,” Lind said.',
    );
    expect(speakers(quotes)).toEqual(['Ada Lind']);
  });

  it('keeps a generation after the surname in the name', () => {
    const quotes = quotesOf('Harbour master Tom Voss Jr. spoke on Monday.', '“The pier is not safe for the ferries this winter,” Voss said.');
    expect(speakers(quotes)).toEqual(['Tom Voss']);
  });

  it('takes the person after an organisation and its role noun', () => {
    const quotes = quotesOf('"The ferry will not sail before Friday" said Harbour Authority spokesperson Captain Lena Ortiz on Monday.');
    expect(speakers(quotes)).toEqual(['Lena Ortiz']);
  });

  it('reads names with an Arabic particle in degraded text', () => {
    const quotes = quotesOf(
      '"Nine people including the mayor of the town were killed" and dozens more were wounded Samir al-Hadi told reporters by telephone.',
    );
    expect(speakers(quotes)).toEqual(['Samir al-Hadi']);
  });

  it('points "he added" after a quotation to the speaker before it, not to a name inside its sentence', () => {
    const quotes = quotesOf(
      '"The market was full when the shells fell" said local activist Omar Khalil. "The army is punishing the villages that supported the protest" against Governor Tarek Mansour he added.',
    );
    expect(speakers(quotes)).toEqual(['Omar Khalil', 'Omar Khalil']);
  });

  it('does not take the subject of the next sentence, which introduces another quotation, as the attribution', () => {
    const quotes = quotesOf(
      'Norway called the launch “a reckless act that endangers shipping.” The Maritime Safety Agency said the crew had shown “complete disregard for the warnings they received.”',
    );
    expect(speakers(quotes)).toEqual(['Norway', 'Maritime Safety Agency']);
  });

  it('skips several appositions between the name and the verb', () => {
    const quotes = quotesOf(
      '“It is an overreach by the federal agency,” Mark Dalton, the attorney general of Westland, one of the states suing the agency, said on Tuesday.',
    );
    expect(speakers(quotes)).toEqual(['Mark Dalton']);
    expect(quotes[0]!.speakerRole).toBe('the attorney general of Westland, one of the states suing the agency');
  });

  it('gives "the statement" to the group that issued it', () => {
    const quotes = quotesOf(
      'In a Sunday statement the Coastal Rights Network (CRN) said that 400 people had drowned this year. "Most of them were children travelling alone" the statement added.',
    );
    expect(speakers(quotes)).toEqual(['Coastal Rights Network']);
    expect(quotes[0]!.speakerRole).toBe('CRN');
  });

  it('takes the speaker of the sentence before a quotation that has no attribution', () => {
    const quotes = quotesOf(
      '“We need the bridge,” Mayor Hal Brandt said on Monday.',
      'The council may delay the vote while Treasurer Ellen Voss reviews the budget, Senator Ruth Kagame said. “The other question is who pays for the repairs once the bridge is built.”',
    );
    expect(speakers(quotes)).toEqual(['Hal Brandt', 'Ruth Kagame']);
  });

  it('does not carry a speaker over a person named in between', () => {
    const quotes = quotesOf(
      '"The warehouse was known to everyone" said Mona Idris. Laila Haddad a spokesperson for the Relief Forum expressed the same dismay. Read more on the Relief Forum website "Aid points like this one are known to all parties in the conflict."',
    );
    expect(speakers(quotes)).toEqual(['Mona Idris', 'Laila Haddad']);
  });

  it('reads "called" and "branded" as attributions of the quoted words', () => {
    const quotes = quotesOf(
      'The Security Council condemned what it called "a clear threat to the peace of the region." Norway branded the regime "an outlaw state in the neighbourhood."',
    );
    expect(speakers(quotes)).toEqual(['Security Council', 'Norway']);
  });

  it('gives "but said" the subject of its sentence', () => {
    const quotes = quotesOf(
      'Mayor Jana Roberts said Friday that she wants the footage released but said "the question is when it can be shown safely."',
    );
    expect(speakers(quotes)).toEqual(['Jana Roberts']);
  });

  it('takes the name before an apposition that stands before the verb', () => {
    const quotes = quotesOf('Rita Moreau, a senior adviser to the campaign, called the speech "a true wake-up call for the party."');
    expect(speakers(quotes)).toEqual(['Rita Moreau']);
  });

  it('keeps an organisation named with "and" whole, with its acronym as the role', () => {
    const quotes = quotesOf(
      '"Twenty volunteers were killed while unloading the trucks" the International Union of Rescue and Relief Societies (IURRS) said in a statement.',
    );
    expect(speakers(quotes)).toEqual(['International Union of Rescue and Relief Societies']);
    expect(quotes[0]!.speakerRole).toBe('IURRS');
  });

  it('reads "according to" that opens a long sentence before the quotation', () => {
    const quotes = quotesOf(
      'According to the statement the Lakeside Children Fund continues to provide treatment and shelter in the area of the flood as well as to work with local partners "to raise awareness about clean water in every village."',
    );
    expect(speakers(quotes)).toEqual(['Lakeside Children Fund']);
  });

  it('takes no one from a heading in capitals', () => {
    const quotes = quotesOf('PARLIAMENT HAS QUESTIONED HIM — Dr. Ivo Brandt sold a tea he called a "cure for every kind of fatigue."');
    expect(speakers(quotes)).toEqual(['Ivo Brandt']);
  });

  it('reads a party label with periods inside an apposition before the verb', () => {
    const quotes = quotesOf('“Our assumption is that the veto will be overridden,” Senate Majority Leader Tom Avery, R-Ky., said Tuesday.');
    expect(speakers(quotes)).toEqual(['Tom Avery']);
    expect(quotes[0]!.speakerRole).toBe('Senate Majority Leader, R-Ky.');
  });
});
