import { describe, expect, it } from 'vitest';
import { quotesOf } from '../stories.js';

function quoted(...paragraphs: string[]): string[] {
  return quotesOf(...paragraphs).map((q) => q.text);
}

describe('what counts as a quotation', () => {
  it.each([
    ['an address', 'The clip is at "http://video.example.com/harbour" and runs two minutes.'],
    ['an address without its scheme', 'Read the report at “www.example.org/pier-report” before Friday.'],
    ['markup left in the text', 'A post from pic.example.com/x" author="harbourwatch" showed the pier at dawn.'],
  ])('not %s', (_name, paragraph) => {
    expect(quoted(paragraph)).toEqual([]);
  });

  it('keeps a statement that mentions an address', () => {
    expect(quoted('"Everything we know is on www.example.org and nowhere else," Ada Brell said.')).toEqual([
      'Everything we know is on www.example.org and nowhere else,',
    ]);
  });
});
