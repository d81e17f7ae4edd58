import type { Figure, Quote } from '../summarize/types.js';

/** One source that carried a story. */
export interface SourceRef {
  articleId: string;
  title: string;
  publication?: string;
  agency?: string;
  url?: string;
  publishedAt?: string;
  origin: string;
}

/** One story in a digest: possibly several articles about the same story, merged. */
export interface DigestItem {
  /** Stable id of the story (the id of its lead article). */
  id: string;
  headline: string;
  /** Summary sentences, display-ready (whitespace collapsed). */
  summary: string[];
  /** Every quote, ranked; renderers show those with `key` in a digest and all of them in /article. */
  quotes: Quote[];
  figures: Figure[];
  /** The lead source first. */
  sources: SourceRef[];
  publishedAt?: string;
}

/** A platform-neutral digest: every renderer (terminal, Slack, Discord) consumes this. */
export interface Digest {
  /** Local calendar date the digest is for, YYYY-MM-DD. */
  date: string;
  title: string;
  items: DigestItem[];
  /** ISO 8601 time the digest was built. */
  generatedAt: string;
}
