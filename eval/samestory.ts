/** score.py `score_samestory`: pairwise and B-cubed P/R/F1 of predicted story groups, per window, pooled. */
import { pyRound } from './python.js';
import { counter, f1, toks } from './text.js';

export interface SameStoryGold {
  window: string;
  file: string;
  story: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface SameStoryScore {
  pairwise: PRF;
  bcubed: PRF;
  /** Gold stories of 2+ articles cut into more than one predicted group. */
  stories_split: number;
  /** Gold stories mixed into a predicted group with another story (counted per story in each mixed group). */
  stories_wrongly_merged: number;
  stories_with_2plus: number;
  windows: number;
  articles: number;
  missing: number;
}

/**
 * A predicted story value as a map key: score.py compares JSON values by equality (1 == 1.0,
 * "1" != 1, true == 1). A null or absent story is no prediction at all: the article stands alone.
 */
function storyKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return `n:${value ? 1 : 0}`;
  if (typeof value === 'number') return `n:${value}`;
  return JSON.stringify(value);
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

function count<T>(values: readonly T[]): Map<T, number> {
  const c = new Map<T, number>();
  for (const v of values) c.set(v, (c.get(v) ?? 0) + 1);
  return c;
}

/**
 * Scores predictions `{file: "<window>/<name>.txt", story}` against gold. A prediction's window is
 * its file's parent folder; a gold article without a prediction is a story of its own.
 */
export function scoreSameStory(gold: readonly SameStoryGold[], preds: ReadonlyArray<{ file?: unknown; story?: unknown }>): SameStoryScore {
  const pred = new Map<string, string>();
  for (const p of preds) {
    const parts = (typeof p.file === 'string' ? p.file : '').replaceAll('\\', '/').split('/');
    const window = parts.length > 1 ? parts[parts.length - 2]! : '';
    const key = `${window}\u0000${parts[parts.length - 1]}`;
    const story = storyKey(p.story);
    if (story === undefined) pred.delete(key);
    else pred.set(key, story);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let bp = 0;
  let br = 0;
  let n = 0;
  let missing = 0;
  let split = 0;
  let merged = 0;
  let multi = 0;
  const windows = new Map<string, SameStoryGold[]>();
  for (const g of gold) {
    const list = windows.get(g.window);
    if (list) list.push(g);
    else windows.set(g.window, [g]);
  }
  for (const [w, items] of windows) {
    const got = new Map<string, string>();
    for (const g of items) {
      let s = pred.get(`${w}\u0000${g.file}`);
      if (s === undefined) {
        missing++;
        s = `alone\u0000${g.file}`;
      }
      got.set(g.file, s);
    }
    const byPred = new Map<string, string[]>();
    const byGold = new Map<string, string[]>();
    for (const g of items) {
      const p = got.get(g.file)!;
      (byPred.get(p) ?? byPred.set(p, []).get(p)!).push(g.story);
      (byGold.get(g.story) ?? byGold.set(g.story, []).get(g.story)!).push(p);
    }
    for (const members of byPred.values()) {
      const c = count(members);
      let same = 0;
      for (const v of c.values()) same += pairs(v);
      tp += same;
      fp += pairs(members.length) - same;
      if (c.size > 1) merged += c.size;
    }
    for (const groups of byGold.values()) {
      const c = count(groups);
      let same = 0;
      for (const v of c.values()) same += pairs(v);
      fn += pairs(groups.length) - same;
      if (groups.length > 1) {
        multi++;
        if (c.size > 1) split++;
      }
    }
    for (const g of items) {
      const samePred = byPred.get(got.get(g.file)!)!;
      const inter = samePred.filter((s) => s === g.story).length;
      bp += inter / samePred.length;
      br += inter / byGold.get(g.story)!.length;
      n++;
    }
  }
  const P = tp / Math.max(1, tp + fp);
  const R = tp / Math.max(1, tp + fn);
  const B3P = bp / Math.max(1, n);
  const B3R = br / Math.max(1, n);
  return {
    pairwise: { precision: pyRound(P, 4), recall: pyRound(R, 4), f1: pyRound(f1(P, R), 4) },
    bcubed: { precision: pyRound(B3P, 4), recall: pyRound(B3R, 4), f1: pyRound(f1(B3P, B3R), 4) },
    stories_split: split,
    stories_wrongly_merged: merged,
    stories_with_2plus: multi,
    windows: windows.size,
    articles: n,
    missing,
  };
}

/** The windows of a story set in gold order, each with its files in gold order. */
export function storyWindows(gold: readonly SameStoryGold[]): Map<string, string[]> {
  const windows = new Map<string, string[]>();
  for (const g of gold) {
    const files = windows.get(g.window);
    if (!files) windows.set(g.window, [g.file]);
    else if (!files.includes(g.file)) files.push(g.file);
  }
  return windows;
}

export interface WindowArticle {
  /** `<window>/<file>`, as predictions name it. */
  file: string;
  text: string;
}

/**
 * The corpus README's TF-IDF baseline: cosine of title + body (score.py's tokens), words weighted
 * within the window (textbook tf × log(N / df)), each article joining its most similar earlier one
 * at ≥ 0.20. Run beside the product so both are scored the same way on the same articles. The
 * README does not give its exact weighting; this one scores close to its figures (docs/evaluation.md).
 */
export function tfidfBaseline(window: readonly WindowArticle[], threshold = 0.2): Array<{ file: string; story: string }> {
  const counts = window.map((a) => counter(toks(a.text)));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = window.length;
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [term, tf] of c) {
      const w = tf * Math.log(n / df.get(term)!);
      v.set(term, w);
      sum += w * w;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
  const story: string[] = [];
  window.forEach((a, i) => {
    let best = -1;
    let bestScore = threshold;
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (const [term, w] of vectors[i]!) dot += w * (vectors[j]!.get(term) ?? 0);
      if (dot >= bestScore && (best < 0 || dot > bestScore)) [best, bestScore] = [j, dot];
    }
    story.push(best >= 0 ? story[best]! : a.file);
  });
  return window.map((a, i) => ({ file: a.file, story: story[i]! }));
}

/** The gold of some windows only (for scoring halves of a set). */
export function goldOfWindows(gold: readonly SameStoryGold[], keep: (window: string, index: number) => boolean): SameStoryGold[] {
  const order = [...storyWindows(gold).keys()];
  const kept = new Set(order.filter((w, i) => keep(w, i)));
  return gold.filter((g) => kept.has(g.window));
}
