/** Runs the project's own reader and summarizer over corpus articles, in process. */
import { readArticle } from '../src/article/read.js';
import { summarize } from '../src/summarize/index.js';
import type { Summary } from '../src/summarize/types.js';
import type { Prediction } from './types.js';

/** The predictions-file line for one summary (the shape of `summarize --json` and score.py). */
export function toPrediction(file: string, summary: Summary): Prediction {
  return {
    file,
    headline: summary.headline,
    summary: summary.summary.map((s) => s.text),
    quotes: summary.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker && q.speakerRole ? `${q.speaker}, ${q.speakerRole}` : q.speaker,
      name: q.speaker,
    })),
    casualties: summary.casualties.map((c) => ({
      count: c.count,
      min: c.min,
      max: c.max,
      qualifier: c.qualifier,
      kind: c.kind,
      text: c.text,
    })),
  };
}

export function emptyPrediction(file: string): Prediction {
  return { file, headline: '', summary: [], quotes: [], casualties: [] };
}

export interface PredictResult {
  prediction: Prediction;
  /** Why the reader or summarizer failed on this article; the prediction is then empty. */
  error?: string;
}

/** Reads and summarizes one article. Never throws: a failure is reported and scored as an empty prediction. */
export function predictArticle(file: string, raw: string, sentences: number): PredictResult {
  try {
    const article = readArticle(raw, { origin: file });
    return { prediction: toPrediction(file, summarize(article, { sentences })) };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { prediction: emptyPrediction(file), error: message.split('\n')[0] };
  }
}
