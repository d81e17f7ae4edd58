import type { Article } from '../article/types.js';
import { STOPWORDS } from './lexicon/index.js';
import type { Sentence } from './sentences.js';

const WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;

/** The sentence's distinct content words, and how many words it has in all. */
function readWords(text: string): { content: Set<string>; count: number } {
  const content = new Set<string>();
  let count = 0;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) {
    count++;
    const word = match[0];
    if (word.length > 2 && !STOPWORDS.has(word)) content.add(word);
  }
  return { content, count };
}

/** Sentences shorter than this are fragments (a byline, "Read more."), not summary material. */
const MIN_WORDS = 5;
/** Two sentences sharing more than this share of their words say the same thing. */
const REPEAT_OVERLAP = 0.5;

/**
 * Picks the `count` most informative sentences, in article order. News puts the story first, so
 * the lede always leads; the rest are the most central sentences, those whose words recur across
 * the article (summed over distinct words, damped by length so long sentences don't win on length
 * alone), skipping any that repeat a sentence already chosen.
 */
export function selectSentences(article: Article, sentences: Sentence[], count: number): Sentence[] {
  const read = sentences.map((sentence) => readWords(article.text.slice(sentence.start, sentence.end)));
  const words = read.map((r) => r.content);
  const wordCounts = read.map((r) => r.count);
  const documentFrequency = new Map<string, number>();
  for (const set of words) for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);

  const lede = wordCounts.findIndex((n) => n >= MIN_WORDS);
  const scored = sentences.map((_, i) => {
    if (wordCounts[i]! < MIN_WORDS) return { i, score: -1 };
    if (i === lede) return { i, score: Infinity };
    let shared = 0;
    for (const word of words[i]!) shared += documentFrequency.get(word)! - 1;
    return { i, score: shared / (words[i]!.size + 10) ** 0.7 };
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);

  const chosen: number[] = [];
  for (const { i, score } of scored) {
    if (chosen.length >= count || score < 0) break;
    if (chosen.some((j) => overlap(words[i]!, words[j]!) > REPEAT_OVERLAP)) continue;
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]!);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
