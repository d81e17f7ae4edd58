/** The shapes of the evaluation corpus (../shared/corpus, see its README) and of predictions. */

/** One line of a predictions JSONL file, as `newsdigest summarize --json` prints it. */
export interface Prediction {
  file: string;
  headline: string;
  summary: string[];
  quotes: PredictedQuote[];
  casualties: PredictedFigure[];
  /** The story the article belongs to, for story windows: the `file` of the story's lead article. */
  story?: string;
}

export interface PredictedQuote {
  text: string;
  /** The speaker as the product shows it: the name, then the role when there is one ("William Hague, British Foreign Secretary"). */
  speaker: string | null;
  /** The name alone (ignored by score.py; the eval reports name-only speaker accuracy with it). */
  name?: string | null;
}

export interface PredictedFigure {
  count: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  kind: string;
  text: string;
}

/**
 * A prediction as read from any JSONL file: score.py accepts missing fields and loose values, and
 * so does this scorer (fields are checked where they are used, the way score.py uses them).
 */
export interface LoosePrediction {
  file?: unknown;
  headline?: unknown;
  summary?: unknown;
  quotes?: Array<{ text?: unknown; speaker?: unknown }> | null;
  casualties?: Array<LooseFigure> | null;
  story?: unknown;
}

export interface LooseFigure {
  count?: unknown;
  min?: unknown;
  max?: unknown;
  kind?: unknown;
  qualifier?: unknown;
  text?: unknown;
  span?: unknown;
  repeat?: unknown;
}

export interface GoldQuote {
  text: string;
  /** The annotated source ("Syrian Observatory for Human Rights"). */
  source: string | null;
  /** The identifying word of the source; null when it names no one. */
  surname: string | null;
  start?: number;
}

export interface QuotesGold {
  id: string;
  file: string;
  quotes: GoldQuote[];
}

export interface CasualtiesGold {
  id: string;
  file: string;
  civilians: number;
  noncivilians: number;
  children: number;
  women: number;
  cause: string;
  /** Civilian count and civilian + non-civilian total. */
  targets: number[];
  /** A target appears as a number in the text. */
  literal: boolean;
}

export interface AnnotatedFigure {
  count: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  kind: string;
  who: string | null;
  span: string;
  /** A repeat of a figure already annotated in the same article (not scored). */
  repeat?: boolean;
}

export interface AnnotatedArticle {
  file: string;
  figures: AnnotatedFigure[];
}

export interface SummariesGold {
  id: string;
  file: string;
  reference: string;
  category?: string;
}

export type SetKind = 'quotes' | 'casualties' | 'summaries' | 'samestory';

/** Predictions keyed by the basename of their `file`, the last one winning (score.py `by_file`). */
export type PredictionsByFile = Map<string, LoosePrediction>;
