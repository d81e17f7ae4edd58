/** Reading the evaluation corpus and scoring a set, as score.py's main does. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../src/errors.js';
import { type CasualtiesScore, scoreCasualties } from './casualties.js';
import { pyBasename, pyLines, pyStrip, pyUniversalNewlines } from './python.js';
import { type QuotesScore, scoreQuotes } from './quotes.js';
import { type SameStoryGold, type SameStoryScore, scoreSameStory } from './samestory.js';
import { type SummariesScore, scoreSummaries } from './summaries.js';
import type { AnnotatedArticle, CasualtiesGold, LoosePrediction, PredictionsByFile, QuotesGold, SetKind, SummariesGold } from './types.js';

/** The sets of the corpus in the order the report shows them. */
export const SET_NAMES = ['quotes', 'quotes-train', 'quotes-conflict', 'casualties', 'summaries', 'samestory'] as const;

/** The corpus folder: --corpus, else NEWSDIGEST_CORPUS, else ../shared/corpus beside the project. */
export function corpusDir(projectRoot: string, option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = option ?? env.NEWSDIGEST_CORPUS;
  return chosen ? path.resolve(chosen) : path.resolve(projectRoot, '../shared/corpus');
}

/** JSON Lines as score.py's `load` reads them: blank lines skipped. Errors name the file and line. */
export function readJsonl<T = unknown>(file: string): T[] {
  const out: T[] = [];
  pyLines(readFileSync(file, 'utf8')).forEach((line, i) => {
    if (!pyStrip(line)) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (err) {
      throw new UserError(`${file}:${i + 1}: not valid JSON (${(err as Error).message}); each line must be one JSON object`);
    }
  });
  return out;
}

/** score.py `by_file`: predictions keyed by the basename of `file`, the last one winning. */
export function predictionsByFile(preds: readonly LoosePrediction[]): PredictionsByFile {
  const map: PredictionsByFile = new Map();
  for (const p of preds) map.set(pyBasename(typeof p.file === 'string' ? p.file : ''), p);
  return map;
}

/** How score.py decides what a set holds: by the folder's name, or story windows in its gold. */
export function setKind(setDir: string): SetKind {
  const name = path.basename(path.resolve(setDir));
  if (existsSync(path.join(setDir, 'windows'))) return 'samestory';
  if (name.startsWith('quotes')) return 'quotes';
  return name === 'casualties' ? 'casualties' : 'summaries';
}

/** An article's text as score.py reads it (universal newlines). */
export function readSetArticle(setDir: string, file: string): string {
  return pyUniversalNewlines(readFileSync(path.join(setDir, 'articles', file), 'utf8'));
}

/** The article files of a set, sorted by name. */
export function setArticleFiles(setDir: string): string[] {
  return readdirSync(path.join(setDir, 'articles'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** The sets present under the corpus folder (each needs gold.jsonl and articles/, or windows/ for stories). */
export function presentSets(dir: string): string[] {
  return SET_NAMES.filter(
    (name) =>
      existsSync(path.join(dir, name, 'gold.jsonl')) && (existsSync(path.join(dir, name, 'articles')) || existsSync(path.join(dir, name, 'windows'))),
  );
}

/** A story window's article as score.py would read it: `windows/<window>/<file>`. */
export function readWindowArticle(setDir: string, window: string, file: string): string {
  return pyUniversalNewlines(readFileSync(path.join(setDir, 'windows', window, file), 'utf8'));
}

export type SetScore =
  | ({ kind: 'quotes' } & QuotesScore & { missing_predictions: number })
  | ({ kind: 'casualties' } & CasualtiesScore & { missing_predictions: number })
  | ({ kind: 'summaries' } & SummariesScore & { missing_predictions: number })
  | ({ kind: 'samestory' } & SameStoryScore);

export function loadAnnotated(setDir: string): AnnotatedArticle[] | undefined {
  const file = path.join(setDir, 'annotated.jsonl');
  return existsSync(file) ? readJsonl<AnnotatedArticle>(file) : undefined;
}

/** Scores predictions against a set folder: the same figures score.py prints, plus the set's kind. */
export function scoreSet(setDir: string, preds: readonly LoosePrediction[]): SetScore {
  const gold = readJsonl<{ file: string }>(path.join(setDir, 'gold.jsonl'));
  const kind = setKind(setDir);
  // score.py scores story windows by window and file, before and apart from the other sets.
  if (kind === 'samestory') return { kind, ...scoreSameStory(gold as SameStoryGold[], preds) };
  const byFile = predictionsByFile(preds);
  const missing = gold.filter((g) => !byFile.has(g.file)).length;
  if (kind === 'quotes') {
    return { kind, ...scoreQuotes(gold as QuotesGold[], byFile), missing_predictions: missing };
  }
  if (kind === 'casualties') {
    return { kind, ...scoreCasualties(gold as CasualtiesGold[], byFile, loadAnnotated(setDir)), missing_predictions: missing };
  }
  return {
    kind,
    ...scoreSummaries(gold as SummariesGold[], byFile, (file) => readSetArticle(setDir, file)),
    missing_predictions: missing,
  };
}
