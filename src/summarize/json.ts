import { collapse } from '../article/read.js';
import type { Article } from '../article/types.js';
import type { Summary } from './types.js';

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
    casualties: summary.casualties.map(({ count, min, max, qualifier, kind, who, context, text, start, end }) => ({
      count,
      min,
      max,
      qualifier,
      kind,
      who,
      context,
      text,
      start,
      end,
    })),
    source: { ...article.source },
  };
}
