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
  const paragraphs = bodyParagraphs(article);
  // One wink document for the whole body (far cheaper than one per paragraph); blank lines
  // between paragraphs are sentence boundaries to wink, so no sentence spans two paragraphs.
  const starts: number[] = [];
  let joined = '';
  for (const paragraph of paragraphs) {
    if (joined) joined += '\n\n';
    starts.push(joined.length);
    joined += article.text.slice(paragraph.start, paragraph.end);
  }
  const pieces = joined ? (nlp.readDoc(joined).sentences().out(its.value) as string[]) : [];

  const sentences: Sentence[] = [];
  let cursor = 0;
  let paragraphIndex = 0;
  let indexInParagraph = 0;
  let open: { start: number; end: number } | null = null;
  const flush = () => {
    if (!open) return;
    const base = paragraphs[paragraphIndex]!.start - starts[paragraphIndex]!;
    sentences.push({ start: base + open.start, end: base + open.end, paragraph: paragraphIndex, indexInParagraph: indexInParagraph++ });
    open = null;
  };
  for (const piece of pieces) {
    const at = joined.indexOf(piece, cursor);
    if (at < 0) continue;
    const end = at + piece.length;
    cursor = end;
    let owner = paragraphIndex;
    while (owner + 1 < starts.length && starts[owner + 1]! <= at) owner++;
    if (owner !== paragraphIndex) {
      flush();
      paragraphIndex = owner;
      indexInParagraph = 0;
    }
    const paragraphEnd = starts[owner]! + (paragraphs[owner]!.end - paragraphs[owner]!.start);
    const clipped = Math.min(end, paragraphEnd);
    if (open && shouldJoin(joined, open.start, open.end, at, paragraphEnd)) {
      open.end = clipped;
      continue;
    }
    flush();
    open = { start: at, end: clipped };
  }
  flush();
  return sentences;
}

const OPENING = /[“‘]/g;
const CLOSING = /[”’]/g;

/** Join when the previous piece leaves a quotation open, or ends with a lone initial or title. */
function shouldJoin(text: string, start: number, end: number, next: number, paragraphEnd: number): boolean {
  const previous = text.slice(start, end);
  const straight = (previous.match(/"/g)?.length ?? 0) % 2 === 1;
  const curlyOpen = (previous.match(OPENING)?.length ?? 0) > (previous.match(CLOSING)?.length ?? 0) + apostrophes(previous);
  if (straight || curlyOpen) return next < paragraphEnd;
  return /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Prof|St|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.$/.test(previous);
}

/** Right single quotes used as apostrophes (Assad’s) are not closing quotation marks. */
function apostrophes(text: string): number {
  return text.match(/\p{L}’\p{L}|s’(?=\s)/gu)?.length ?? 0;
}
