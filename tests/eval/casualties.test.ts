import { describe, expect, it } from 'vitest';
import { figureValues, matchAnnotated, scoreAnnotated, scoreCasualties } from '../../eval/casualties.js';
import type { AnnotatedFigure, CasualtiesGold, PredictionsByFile } from '../../eval/types.js';

const fig = (kind: string, count: number | null, min: number | null = null, max: number | null = null, repeat = false): AnnotatedFigure => ({
  kind,
  count,
  min,
  max,
  qualifier: null,
  who: null,
  span: `${kind} ${count ?? min ?? max}`,
  ...(repeat ? { repeat } : {}),
});

const gold = (file: string, targets: number[], literal = true): CasualtiesGold => ({
  id: file,
  file,
  civilians: targets[0] ?? 0,
  noncivilians: 0,
  children: 0,
  women: 0,
  cause: 'shelling',
  targets,
  literal,
});

describe('figureValues', () => {
  it('keeps the numeric values of count, min and max once each', () => {
    expect(figureValues({ count: 120, min: 120, max: null })).toEqual([120]);
    expect(figureValues({ count: null, min: 24, max: 40 })).toEqual([24, 40]);
    expect(figureValues({ count: '7', min: undefined })).toEqual([]);
  });
});

describe('matchAnnotated', () => {
  it('matches in the order of the Python tuples’ str(), not the best assignment', () => {
    // ('killed', frozenset({10})) sorts before ('killed', frozenset({5})): the prediction of 10 takes
    // the gold figure {10, 5} and the prediction of 5 is left without a partner (score.py gives 0.5/0.5).
    const m = matchAnnotated(
      [fig('killed', 10, 5), fig('killed', 10)],
      [
        { kind: 'killed', count: 5 },
        { kind: 'killed', count: 10 },
      ],
    );
    expect(m.matched).toHaveLength(1);
    expect(m.extraPred.map((p) => p.values)).toEqual([[5]]);
    expect(m.missedGold.map((g) => g.values)).toEqual([[10]]);
  });

  it('lets a gold "casualties" figure accept killed or injured, and nothing else cross kinds', () => {
    expect(matchAnnotated([fig('casualties', 30)], [{ kind: 'injured', count: 30 }]).matched).toHaveLength(1);
    expect(matchAnnotated([fig('injured', 30)], [{ kind: 'casualties', count: 30 }]).matched).toHaveLength(0);
    expect(matchAnnotated([fig('killed', 30)], [{ kind: 'injured', count: 30 }]).matched).toHaveLength(0);
  });

  it('skips repeats and figures without values, and counts duplicates once', () => {
    const m = matchAnnotated(
      [fig('killed', 6), fig('killed', 6, null, null, true), fig('displaced', null)],
      [
        { kind: 'killed', count: 6 },
        { kind: 'killed', count: 6, text: 'again' },
        { kind: 'killed', count: null },
      ],
    );
    expect([m.gold.length, m.pred.length, m.matched.length]).toEqual([1, 1, 1]);
  });
});

describe('scoreCasualties', () => {
  it('counts a literal article as found when a killed (or kindless) figure carries a target', () => {
    const preds: PredictionsByFile = new Map([
      ['a.txt', { casualties: [{ kind: 'injured', count: 70 }] }],
      ['d.txt', { casualties: [{ min: 15 }] }],
    ]);
    const s = scoreCasualties([gold('a.txt', [70]), gold('b.txt', []), gold('c.txt', [5], false), gold('d.txt', [12, 15])], preds);
    expect(s).toEqual({
      recall_literal: 0.5,
      literal_articles: 2,
      figures_per_article: 0.5,
      kinds: { injured: 1, null: 1 },
      articles: 4,
    });
  });

  it('adds per-figure precision and recall on annotated articles', () => {
    const preds: PredictionsByFile = new Map([
      [
        'a.txt',
        {
          casualties: [
            { kind: 'killed', count: 7 },
            { kind: 'killed', count: 9 },
          ],
        },
      ],
    ]);
    const annotated = [{ file: 'a.txt', figures: [fig('killed', 7), fig('injured', 20), fig('displaced', 300)] }];
    expect(scoreAnnotated(annotated, preds)).toEqual({ precision: 0.5, recall: 0.3333, f1: 0.4, gold_figures: 3 });
  });
});
