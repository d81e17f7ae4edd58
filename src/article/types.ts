/**
 * An Article is what every later stage reads. Offsets everywhere in newsdigest are character
 * offsets (UTF-16 code units) into `Article.text`, and `Article.text.slice(start, end)` is always
 * the extracted text itself. `text` is the source after lossless-in-meaning normalisation
 * (line endings, HTML entities); `rawOffset()` maps a `text` offset back to the file as read.
 */
export type ParagraphRole =
  | 'title' // the title line
  | 'title-repeat' // the title repeated as the first paragraph (feed debris)
  | 'caption' // a photo caption
  | 'credit' // a photo credit line such as "(AFP PHOTO / POOL / Christian Hartmann)"
  | 'trailer' // "The post … appeared first on …"
  | 'body';

export interface Paragraph {
  role: ParagraphRole;
  /** Start of the paragraph's readable text in `Article.text` (after any dateline). */
  start: number;
  end: number;
  /** Where a dateline ("BEIRUT (Reuters) -") was cut from the start of this paragraph. */
  dateline?: { start: number; end: number; text: string };
}

export interface ArticleSource {
  /** Publication that carried the article ("Daily News Egypt"). */
  publication?: string;
  /** News agency named in a dateline or photo credit ("AFP", "Reuters"). */
  agency?: string;
  photoCredit?: string;
  url?: string;
  author?: string;
  /** ISO 8601 date-time, when the source gives one. */
  publishedAt?: string;
  /** Name of the file, feed or page the article came from, for error messages and provenance. */
  origin: string;
}

export interface Article {
  /** Stable id: a hash of the normalised text (same text → same id). */
  id: string;
  title: string;
  /** Normalised full text, title line included; all offsets point into this. */
  text: string;
  paragraphs: Paragraph[];
  source: ArticleSource;
  /** Maps an offset in `text` to an offset in the text as originally read. */
  rawOffset(offset: number): number;
}

/** Paragraphs that carry the story, in order (no title, caption, credit or trailer). */
export function bodyParagraphs(article: Article): Paragraph[] {
  return article.paragraphs.filter((p) => p.role === 'body');
}
