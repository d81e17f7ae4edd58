import { describe, expect, it } from 'vitest';
import { pairQuotes, scoreQuotes } from '../../eval/quotes.js';
import type { GoldQuote, PredictionsByFile, QuotesGold } from '../../eval/types.js';

const gq = (text: string, surname: string | null = null): GoldQuote => ({ text, source: surname, surname });

describe('pairQuotes', () => {
  it('lets each gold quote in turn take the best unpaired prediction', () => {
    const gold = [gq('alpha beta gamma delta'), gq('epsilon zeta eta theta')];
    const preds = [{ text: 'alpha beta epsilon zeta eta theta' }, { text: 'alpha beta gamma delta' }];
    const pairs = pairQuotes(gold, preds, 0.8);
    expect(pairs.map((p) => p.predIndex)).toEqual([1, 0]);
  });

  it('is greedy: an earlier gold quote may take the prediction a later one needed', () => {
    const gold = [gq('one two three four five'), gq('one two three four six')];
    const preds = [{ text: 'one two three four five six' }, { text: 'one two three' }];
    const pairs = pairQuotes(gold, preds, 0.8);
    expect(pairs.map((p) => p.predIndex)).toEqual([0, null]);
    expect(pairs[1]!.overlap).toBe(0.6);
  });

  it('takes the first of equal overlaps and never pairs on zero overlap', () => {
    const gold = [gq('red green blue white')];
    expect(pairQuotes(gold, [{ text: 'red green' }, { text: 'blue white' }], 0.3)[0]!.predIndex).toBe(0);
    expect(pairQuotes(gold, [{ text: 'nothing in common' }], 0)[0]!.predIndex).toBeNull();
  });
});

describe('scoreQuotes', () => {
  const gold: QuotesGold[] = [
    { id: 'a', file: 'a.txt', quotes: [gq('we will win this war together', 'Smith'), gq('nobody expected the vote to pass')] },
    { id: 'b', file: 'b.txt', quotes: [gq('the economy is growing fast', 'Lee')] },
  ];
  const preds: PredictionsByFile = new Map([
    [
      'a.txt',
      {
        file: 'x/a.txt',
        quotes: [
          { text: 'We will win this war together,', speaker: 'John Smith' },
          { text: 'nobody expected the vote', speaker: 'Jones' },
          { text: 'too short here', speaker: null },
          { text: 'a slogan on a banner', speaker: null },
        ],
      },
    ],
  ]);

  it('scores 4+ word predictions at both overlaps, with speaker accuracy on named gold sources', () => {
    const s = scoreQuotes(gold, preds);
    expect(s['overlap0.3']).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667, speaker_accuracy: 1, speaker_scored: 1, speaker_wrong: 0 });
    expect(s['overlap0.8']).toEqual({ precision: 0.3333, recall: 0.3333, f1: 0.3333, speaker_accuracy: 1, speaker_scored: 1, speaker_wrong: 0 });
    expect(s.gold_quotes).toBe(3);
    expect(s.articles).toBe(2);
  });

  it('counts a speaker right when the gold surname appears anywhere in it, case aside', () => {
    const wrong: PredictionsByFile = new Map([['a.txt', { quotes: [{ text: 'we will win this war together', speaker: 'Smithson aide' }] }]]);
    expect(scoreQuotes(gold, wrong)['overlap0.8'].speaker_accuracy).toBe(1);
    const none: PredictionsByFile = new Map([['a.txt', { quotes: [{ text: 'we will win this war together', speaker: null }] }]]);
    expect(scoreQuotes(gold, none)['overlap0.8'].speaker_accuracy).toBe(0);
  });

  it.each([
    ['someone else', 'Mary Jones', 1],
    ['the right speaker', 'John Smith', 0],
    ['no speaker', null, 0],
    ['a blank speaker', ' \t', 0],
  ])('counts %s as speaker_wrong %d', (_label, speaker, wrong) => {
    const preds: PredictionsByFile = new Map([['a.txt', { quotes: [{ text: 'we will win this war together', speaker }] }]]);
    expect(scoreQuotes(gold, preds)['overlap0.8'].speaker_wrong).toBe(wrong);
  });

  it('gives zeros, not NaN, with no predictions at all', () => {
    expect(scoreQuotes(gold, new Map())['overlap0.8']).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      speaker_accuracy: 0,
      speaker_scored: 0,
      speaker_wrong: 0,
    });
  });
});
