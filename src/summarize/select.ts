import type { Article } from '../article/types.js';
import type { Sentence } from './sentences.js';

const STOPWORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or our said says she that the their there they this to was we were which who will with would not no than then also after before over more most about into up out one two new'.split(' '),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => word.length > 2 && !STOPWORDS.has(word));
}

/**
 * Picks the `count` most informative sentences, returned in article order. News puts the story
 * first, so the lede weighs most; later sentences earn their place by sharing the article's
 * (and the headline's) key words, and a sentence that repeats one already chosen is skipped.
 */
export function selectSentences(article: Article, sentences: Sentence[], count: number): Sentence[] {
  if (sentences.length <= count) return sentences;
  const frequency = new Map<string, number>();
  const wordsOf = sentences.map((sentence) => contentWords(article.text.slice(sentence.start, sentence.end)));
  for (const words of wordsOf) for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const headline = new Set(contentWords(article.title));

  const scored = sentences.map((sentence, i) => {
    const words = wordsOf[i]!;
    if (words.length < 4) return { i, score: -1 };
    let weight = 0;
    for (const word of new Set(words)) weight += (frequency.get(word)! - 1) + (headline.has(word) ? 2 : 0);
    const centrality = weight / Math.sqrt(words.length + 4);
    const position = 1 / (1 + 0.35 * i);
    return { i, score: centrality * 0.15 + position * 2 + (sentence.paragraph === 0 ? 1 : 0) };
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);

  const chosen: number[] = [];
  for (const { i, score } of scored) {
    if (chosen.length >= count) break;
    if (score < 0) continue;
    if (chosen.some((j) => overlap(wordsOf[i]!, wordsOf[j]!) > 0.6)) continue;
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]!);
}

function overlap(a: string[], b: string[]): number {
  const setB = new Set(b);
  const shared = new Set(a.filter((word) => setB.has(word))).size;
  return shared / Math.max(1, Math.min(new Set(a).size, setB.size));
}
