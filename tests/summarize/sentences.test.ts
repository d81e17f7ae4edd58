import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/read.js';
import { splitSentences } from '../../src/summarize/sentences.js';

function sentencesOf(body: string): string[] {
  const article = readArticle(`Title\n\n${body}`, { origin: 'sentences.txt' });
  return splitSentences(article).map((s) => article.text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits plain sentence ends', () => {
    expect(sentencesOf('The bridge reopened in Riverton. Traffic returned at noon! Was it worth the wait? Residents think so.')).toEqual([
      'The bridge reopened in Riverton.',
      'Traffic returned at noon!',
      'Was it worth the wait?',
      'Residents think so.',
    ]);
  });

  it('does not split after titles, initials and abbreviations', () => {
    expect(sentencesOf('Mr. Smith met Del. Ana Ortiz and Gen. Lee in the U.S. capital. John F. Kennedy Airport was closed.')).toEqual([
      'Mr. Smith met Del. Ana Ortiz and Gen. Lee in the U.S. capital.',
      'John F. Kennedy Airport was closed.',
    ]);
  });

  it('keeps a quotation and its attribution in one sentence', () => {
    expect(sentencesOf('“Why now? Why here?” a resident asked. “We will rebuild. We always do,” the mayor said. The work starts Monday.')).toEqual([
      '“Why now? Why here?” a resident asked.',
      '“We will rebuild. We always do,” the mayor said.',
      'The work starts Monday.',
    ]);
  });

  it('does not split after a party label in parentheses when the sentence goes on', () => {
    expect(
      sentencesOf('Sen. Ada Lind (D-Ore.) said Sunday in Salem, Oregon, that the vote was close. Rep. Tom Voss (R-Ida.), a farmer, agreed.'),
    ).toEqual(['Sen. Ada Lind (D-Ore.) said Sunday in Salem, Oregon, that the vote was close.', 'Rep. Tom Voss (R-Ida.), a farmer, agreed.']);
  });

  it('leaves numbers and lower-case continuations to the model without splitting them', () => {
    expect(sentencesOf('Prices rose 2.5 percent in May. The rise was e.g. smaller than feared.')).toEqual([
      'Prices rose 2.5 percent in May.',
      'The rise was e.g. smaller than feared.',
    ]);
  });

  it('numbers sentences within each paragraph', () => {
    const article = readArticle('Title\n\nOne here. Two here.\n\nThree here.', { origin: 'x' });
    expect(splitSentences(article).map(({ paragraph, indexInParagraph }) => [paragraph, indexInParagraph])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });
});
