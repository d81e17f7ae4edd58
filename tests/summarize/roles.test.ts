import { describe, expect, it } from 'vitest';
import { describeQuote } from '../../src/digest/format.js';
import type { Quote } from '../../src/summarize/types.js';
import { quotesOf } from './stories.js';

/** Articles written for these tests: a title line, a blank line, paragraphs. */

const who = (quotes: Quote[]) => quotes.map((q) => [q.speaker, q.speakerRole]);

describe('speaker roles', () => {
  it('takes the apposition after the name, up to the speech verb', () => {
    const quotes = quotesOf(
      '“The levee needs money now,” said Rosa Delgado, president of the Riverside Farmers Union, which represents 900 growers.',
    );
    expect(who(quotes)).toEqual([['Rosa Delgado', 'president of the Riverside Farmers Union, which represents 900 growers']]);
  });

  it('takes the title before the name and a party label, dropping plain honorifics', () => {
    const quotes = quotesOf(
      '“We will not sign this budget,” Rep. Aaron Whitfield (D-Ore.) said on Monday.',
      '“Nobody asked the farmers what they think,” Mr. Whitfield added in a statement.',
      '“The harbour stays open through the winter,” Harbour Commissioner Lena Park told reporters.',
    );
    expect(who(quotes)).toEqual([
      ['Aaron Whitfield', 'Rep. (D-Ore.)'],
      ['Aaron Whitfield', 'Rep. (D-Ore.)'],
      ['Lena Park', 'Harbour Commissioner'],
    ]);
  });

  it('leaves out a party label the apposition would cut in half', () => {
    const quotes = quotesOf(
      'Tom Voss, a professor who once worked for Sen. Ada Lind (D-Ore.), one of the bill’s authors, said the toll was “the fairest way to pay for the new pier.”',
    );
    expect(who(quotes)).toEqual([['Tom Voss', 'a professor who once worked for Sen. Ada Lind']]);
  });

  it('stops an apposition before the clause that follows it', () => {
    const quotes = quotesOf(
      'Marta Ibsen, a hydrologist at Northfield University, warned last week that the wells were drying up.',
      '“We have five summers of water left, maybe fewer,” Ibsen said.',
    );
    expect(who(quotes)).toEqual([['Marta Ibsen', 'a hydrologist at Northfield University']]);
  });

  it('finds the role where the article introduces the person when the attribution gives none', () => {
    const quotes = quotesOf(
      'Colonel Dana Reyes, the commander of the northern garrison, inspected the damage on Friday.',
      '“The bridge will be rebuilt before the rains,” Reyes said.',
    );
    expect(who(quotes)).toEqual([['Dana Reyes', 'Colonel, the commander of the northern garrison']]);
  });

  it('keeps an office that stands for the name as the role', () => {
    const quotes = quotesOf(
      'Transport Secretary Helen Marsh opened the new line on Monday.',
      '“This line will change how people cross the city every day,” the Transport Secretary told reporters.',
    );
    expect(who(quotes)).toEqual([['Helen Marsh', 'Transport Secretary']]);
  });

  it('gives no role where the article gives none, and takes no clause for one', () => {
    const quotes = quotesOf(
      '“Prices will fall by spring,” Tomas Berg, under pressure from investors, said on Tuesday.',
      '“It is the best offer,” said Inga Holm.',
    );
    expect(quotes.map((q) => q.speakerRole)).toEqual([undefined, undefined]);
  });

  it('reads degraded text: an apposition without commas', () => {
    const quotes = quotesOf('"The convoy never arrived" said Karim Nadir a spokesman for the Coastal Relief Network.');
    expect(who(quotes)).toEqual([['Karim Nadir', 'a spokesman for the Coastal Relief Network']]);
  });

  it('shows the role after the name in the digest line', () => {
    const [quote] = quotesOf('“We will rebuild the school by autumn,” said Education Minister Sara Lund.');
    expect(describeQuote(quote!)).toBe('“We will rebuild the school by autumn” — Sara Lund, Education Minister');
    expect(describeQuote({ ...quote!, speakerRole: undefined })).toBe('“We will rebuild the school by autumn” — Sara Lund');
  });
});
