import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { bodyParagraphs, type Article } from '../article/types.js';

/** A sentence of the article's body; offsets into Article.text. */
export interface Sentence {
  start: number;
  end: number;
  /** Index among the body paragraphs (0 = the lede paragraph). */
  paragraph: number;
  /** Index of the sentence in its paragraph. */
  indexInParagraph: number;
}

// Sentence boundaries only: the other pipes (POS, NER, sentiment) cost time we don't need.
const nlp = winkNLP(model, ['sbd']);
const its = nlp.its;

/**
 * Splits the body into sentences with wink-nlp, then mends its two habits that hurt news text:
 * a split inside a quotation ("… Geneva. I am counting …”) and a split after an abbreviation
 * that wink does not know.
 */
export function splitSentences(article: Article): Sentence[] {
  const sentences: Sentence[] = [];
  bodyParagraphs(article).forEach((paragraph, paragraphIndex) => {
    const text = article.text.slice(paragraph.start, paragraph.end);
    const pieces = nlp.readDoc(text).sentences().out(its.value) as string[];
    let cursor = 0;
    let indexInParagraph = 0;
    let open: { start: number; end: number } | null = null;
    for (const piece of pieces) {
      const at = text.indexOf(piece, cursor);
      if (at < 0) continue;
      const start = at;
      const end = at + piece.length;
      cursor = end;
      if (open && shouldJoin(text, open.start, open.end, start)) {
        open.end = end;
        continue;
      }
      if (open) {
        sentences.push({ start: paragraph.start + open.start, end: paragraph.start + open.end, paragraph: paragraphIndex, indexInParagraph: indexInParagraph++ });
      }
      open = { start, end };
    }
    if (open) {
      sentences.push({ start: paragraph.start + open.start, end: paragraph.start + open.end, paragraph: paragraphIndex, indexInParagraph: indexInParagraph++ });
    }
  });
  return sentences;
}

const OPENING = /[“‘]/g;
const CLOSING = /[”’]/g;

/** Join when the previous piece leaves a quotation open, or ends with a lone initial or title. */
function shouldJoin(text: string, start: number, end: number, next: number): boolean {
  const previous = text.slice(start, end);
  const straight = (previous.match(/"/g)?.length ?? 0) % 2 === 1;
  const curlyOpen = (previous.match(OPENING)?.length ?? 0) > (previous.match(CLOSING)?.length ?? 0) + apostrophes(previous);
  if (straight || curlyOpen) return next < text.length;
  return /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Prof|St|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$/.test(previous);
}

/** Right single quotes used as apostrophes (Assad’s) are not closing quotation marks. */
function apostrophes(text: string): number {
  return text.match(/\p{L}’\p{L}|s’(?=\s)/gu)?.length ?? 0;
}
