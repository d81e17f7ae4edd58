import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import type { Figure, Summary } from './types.js';

/** A figure's fields as the JSON records give them (the corpus's casualty record, plus `who` and `context`). */
export function figureRecord({ count, min, max, qualifier, kind, who, context, text }: Figure) {
  return { count, min, max, qualifier, kind, who, context, text };
}

/**
 * The `summarize --json` record: the evaluation contract of ../shared/corpus/README.md
 * (file, headline, summary, quotes, casualties, story) plus offsets and source metadata. `story` is
 * the id of the story the article belongs to among the files of the run (its lead article's id).
 */
export function summaryRecord(file: string, article: Article, summary: Summary, story: string = article.id) {
  return {
    file,
    id: article.id,
    story,
    headline: summary.headline,
    summary: summary.summary.map((sentence) => collapse(sentence.text)),
    quotes: summary.quotes.map(({ text, speaker, speakerRole, key, rank, start, end, parts }) => ({
      text,
      speaker,
      speakerRole,
      key,
      rank,
      start,
      end,
      parts,
    })),
    casualties: summary.casualties.map((figure) => ({ ...figureRecord(figure), start: figure.start, end: figure.end })),
    source: { ...article.source },
  };
}
