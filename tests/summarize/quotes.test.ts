import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/summarize/quotes.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { Quote } from '../../src/summarize/types.js';
import { storyOf } from './stories.js';

/** Articles written for these tests: a title line, a blank line, paragraphs. */
function quotesOf(...paragraphs: string[]): Quote[] {
  const article = storyOf(...paragraphs);
  const quotes = extractQuotes(article, splitSentences(article));
  for (const quote of quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  return quotes;
}

const said = (quotes: Quote[]) => quotes.map((q) => [q.text, q.speaker]);

describe('extractQuotes', () => {
  it('gives a pronoun the speaker named before it, at the fullest name the story gives', () => {
    const quotes = quotesOf(
      'Finance Minister Maria Okonjo spoke to farmers in the capital on Tuesday.',
      'Okonjo said the drought would pass.',
      '“We will rebuild every granary that the floods took from us,” she said.',
    );
    expect(said(quotes)).toEqual([['We will rebuild every granary that the floods took from us,', 'Maria Okonjo']]);
  });

  it('reads attributions before and after the quotation, and "said X" inversions', () => {
    const quotes = quotesOf(
      'Harbour master Tomas Lindqvist said: “The channel will stay closed until the wreck is lifted.”',
      '“Nobody should sail past the breakwater tonight,” said Lindqvist.',
      '“Ships are waiting outside the port for a third day,” the port authority added.',
    );
    expect(said(quotes)).toEqual([
      ['The channel will stay closed until the wreck is lifted.', 'Tomas Lindqvist'],
      ['Nobody should sail past the breakwater tonight,', 'Tomas Lindqvist'],
      ['Ships are waiting outside the port for a third day,', 'port authority'],
    ]);
  });

  it('joins a quotation that runs over paragraphs', () => {
    const quotes = quotesOf(
      'Mayor Ana Ruiz addressed the council on Monday.',
      '“The bridge has carried traffic for ninety years and it is tired.',
      '“We will close it in spring and open a new one before winter,” Ruiz said.',
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe('Ana Ruiz');
    expect(quotes[0]!.parts?.map((p) => p.text)).toEqual([
      'The bridge has carried traffic for ninety years and it is tired.',
      'We will close it in spring and open a new one before winter,',
    ]);
  });

  it('keeps nested single quotes inside the quotation', () => {
    const quotes = quotesOf('“We will attend the ‘Harbour Forum’ talks if we are invited in writing,” Rear Admiral Jonas Berg told reporters.');
    expect(said(quotes)).toEqual([['We will attend the ‘Harbour Forum’ talks if we are invited in writing,', 'Jonas Berg']]);
  });

  it('leaves out names in scare quotes, titles and one-word fragments', () => {
    const quotes = quotesOf(
      'Delegates of the so-called “Northern Circle” met at the “Grand Lakes Summit Hall” to discuss the “milestone” deal.',
      'The mayor said she was “confident” about the outcome.',
    );
    expect(quotes).toEqual([]);
  });

  it('names the source of "according to"', () => {
    const quotes = quotesOf('According to the Lakeside Weather Service, “the storm will reach the coast before dawn on Friday.”');
    expect(quotes.map((q) => q.speaker)).toEqual(['Lakeside Weather Service']);
  });

  it('resolves an office to the person the story gives it', () => {
    const quotes = quotesOf(
      'Transport Secretary Helen Marsh opened the new line on Monday.',
      'The Transport Secretary said the trains would run every ten minutes.',
      '“This line will change how people cross the city every day,” the Transport Secretary told reporters.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Helen Marsh']);
  });

  it('names a group as the speaker, with its group noun', () => {
    const quotes = quotesOf('In a statement, the 12-member Coastal Towns alliance said that “no harbour will be sold to private owners this year”.');
    expect(quotes.map((q) => q.speaker)).toEqual(['Coastal Towns alliance']);
  });

  it('reads degraded text: straight quotes only and commas stripped', () => {
    const quotes = quotesOf(
      'Fighting continued on Sunday near the river a monitor said. "The shelling started before dawn and has not stopped" said Observatory director Karim Nadir. "Families are leaving the villages on foot" he said. "Rescue teams cannot reach the old town" Lina Farouk a local medic told reporters.',
    );
    expect(said(quotes)).toEqual([
      ['The shelling started before dawn and has not stopped', 'Karim Nadir'],
      ['Families are leaving the villages on foot', 'Karim Nadir'],
      ['Rescue teams cannot reach the old town', 'Lina Farouk'],
    ]);
  });

  it('joins a quotation split around its attribution when the sentence goes on', () => {
    const quotes = quotesOf('“The vote was close,” said senator Paul Ambrose, “but the people have decided and we accept it.”');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe('Paul Ambrose');
    expect(quotes[0]!.parts?.map((p) => p.text)).toEqual(['The vote was close,', 'but the people have decided and we accept it.']);
  });

  it('joins the pieces of one statement around a long attribution sentence, but not across a paragraph', () => {
    const quotes = quotesOf(
      '“The dam has held for sixty years,” Mr. Osei said, speaking at the river authority offices in Kumasi on Tuesday. “It will hold for sixty more if we repair the spillway.”',
      '“Money is the only question now,” said Efua Boateng, an engineer at the regional water board who has inspected the dam every spring since 2010. “The design itself is sound.”',
      '“We expect the tender in May,” Boateng said.',
      '“The work will take two dry seasons.”',
    );
    expect(quotes.map((q) => q.parts?.length ?? 1)).toEqual([2, 2, 1, 1]);
    expect(quotes[1]!.speaker).toBe('Efua Boateng');
  });

  describe('a statement split around one attribution sentence', () => {
    const cases: { name: string; story: string; pieces: number[] }[] = [
      {
        name: 'an attribution whose sentence holds a speech word used otherwise',
        story: '“The harbour is too shallow for the new ferries,” Ines Moreau said in a conference call. “We have to dredge it this winter.”',
        pieces: [2],
      },
      {
        name: 'a relative clause that reports earlier speech',
        story: '“The harbour is too shallow for the new ferries,” said Ines Moreau, who has said so for years. “We have to dredge it this winter.”',
        pieces: [2],
      },
      {
        name: 'a first piece that ends inside a single quotation mark',
        story: '“Every captain told us the same thing, ‘we cannot dock at low tide,’” Moreau said. “We have to dredge it this winter.”',
        pieces: [2],
      },
      {
        name: 'not when a second verb introduces the next piece',
        story: '“The harbour is too shallow for the new ferries,” Moreau said, adding, “we have to dredge it this winter.”',
        pieces: [1, 1],
      },
      {
        name: 'not when another sentence stands between',
        story: '“The harbour is too shallow for the new ferries,” Moreau said. She had a plan: “We have to dredge it this winter.”',
        pieces: [1, 1],
      },
      {
        name: 'a show named in quotation marks inside the attribution',
        story: '“The harbour is too shallow for the new ferries,” Moreau said on Radio Nord’s “Morning Tide.” “We have to dredge it this winter.”',
        pieces: [2],
      },
      {
        name: 'fragments of one sentence joined by words that are not a link',
        story: 'On Monday, Councillor Hanna Vogt said the toll was “a tax on commuters” for many families “who already pay too much for the ferry.”',
        pieces: [2],
      },
      {
        name: 'not fragments with a speech verb between',
        story: 'Councillor Hanna Vogt called the toll “a tax on commuters” and said the council was “not listening to the islands.”',
        pieces: [1, 1],
      },
      {
        name: 'not fragments in text whose commas were stripped',
        story: 'Vogt said the toll was "a tax on commuters" for many families "who already pay too much for the ferry." Rates rise in May.',
        pieces: [1, 1],
      },
    ];
    it.each(cases)('$name', ({ story, pieces }) => {
      expect(quotesOf(story).map((q) => q.parts?.length ?? 1)).toEqual(pieces);
    });
  });

  it('joins around an attribution whose label has periods: (D-Ore.), (D-S.C.)', () => {
    const quotes = quotesOf('“The plan is unfair to farmers,” Sen. Lisa Krone (D-Ore.) said. “It cuts their water and raises their taxes.”');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.parts).toHaveLength(2);
  });

  it('leaves out a title quoted with a comma before its attribution', () => {
    const quotes = quotesOf('Mayor Ana Ruiz spoke on “The Lakeside Morning Show,” a local radio programme, on Monday.');
    expect(quotes).toEqual([]);
  });

  it('counts a number with separators as one word', () => {
    const quotes = quotesOf('The report counted “3,210 flood victims” across the region.');
    expect(quotes).toEqual([]);
  });

  it('keeps a second piece that has its own attribution apart', () => {
    const quotes = quotesOf('“This is not acceptable,” Ines Moreau said. “You cut the wages of the cleaners first,” she told the board.');
    expect(said(quotes)).toEqual([
      ['This is not acceptable,', 'Ines Moreau'],
      ['You cut the wages of the cleaners first,', 'Ines Moreau'],
    ]);
  });

  it('joins quoted fragments of one sentence', () => {
    const quotes = quotesOf('Councillor Hanna Vogt called the plan “a costly mistake” and “an insult to every taxpayer” on Monday.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.parts?.map((p) => p.text)).toEqual(['a costly mistake', 'an insult to every taxpayer']);
    expect(quotes[0]!.speaker).toBe('Hanna Vogt');
  });

  it('keeps two sentences quoted apart as two quotations', () => {
    const quotes = quotesOf('"The road is cut" said Omar Haddad. "Nobody can bring food into the city now" he added.');
    expect(said(quotes)).toEqual([
      ['The road is cut', 'Omar Haddad'],
      ['Nobody can bring food into the city now', 'Omar Haddad'],
    ]);
  });

  it('does not take a new sentence after a closed quotation as its attribution', () => {
    const quotes = quotesOf(
      '“The school was hit twice in one hour and the roof fell in,” said aid worker Mira Salem.',
      '“We are still counting the children.” Local residents told reporters that the road was blocked.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Mira Salem', 'Mira Salem']);
  });

  it('takes the subject of the sentence when a prepositional phrase stands before the verb', () => {
    const quotes = quotesOf(
      'Northern Command which runs air operations in the Gulf Region said it had "opened an inquiry into the strike near the border".',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Northern Command']);
  });

  it('reads an apposition without commas after the name', () => {
    const quotes = quotesOf('"Water is running out in the camps" Samir Haddad a Cedar-based relief coordinator told the agency.');
    expect(quotes.map((q) => q.speaker)).toEqual(['Samir Haddad']);
  });

  it('ranks every quotation and marks up to three key ones from distinct speakers', () => {
    const quotes = quotesOf(
      'Governor Eva Lind and opposition leader Marco Besson met on Friday.',
      '“We have agreed to share the cost of the new hospital between the two regions,” Lind said.',
      '“This agreement is a good start but the details still worry us a great deal,” Besson said.',
      '“We will also look at the roads next year, once the budget allows it,” Lind said.',
    );
    expect(quotes.map((q) => q.rank).sort()).toEqual([1, 2, 3]);
    const keys = quotes.filter((q) => q.key);
    expect(keys.map((q) => q.speaker).sort()).toEqual(['Eva Lind', 'Marco Besson']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '"', '“”', '"""""', '“a “b ”c” d', '” he said “', 'x'.repeat(10_000), '"' + 'word '.repeat(500)]) {
      expect(() => quotesOf(text)).not.toThrow();
    }
  });
});
