/** Quote scoring, a line-by-line port of score.py `score_quotes`. */
import { pyRound, pyStrip } from './python.js';
import { overlap, precisionRecall, toks } from './text.js';
import type { GoldQuote, LoosePrediction, PredictionsByFile, QuotesGold } from './types.js';

export const QUOTE_THRESHOLDS = [0.3, 0.8] as const;
export const MIN_QUOTE_WORDS = 4;

export interface ScoredQuote {
  text?: unknown;
  speaker?: unknown;
}

export interface QuotePair {
  gold: GoldQuote;
  /** Index into the scored predictions, or null when no prediction reached the threshold. */
  predIndex: number | null;
  /** Overlap of the best still-unpaired prediction (0 when there was none). */
  overlap: number;
}

export interface QuoteFigures {
  precision: number;
  recall: number;
  f1: number;
  speaker_accuracy: number;
  speaker_scored: number;
  /** Share of scored pairs shown with a speaker who is someone else (an empty speaker is a miss, not wrong). */
  speaker_wrong: number;
}

export interface QuotesScore {
  'overlap0.3': QuoteFigures;
  'overlap0.8': QuoteFigures;
  gold_quotes: number;
  articles: number;
}

/** The predicted quotes that are scored: those of `minWords` tokens or more, in order. */
export function scoredQuotes(pred: LoosePrediction | undefined, minWords = MIN_QUOTE_WORDS): ScoredQuote[] {
  return (pred?.quotes ?? []).filter((q) => toks(q.text).length >= minWords);
}

/**
 * Pairs gold quotes one-to-one with predictions: each gold quote in turn takes the unpaired
 * prediction of highest overlap (the first on ties, never one of overlap 0) if it reaches `threshold`.
 */
export function pairQuotes(gold: readonly GoldQuote[], preds: readonly ScoredQuote[], threshold: number): QuotePair[] {
  const used = new Set<number>();
  return gold.map((gq) => {
    let best = 0;
    let bi: number | null = null;
    for (let i = 0; i < preds.length; i++) {
      if (used.has(i)) continue;
      const o = overlap(preds[i]!.text, gq.text);
      if (o > best) {
        best = o;
        bi = i;
      }
    }
    if (bi !== null && best >= threshold) {
      used.add(bi);
      return { gold: gq, predIndex: bi, overlap: best };
    }
    return { gold: gq, predIndex: null, overlap: best };
  });
}

/** The gold surname, lower-cased, appears anywhere in the lower-cased predicted speaker. */
export function speakerMatches(surname: string, speaker: unknown): boolean {
  const spk = typeof speaker === 'string' ? speaker.toLowerCase() : '';
  return spk.includes(surname.toLowerCase());
}

/** A speaker is shown (not blank) and it is not the gold source: a wrong name put before readers. */
export function speakerWrong(surname: string, speaker: unknown): boolean {
  const spk = typeof speaker === 'string' ? speaker : '';
  return pyStrip(spk) !== '' && !speakerMatches(surname, spk);
}

export function scoreQuotes(gold: readonly QuotesGold[], preds: PredictionsByFile, minWords = MIN_QUOTE_WORDS): QuotesScore {
  const byThreshold = QUOTE_THRESHOLDS.map((th): QuoteFigures => {
    let tp = 0;
    let npred = 0;
    let ngold = 0;
    let spkN = 0;
    let spkOk = 0;
    let spkWrong = 0;
    for (const g of gold) {
      const pq = scoredQuotes(preds.get(g.file), minWords);
      npred += pq.length;
      ngold += g.quotes.length;
      for (const pair of pairQuotes(g.quotes, pq, th)) {
        if (pair.predIndex === null) continue;
        tp += 1;
        if (pair.gold.surname) {
          spkN += 1;
          const speaker = pq[pair.predIndex]!.speaker;
          if (speakerMatches(pair.gold.surname, speaker)) spkOk += 1;
          if (speakerWrong(pair.gold.surname, speaker)) spkWrong += 1;
        }
      }
    }
    return {
      ...precisionRecall(tp, npred, ngold),
      speaker_accuracy: pyRound(spkOk / Math.max(1, spkN), 4),
      speaker_scored: spkN,
      speaker_wrong: pyRound(spkWrong / Math.max(1, spkN), 4),
    };
  });
  return {
    'overlap0.3': byThreshold[0]!,
    'overlap0.8': byThreshold[1]!,
    gold_quotes: gold.reduce((n, g) => n + g.quotes.length, 0),
    articles: gold.length,
  };
}
