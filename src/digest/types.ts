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

/** Which outlets reported a fact, by name ("Coast Herald"), first reporter first. */
export interface Provenance {
  outlets?: string[];
}

/** A quote of a story: the same quotation carried by several outlets is one quote with all of them. */
export type StoryQuote = Quote & Provenance;

/** A figure of a story with the outlets that reported it; outlets that disagree keep separate figures. */
export type StoryFigure = Figure & Provenance;

/** What a story carried on one day's digest of a channel: the timeline of a developing story. */
export interface StoryDay {
  /** Local date of the digest, YYYY-MM-DD. */
  date: string;
  figures: StoryFigure[];
  /** Outlet names that carried the story that day. */
  outlets: string[];
}

/** A figure new since the story was last shown, with the figure it replaces when there is one. */
export interface FigureChange {
  figure: StoryFigure;
  /** The earlier figure of the same kind ("700 people killed") and the date it was shown. */
  previous?: { figure: StoryFigure; date: string };
}

/** What changed in a story already shown in an earlier digest of the channel. */
export interface Development {
  /** The date of the digest that first showed the story. */
  firstDate: string;
  /** The date of the digest that last showed it. */
  previousDate: string;
  newFigures: FigureChange[];
  /** Key quotes not shown before (every quote not shown before is marked `isNew` in `quotes`). */
  newQuotes: number;
  newOutlets: string[];
}

/** One story in a digest: possibly several articles about the same story, merged. */
export interface DigestItem {
  /** Stable id of the story (the id of its lead article; for a developing story, of the first day's lead). */
  id: string;
  headline: string;
  /** Summary sentences, display-ready (whitespace collapsed). */
  summary: string[];
  /** Every quote of every source, ranked, the same quotation once; `selectForDigest` picks what a digest shows. */
  quotes: (StoryQuote & { isNew?: boolean })[];
  /** Every figure of every source; where outlets disagree each figure stands with its outlets. */
  figures: StoryFigure[];
  /** The lead source first. */
  sources: SourceRef[];
  /** Independent outlets that carried it (wire copy republished by several sites counts once). */
  outletCount?: number;
  publishedAt?: string;
  /** Set when the channel saw the story in an earlier digest and something new has arrived. */
  development?: Development;
  /** Each day's figures and outlets, oldest first, for a story followed across days. */
  timeline?: StoryDay[];
}

/** A source of the channel whose latest read failed when the digest was built: its latest stories wait for a later digest. */
export interface UnreadSource {
  /** The source as the channel knows it: the config file's id ("city-news"), or a subscribed feed's site and path. */
  name: string;
  /** Why, in plain words for the channel ("timed out"), never an address or an error's internals. */
  reason: string;
}

/** A platform-neutral digest: every renderer (terminal, Slack, Discord) consumes this. */
export interface Digest {
  /** Local calendar date the digest is for, YYYY-MM-DD. */
  date: string;
  title: string;
  items: DigestItem[];
  /** ISO 8601 time the digest was built. */
  generatedAt: string;
  /** The channel's sources that could not be read for this digest; `describeUnreadSources` words them. */
  unreadSources?: UnreadSource[];
}
