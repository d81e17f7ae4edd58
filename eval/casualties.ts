/** Casualty scoring, a line-by-line port of score.py `score_casualties` and `score_annotated`. */
import { type PyNumber, pyFrozensetRepr, pyRepr, pyRound, pySetMembers, pySortedBy } from './python.js';
import { precisionRecall } from './text.js';
import type { AnnotatedArticle, CasualtiesGold, LooseFigure, PredictionsByFile } from './types.js';

/** score.py `figure_values`: the numeric ones of count, min and max (a bool is a Python int). */
export function figureValues(c: LooseFigure): PyNumber[] {
  const vals = [c.count, c.min, c.max].filter((v): v is PyNumber => (typeof v === 'number' && !Number.isNaN(v)) || typeof v === 'boolean');
  return pySetMembers(vals);
}

function intersects(a: readonly PyNumber[], b: readonly PyNumber[]): boolean {
  const set = new Set(b.map(Number));
  return a.some((v) => set.has(Number(v)));
}

/** Gold kinds that accept other predicted kinds ("casualties" is killed or injured, undistinguished). */
const KIND_OK: Record<string, readonly string[]> = { casualties: ['killed', 'injured', 'casualties'] };

/** One scored figure: score.py's `(kind, frozenset(values))` tuple, with the figure it came from. */
export interface FigureKey<F> {
  kind: unknown;
  values: PyNumber[];
  /** `str()` of the Python tuple, which decides the order of greedy matching. */
  order: string;
  /** The first figure with this kind and these values. */
  figure: F;
}

/** A Python set of (kind, frozenset(values)): figures without values are dropped, equal ones kept once. */
export function figureKeys<F extends LooseFigure>(figures: readonly F[]): FigureKey<F>[] {
  const out = new Map<string, FigureKey<F>>();
  for (const f of figures) {
    const values = figureValues(f);
    if (values.length === 0) continue;
    const kind = f.kind ?? null;
    const id = JSON.stringify([typeof kind === 'boolean' ? Number(kind) : kind, values.map(Number).sort((a, b) => a - b)]);
    if (out.has(id)) continue;
    out.set(id, { kind, values, order: `(${pyRepr(kind)}, ${pyFrozensetRepr(values)})`, figure: f });
  }
  return [...out.values()];
}

export interface AnnotatedMatch<G, P> {
  gold: FigureKey<G>[];
  pred: FigureKey<P>[];
  matched: Array<{ gold: FigureKey<G>; pred: FigureKey<P> }>;
  missedGold: FigureKey<G>[];
  extraPred: FigureKey<P>[];
}

/**
 * Greedy one-to-one matching of one article's figures, in score.py's order: predictions sorted by
 * `str()` each take the first (by `str()`) unmatched gold figure of an accepted kind sharing a value.
 */
export function matchAnnotated<G extends LooseFigure, P extends LooseFigure>(
  goldFigures: readonly G[],
  predFigures: readonly P[],
): AnnotatedMatch<G, P> {
  const gold = figureKeys(goldFigures.filter((f) => !f.repeat));
  const pred = figureKeys(predFigures);
  let left = pySortedBy(gold, (x) => x.order);
  const matched: AnnotatedMatch<G, P>['matched'] = [];
  const extraPred: FigureKey<P>[] = [];
  for (const p of pySortedBy(pred, (x) => x.order)) {
    const m = left.find(
      (x) =>
        (p.kind === x.kind || (typeof x.kind === 'string' && (KIND_OK[x.kind] ?? []).includes(p.kind as string))) && intersects(p.values, x.values),
    );
    if (m) {
      left = left.filter((x) => x !== m);
      matched.push({ gold: m, pred: p });
    } else {
      extraPred.push(p);
    }
  }
  return { gold, pred, matched, missedGold: left, extraPred };
}

export interface AnnotatedScore {
  precision: number;
  recall: number;
  f1: number;
  gold_figures: number;
}

export function scoreAnnotated(annotated: readonly AnnotatedArticle[], preds: PredictionsByFile): AnnotatedScore {
  let tp = 0;
  let npred = 0;
  let ngold = 0;
  for (const g of annotated) {
    const m = matchAnnotated(g.figures, preds.get(g.file)?.casualties ?? []);
    ngold += m.gold.length;
    npred += m.pred.length;
    tp += m.matched.length;
  }
  return {
    ...precisionRecall(tp, npred, ngold),
    gold_figures: ngold,
  };
}

export interface CasualtiesScore {
  recall_literal: number;
  literal_articles: number;
  figures_per_article: number;
  /** The eight most frequent predicted kinds with their counts, most frequent first. */
  kinds: Record<string, number>;
  articles: number;
  annotated?: AnnotatedScore;
}

/** Kinds that count as deaths for `recall_literal` (a figure without a kind counts too). */
const DEATH_KINDS: readonly unknown[] = ['killed', 'dead', 'deaths', null];

/** Articles whose annotated death count appears in the text (score.py's `lit`). */
export function literalArticles(gold: readonly CasualtiesGold[]): CasualtiesGold[] {
  return gold.filter((g) => g.literal && Array.isArray(g.targets) && g.targets.length > 0);
}

/** The values of an article's predicted death figures. */
export function deathValues(figures: readonly LooseFigure[]): PyNumber[] {
  return figures.filter((c) => DEATH_KINDS.includes(c.kind ?? null)).flatMap(figureValues);
}

/** A predicted death figure carries one of the article's target counts. */
export function literalHit(g: CasualtiesGold, figures: readonly LooseFigure[]): boolean {
  return intersects(deathValues(figures), g.targets);
}

/** The key json.dumps writes for a dict key. */
function jsonKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  return pyRepr(k);
}

export function scoreCasualties(gold: readonly CasualtiesGold[], preds: PredictionsByFile, annotated?: readonly AnnotatedArticle[]): CasualtiesScore {
  const lit = literalArticles(gold);
  let nfig = 0;
  // Counter.most_common: by count, ties in order of first appearance.
  const kinds = new Map<string, number>();
  for (const g of gold) {
    const cs = preds.get(g.file)?.casualties ?? [];
    nfig += cs.length;
    for (const c of cs) {
      const k = jsonKey(c.kind ?? null);
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
  }
  const hit = lit.filter((g) => literalHit(g, preds.get(g.file)?.casualties ?? [])).length;
  const out: CasualtiesScore = {
    recall_literal: pyRound(hit / Math.max(1, lit.length), 4),
    literal_articles: lit.length,
    figures_per_article: pyRound(nfig / Math.max(1, gold.length), 3),
    kinds: Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8)),
    articles: gold.length,
  };
  if (annotated) out.annotated = scoreAnnotated(annotated, preds);
  return out;
}
