/** What the summarizer extracts from one Article. Every offset points into `Article.text`. */

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface Quote extends TextSpan {
  /** The speaker's fullest name in the article ("John Kerry"), a group ("Friends of Syria group"), or null. */
  speaker: string | null;
  /**
   * Who the speaker is, verbatim from the article: the title before the name, a party label, the
   * apposition after it ("British Foreign Secretary", "president of the United Federation of
   * Teachers", "Rep. (D-Wis.)"). Absent when the article gives none.
   */
  speakerRole?: string;
  /** Where the attribution names the speaker (the cue such as "he said" or the name itself). */
  attribution?: TextSpan;
  /**
   * A quotation split around its attribution or run over paragraphs ("…,” said X. “…”) has its
   * quoted pieces here; `text` then spans from the first piece to the last, attribution included.
   */
  parts?: TextSpan[];
  /** True for the two or three quotes an editor would show. */
  key: boolean;
  /** 1 = most newsworthy. */
  rank: number;
}

export type FigureKind = 'killed' | 'injured' | 'displaced' | 'missing' | 'detained' | 'kidnapped' | 'casualties'; // killed or injured, undistinguished ("casualties", "victims")

export interface Figure extends TextSpan {
  /** The number as written; null for vague amounts ("hundreds") that have only a bound. */
  count: number | null;
  min: number | null;
  max: number | null;
  /** "at least", "more than", "up to", "nearly", "about", "between", … or null. */
  qualifier: string | null;
  kind: FigureKind;
  /** Who the figure counts ("people", "civilians", "children"), when the text says. */
  who: string | null;
  /** The sentence the figure stands in, for a reader who wants the context. */
  context: string | null;
}

export interface Summary {
  articleId: string;
  headline: string;
  /** The N most informative sentences, in article order. */
  summary: TextSpan[];
  quotes: Quote[];
  casualties: Figure[];
}

export interface SummarizeOptions {
  /** Sentences in the summary (default 2). */
  sentences?: number;
}
