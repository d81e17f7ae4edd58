/** The targets of issue 3, shown beside each figure by `npm run eval` and `npm run bench`. */

export interface Threshold {
  op: '>=' | '>' | '<=';
  value: number;
  /** What the target is measured against, when it is a peer's figure. */
  note?: string;
}

export const THRESHOLDS = {
  /** Quotes F1 at overlap 0.8 (naive floor 0.64). */
  quoteF1: { op: '>=', value: 0.92 },
  /** Speaker accuracy at overlap 0.8 (floor 0.25; published rule-based systems about 0.87). */
  speakerAccuracy: { op: '>=', value: 0.92 },
  /** Share of scored quotes shown with somebody else's name: worse than no speaker. */
  speakerWrong: { op: '<=', value: 0.03 },
  /** Casualties recall_literal (floor 0.32). */
  recallLiteral: { op: '>=', value: 0.96 },
  /** Precision per figure on the hand-annotated 30. */
  annotatedPrecision: { op: '>=', value: 0.97 },
  /** Recall per figure on the hand-annotated 30. */
  annotatedRecall: { op: '>=', value: 0.95 },
  /** ROUGE-2 at 3 sentences, above node-summarizer's TextRank. */
  rouge2: { op: '>', value: 53.95, note: 'node-summarizer TextRank' },
  /** Average words per summary: no more than TextRank's. */
  summaryWords: { op: '<=', value: 72, note: 'TextRank' },
  /** Same-story grouping, pairwise F1 on the story windows (TF-IDF baseline 0.810). */
  storyF1: { op: '>=', value: 0.9 },
  /** Same-story grouping, pairwise precision: two stories shown as one mislead readers. */
  storyPrecision: { op: '>=', value: 0.93 },
  /** Grouping 10,000 stored articles into stories (and the digest built from them), CPU seconds on one core. */
  groupingSeconds: { op: '<=', value: 1 },
  /** Whole summarizer, one core. */
  articlesPerSecond: { op: '>=', value: 1000 },
} as const satisfies Record<string, Threshold>;

export function meets(t: Threshold, value: number): boolean {
  if (t.op === '>=') return value >= t.value;
  if (t.op === '>') return value > t.value;
  return value <= t.value;
}

export function describeTarget(t: Threshold): string {
  const op = t.op === '>=' ? '≥' : t.op === '>' ? '>' : '≤';
  return `${op} ${t.value}${t.note ? ` (${t.note})` : ''}`;
}

/** ✓ or ✗ for a figure against its target. */
export function mark(t: Threshold, value: number): string {
  return meets(t, value) ? '✓' : '✗';
}
