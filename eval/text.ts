/** Tokens, n-gram counts, Lead-3 and ROUGE exactly as the corpus's score.py computes them. */
import { PY_SPACE, pyRound, pyStrip } from './python.js';

/** score.py `toks`: lower-cased runs of ASCII letters and digits; anything that is not a
 * non-empty string counts as no text (score.py's `s or ""`). */
export function toks(s: unknown): string[] {
  if (typeof s !== 'string' || s === '') return [];
  return s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** A multiset, as Python's collections.Counter. */
export type Counter = Map<string, number>;

export function counter(items: Iterable<string>): Counter {
  const c: Counter = new Map();
  for (const x of items) c.set(x, (c.get(x) ?? 0) + 1);
  return c;
}

/** `sum((a & b).values())`: the size of the multiset intersection. */
export function intersectionSize(a: Counter, b: Counter): number {
  let n = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) n += Math.min(v, w);
  }
  return n;
}

/** score.py `overlap`: share of the gold quote's tokens (with multiplicity) found in the prediction. */
export function overlap(pred: unknown, gold: unknown): number {
  const g = counter(toks(gold));
  return intersectionSize(g, counter(toks(pred))) / Math.max(1, toks(gold).length);
}

/** score.py `SENT`: a sentence ends at . ! or ? (an optional closing quote), space, then a capital or opening quote. */
const SENT = new RegExp(`(?<=[.!?])["”’']?[${PY_SPACE}]+(?=[A-Z“"‘])`);

/** score.py `lead`: the first n sentences of the body (the text after the title line), joined by spaces. */
export function lead(text: string, n = 3): string {
  const newline = text.indexOf('\n');
  const body = newline >= 0 ? text.slice(newline + 1) : text;
  const sents: string[] = [];
  for (const para of body.split('\n')) {
    for (const s of para.split(SENT)) {
      const t = pyStrip(s);
      if (t) sents.push(t);
    }
  }
  return sents.slice(0, n).join(' ');
}

export function ngrams(t: readonly string[], n: number): Counter {
  const c: Counter = new Map();
  for (let i = 0; i + n <= t.length; i++) {
    const k = t.slice(i, i + n).join(' ');
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

function total(c: Counter): number {
  let n = 0;
  for (const v of c.values()) n += v;
  return n;
}

/** score.py `f1` (note the 1e-9 floor on the denominator). */
export function f1(p: number, r: number): number {
  return (2 * p * r) / Math.max(1e-9, p + r);
}

/** Precision, recall and F1 of `tp` matches among `npred` predictions and `ngold` gold items, rounded as score.py rounds them. */
export function precisionRecall(tp: number, npred: number, ngold: number): { precision: number; recall: number; f1: number } {
  const P = tp / Math.max(1, npred);
  const R = tp / Math.max(1, ngold);
  return { precision: pyRound(P, 4), recall: pyRound(R, 4), f1: pyRound(f1(P, R), 4) };
}

/** Length of the longest common subsequence of two token lists. */
export function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 0; j < b.length; j++) {
      cur.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, cur[j]!));
    }
    prev = cur;
  }
  return prev[prev.length - 1]!;
}

export interface Rouge {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** score.py `rouge`: ROUGE-1/2/L F1 (fractions, not percent) of a candidate against a reference. */
export function rouge(cand: string, ref: string): Rouge {
  const c = toks(cand);
  const r = toks(ref);
  const byN = [1, 2].map((n) => {
    const cn = ngrams(c, n);
    const rn = ngrams(r, n);
    const ov = intersectionSize(cn, rn);
    return f1(ov / Math.max(1, total(cn)), ov / Math.max(1, total(rn)));
  });
  const l = lcs(c, r);
  return {
    rouge1: byN[0]!,
    rouge2: byN[1]!,
    rougeL: f1(l / Math.max(1, c.length), l / Math.max(1, r.length)),
  };
}
