/**
 * What a speaker lookup reads and what it finds: the article as the lookup sees it
 * (`SpeakerContext`: its text, name index and sentences, and the speakers resolved so far) and a
 * `Mention` (who, where, and whether a person or a group). Also which sentence holds an offset, which
 * decides how far back "he said" may look.
 */
import type { NameIndex } from '../names.js';

/** A resolved mention: who, and whether it is a person (for he/she) or a group (for they/it). */
export interface Mention {
  at: number;
  name: string;
  person: boolean;
}

export interface SpeakerContext {
  text: string;
  names: NameIndex;
  /** The body's sentences, in order. */
  sentences: { start: number; end: number }[];
  /** Speakers already resolved, in text order. */
  speakers: Mention[];
  /** Whether an offset lies inside a quotation (names there are not subjects). */
  insideQuote(at: number): boolean;
  /** Per sentence: the first person and the first group named outside quotations (lazy). */
  subjects: ({ person: Mention | null; group: Mention | null } | undefined)[];
  /** Mentions found in a stretch of text, by its start and end (lazy). */
  mentions?: Map<number, { person: Mention | null; group: Mention | null }>;
}

/** Index of the sentence that holds an offset (or the last one before it); -1 if none. */
export function sentenceIndex(sentences: { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
