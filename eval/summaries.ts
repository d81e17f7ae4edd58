/** Summary scoring, a line-by-line port of score.py `score_summaries`. */
import { pyRound } from './python.js';
import { lead, rouge, toks, type Rouge } from './text.js';
import type { LoosePrediction, PredictionsByFile, SummariesGold } from './types.js';

/** score.py's `" ".join(p.get("summary", []))` (a string summary is joined character by character, as in Python). */
export function summaryText(pred: LoosePrediction | undefined): string {
  const s = pred?.summary;
  if (typeof s === 'string') return [...s].join(' ');
  if (Array.isArray(s)) return s.map((x) => (typeof x === 'string' ? x : String(x))).join(' ');
  return '';
}

export interface SummariesScore {
  /** Mean ROUGE F1 in percent, two decimals. */
  system: Rouge;
  lead3: Rouge;
  mean_summary_words: number;
  articles: number;
}

export interface ArticleRouge {
  file: string;
  system: Rouge;
  lead3: Rouge;
  words: number;
}

/** ROUGE of one article's summary and of its Lead-3, against the reference. `articleText` as read
 * with universal newlines. */
export function rougeArticle(g: SummariesGold, pred: LoosePrediction | undefined, articleText: string): ArticleRouge {
  const cand = summaryText(pred);
  return {
    file: g.file,
    system: rouge(cand, g.reference),
    lead3: rouge(lead(articleText), g.reference),
    words: toks(cand).length,
  };
}

/** Averages per-article ROUGE as score.py does (sum in article order, then 100·sum/n, rounded to 2). */
export function aggregateSummaries(rows: readonly ArticleRouge[]): SummariesScore {
  const sys = { rouge1: 0, rouge2: 0, rougeL: 0 };
  const lead3 = { rouge1: 0, rouge2: 0, rougeL: 0 };
  let words = 0;
  for (const r of rows) {
    for (const k of ['rouge1', 'rouge2', 'rougeL'] as const) {
      sys[k] = r.system[k] + sys[k];
      lead3[k] = r.lead3[k] + lead3[k];
    }
    words += r.words;
  }
  const n = Math.max(1, rows.length);
  const pct = (t: Rouge): Rouge => ({
    rouge1: pyRound((100 * t.rouge1) / n, 2),
    rouge2: pyRound((100 * t.rouge2) / n, 2),
    rougeL: pyRound((100 * t.rougeL) / n, 2),
  });
  return { system: pct(sys), lead3: pct(lead3), mean_summary_words: pyRound(words / n, 1), articles: rows.length };
}

export function scoreSummaries(gold: readonly SummariesGold[], preds: PredictionsByFile, articleText: (file: string) => string): SummariesScore {
  return aggregateSummaries(gold.map((g) => rougeArticle(g, preds.get(g.file), articleText(g.file))));
}
