/** Evaluates the summarizer on one corpus set: predictions, scores and the details behind them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonl, scoreSet, setKind, type SetScore } from './corpus.js';
import { predictArticle } from './predict.js';
import type { Prediction, SetKind } from './types.js';

export interface Failure {
  file: string;
  error: string;
}

export interface SetRun {
  name: string;
  dir: string;
  kind: SetKind;
  /** One per distinct article named in gold.jsonl, in gold order. */
  predictions: Prediction[];
  /** Articles on which the reader or summarizer threw (scored as empty predictions). */
  failures: Failure[];
  score: SetScore;
  /** Wall time of reading and summarizing, excluding scoring. */
  seconds: number;
}

/** Reads and summarizes every article of the set in process, then scores the predictions. */
export function runSet(setDir: string, options: { sentences?: number; name?: string } = {}): SetRun {
  const sentences = options.sentences ?? 3;
  const name = options.name ?? path.basename(path.resolve(setDir));
  const files = [...new Set(readJsonl<{ file: string }>(path.join(setDir, 'gold.jsonl')).map((g) => g.file))];
  const predictions: Prediction[] = [];
  const failures: Failure[] = [];
  const started = process.hrtime.bigint();
  for (const file of files) {
    let raw: string;
    try {
      raw = readFileSync(path.join(setDir, 'articles', file), 'utf8');
    } catch (err) {
      failures.push({ file, error: `cannot read the article: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      continue;
    }
    const result = predictArticle(`${name}/articles/${file}`, raw, sentences);
    predictions.push(result.prediction);
    if (result.error) failures.push({ file, error: result.error });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, dir: setDir, kind: setKind(setDir), predictions, failures, score: scoreSet(setDir, predictions), seconds };
}

