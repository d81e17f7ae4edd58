import { createRequire } from 'node:module';
import { bodyParagraphs, type Article } from '../article/types.js';
import { ABBREVIATIONS, BEFORE_CAPITALS } from './lexicon/index.js';

/** A sentence of the article's body; offsets into Article.text. */
export interface Sentence {
  start: number;
  end: number;
  /** Index among the body paragraphs (0 = the lede paragraph). */
  paragraph: number;
  /** Index of the sentence in its paragraph. */
  indexInParagraph: number;
}

type SentenceReader = (text: string) => string[];
let winkSentences: SentenceReader | undefined;

/**
 * wink-nlp's sentence reader, loaded on first use: its model costs about 90 ms and 35 MB to load,
 * which a command that summarizes nothing doubtful (or nothing at all) need not pay.
 */
function readWinkSentences(text: string): string[] {
  if (!winkSentences) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
    // Sentence boundaries only: the other pipes (POS, NER, sentiment) cost time we don't need.
    const nlp = winkNLP(model, ['sbd']);
    winkSentences = (input) => nlp.readDoc(input).sentences().out(nlp.its.value) as string[];
  }
  return winkSentences(text);
}

/**
 * Splits the body into sentences. Plain sentence ends ("…in Syria. The talks…", "…?” he asked.
 * Then…") are split where they are; a stretch with a doubtful end (an abbreviation, an initial, a
 * number, a lower-case next word) goes to wink-nlp, whose model knows such cases. wink is by far
 * the largest cost of summarizing, so it reads only those stretches. Then two habits that hurt
 * news text are mended: a split inside a quotation ("… Geneva. I am counting …”) and a split
 * after an abbreviation.
 */
export function splitSentences(article: Article): Sentence[] {
  const paragraphs = bodyParagraphs(article);
  // Pieces per paragraph, as offsets into Article.text.
  const pieces: Span[][] = paragraphs.map(() => []);

  // Doubtful stretches go into one wink document (far cheaper than one per stretch); blank
  // lines are sentence boundaries to wink, so no sentence spans two stretches.
  const doubtful: { paragraph: number; start: number; end: number }[] = [];
  const starts: number[] = [];
  let joined = '';
  paragraphs.forEach((paragraph, i) => {
    const text = article.text.slice(paragraph.start, paragraph.end);
    for (const stretch of plainStretches(text)) {
      const start = paragraph.start + stretch.start;
      const end = paragraph.start + stretch.end;
      if (!stretch.doubtful) {
        pieces[i]!.push({ start, end });
        continue;
      }
      if (joined) joined += '\n\n';
      doubtful.push({ paragraph: i, start, end });
      starts.push(joined.length);
      joined += article.text.slice(start, end);
    }
  });
  if (joined) {
    let cursor = 0;
    let owner = 0;
    const winkPieces: Span[][] = doubtful.map(() => []);
    for (const piece of readWinkSentences(joined)) {
      const at = joined.indexOf(piece, cursor);
      if (at < 0) continue;
      cursor = at + piece.length;
      while (owner + 1 < starts.length && starts[owner + 1]! <= at) owner++;
      const stretch = doubtful[owner]!;
      const shift = stretch.start - starts[owner]!;
      winkPieces[owner]!.push({ start: at + shift, end: Math.min(cursor + shift, stretch.end) });
    }
    // Put each stretch's sentences back in paragraph order.
    doubtful.forEach((stretch, k) => pieces[stretch.paragraph]!.push(...winkPieces[k]!));
    for (const list of pieces) list.sort((a, b) => a.start - b.start);
  }

  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    let indexInParagraph = 0;
    let open: Span | null = null;
    for (const piece of pieces[index]!) {
      if (open && shouldJoin(article.text, open.start, open.end, piece.start, paragraph.end)) {
        open.end = piece.end;
        continue;
      }
      if (open) sentences.push({ ...open, paragraph: index, indexInParagraph: indexInParagraph++ });
      open = { ...piece };
    }
    if (open) sentences.push({ ...open, paragraph: index, indexInParagraph: indexInParagraph++ });
  });
  return sentences;
}

interface Span {
  start: number;
  end: number;
}

/** A sentence end, its closing quotes or brackets, the space after it, and the next character. */
const SENTENCE_END = /([.!?…])(["'”’)\]]*)(\s+)(\S)/g;

/**
 * A paragraph cut at its plain sentence ends into stretches; a stretch is `doubtful` when it holds
 * a possible sentence end that wink must judge (an abbreviation, initial or number before a
 * period, or a lower-case word after it).
 */
function plainStretches(text: string): (Span & { doubtful: boolean })[] {
  const stretches: (Span & { doubtful: boolean })[] = [];
  let start = 0;
  let doubtful = false;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const [, mark, closers, space, next] = match as unknown as [string, string, string, string, string];
    if (!/[\p{Lu}"“‘'([]/u.test(next)) {
      // “…?” he asked: the quotation ends, the sentence goes on; anything else is for wink.
      if (mark === '.' || !closers) doubtful = true;
      continue;
    }
    if (mark === '.' && !closers) {
      const word = /[^\s("“‘']*$/.exec(text.slice(Math.max(0, match.index - 24), match.index))![0];
      // A title or an initial before a capitalised word ("Mr. Lee", "John F. Kennedy") ends no
      // sentence (shouldJoin would join it back whatever wink said): no need to ask wink.
      if (TITLES_BEFORE_NAMES.has(word) || /^[A-Z]$/.test(word)) continue;
      if (!/^\p{L}[\p{L}'’-]+$/u.test(word) || ABBREVIATIONS.has(word) || /^\p{Lu}{1,3}$/u.test(word)) {
        doubtful = true;
        continue;
      }
    }
    const end = match.index + mark.length + closers.length;
    stretches.push({ start, end, doubtful });
    start = end + space.length;
    doubtful = false;
  }
  stretches.push({ start, end: text.length, doubtful });
  return stretches;
}

/** The lexicon's BEFORE_CAPITALS as a set, for look-ups. */
const TITLES_BEFORE_NAMES = new Set(BEFORE_CAPITALS);

const OPENING = /[“‘]/g;
const CLOSING = /[”’]/g;

/** Join when the previous piece leaves a quotation open, or ends with a lone initial or title. */
function shouldJoin(text: string, start: number, end: number, next: number, paragraphEnd: number): boolean {
  const previous = text.slice(start, end);
  const straight = (previous.match(/"/g)?.length ?? 0) % 2 === 1;
  const curlyOpen = (previous.match(OPENING)?.length ?? 0) > (previous.match(CLOSING)?.length ?? 0) + apostrophes(previous);
  if (straight || curlyOpen) return next < paragraphEnd;
  // `Rep. Ann Lee (D-Ore.) said …`, `(D-Ore.), a member of …`: no sentence opens with a comma, nor
  // with a lower-case word after a label.
  if (/^[,;]/.test(text.charAt(next)) || (/^\p{Ll}/u.test(text.charAt(next)) && /\.\)$/.test(previous))) return true;
  return BEFORE_CAPITAL.test(previous);
}

/** Right single quotes used as apostrophes (Assad’s) are not closing quotation marks. */
function apostrophes(text: string): number {
  return text.match(/\p{L}’\p{L}|s’(?=\s)/gu)?.length ?? 0;
}

/** An initial or an abbreviation that a capitalised word follows within one sentence, ending the text before it. */
const BEFORE_CAPITAL = new RegExp(`(?:\\b[A-Z]|\\b(?:${BEFORE_CAPITALS.join('|')}))\\.$`);
