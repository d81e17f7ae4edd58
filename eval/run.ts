/** Evaluates the summarizer on one corpus set: predictions, scores and the details behind them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readArticle } from '../src/article/read.js';
import type { Article } from '../src/article/types.js';
import { groupBySameStory } from '../src/digest/build.js';
import { entryFor, type DigestEntry } from '../src/digest/item.js';
import { summarize } from '../src/summarize/index.js';
import { readJsonl, readWindowArticle, scoreSet, setKind, type SetScore } from './corpus.js';
import { emptyPrediction, predictArticle, toPrediction } from './predict.js';
import {
  goldOfWindows,
  scoreSameStory,
  storyWindows,
  tfidfBaseline,
  type SameStoryGold,
  type SameStoryScore,
  type WindowArticle,
} from './samestory.js';
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
  /** Wall time of reading and summarizing (and grouping, for stories), excluding scoring. */
  seconds: number;
  /** Story sets: the corpus README's TF-IDF baseline on the same windows, and our figures on each half of the windows. */
  stories?: { baseline: SameStoryScore; oddWindows: SameStoryScore; evenWindows: SameStoryScore };
}

/** Reads and summarizes every article of the set in process, then scores the predictions. */
export function runSet(setDir: string, options: { sentences?: number; name?: string } = {}): SetRun {
  const sentences = options.sentences ?? 3;
  const name = options.name ?? path.basename(path.resolve(setDir));
  if (setKind(setDir) === 'samestory') return runStorySet(setDir, name, sentences);
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

/**
 * A story set: each window is one day's intake. Every article is read and summarized, and the
 * window is grouped exactly as a digest groups its entries (groupBySameStory); an article's story
 * is the file of its group's lead. The TF-IDF baseline runs on the same texts.
 */
function runStorySet(setDir: string, name: string, sentences: number): SetRun {
  const gold = readJsonl<SameStoryGold>(path.join(setDir, 'gold.jsonl'));
  const predictions: Prediction[] = [];
  const baseline: Array<{ file: string; story: string }> = [];
  const failures: Failure[] = [];
  let seconds = 0;
  for (const [window, files] of storyWindows(gold)) {
    const texts: WindowArticle[] = [];
    for (const file of files) {
      try {
        texts.push({ file: `${window}/${file}`, text: readWindowArticle(setDir, window, file) });
      } catch (err) {
        failures.push({ file: `${window}/${file}`, error: `cannot read the article: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      }
    }
    const started = process.hrtime.bigint();
    const entries: Array<{ file: string; entry: DigestEntry; prediction: Prediction }> = [];
    for (const { file, text } of texts) {
      try {
        const article: Article = readArticle(text, { origin: `${name}/windows/${file}` });
        const summary = summarize(article, { sentences });
        entries.push({ file, entry: entryFor(article, summary), prediction: toPrediction(file, summary) });
      } catch (err) {
        const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        failures.push({ file, error: message.split('\n')[0]! });
        predictions.push({ ...emptyPrediction(file), story: file });
      }
    }
    const fileOf = new Map(entries.map((e) => [e.entry, e]));
    for (const group of groupBySameStory(entries.map((e) => e.entry))) {
      const lead = fileOf.get(group[0]!)!.file;
      for (const entry of group) predictions.push({ ...fileOf.get(entry)!.prediction, story: lead });
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    baseline.push(...tfidfBaseline(texts));
  }
  const odd = goldOfWindows(gold, (_, i) => i % 2 === 0);
  const even = goldOfWindows(gold, (_, i) => i % 2 === 1);
  return {
    name,
    dir: setDir,
    kind: 'samestory',
    predictions,
    failures,
    score: scoreSet(setDir, predictions),
    seconds,
    stories: {
      baseline: scoreSameStory(gold, baseline),
      oddWindows: scoreSameStory(odd, predictions),
      evenWindows: scoreSameStory(even, predictions),
    },
  };
}
