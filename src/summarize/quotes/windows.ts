/**
 * How far the quotation rules read, in tokens (a word or a mark) unless a name says characters or
 * words. Each window is as short as keeps the attributions the rules are for, so the extractor
 * stays cheap on long sentences and does not reach a name that belongs to another clause.
 */

/** Before the quotation, the words of its sentence read: the longest attribution with its appositions fits, a run-on paragraph is cut. */
export const SENTENCE_TOKENS = 80;

/**
 * A speech verb further than this from the opening mark does not introduce the quotation (`Lee
 * said on Monday the pier … “`): between them stands a clause of its own. "that" or a colon after
 * the verb carries it over any distance.
 */
export const VERB_REACH_TOKENS = 14;

/** How far back before the verb one apposition may run to its opening comma (`Ann Lee, a professor who …, said`). */
export const APPOSITION_REACH_TOKENS = 30;

/**
 * After a closing mark, the words read for its attribution: most are a few words (`,” said Ann
 * Lee, a nurse.`), so the short look comes first; a long apposition (`,” Ann Lee, the president
 * of …, said`) is read only when it finds none.
 */
export const SHORT_ATTRIBUTION_TOKENS = 24;
export const LONG_ATTRIBUTION_TOKENS = 48;

/** After a name, how far an apposition may run to its closing comma before the verb (`,” Ann Lee, the mayor of Selby, said`). */
export const APPOSITION_AFTER_NAME_TOKENS = 24;

/** After the quotation, how far a speech verb later in the clause may stand (`” held by … the Observatory said.`). */
export const LATER_VERB_TOKENS = 40;

/**
 * After the verb, how many words the attribution's sentence may run on and still "end soon":
 * `.” he said on Monday.` does, `.” Residents told reporters that the pier …` does not.
 */
export const ENDS_SOON_TOKENS = 8;

/** Between two quoted pieces of a paragraph, the words read for the one attribution sentence that may join them. */
export const BETWEEN_PIECES_TOKENS = 80;

/** The most words a fragment may be from the next one and still be one sentence with it (`called the toll “a tax” for families “who pay”`). */
export const FRAGMENT_GAP_WORDS = 12;

/** The words of a sentence read for its subject: the subject opens the sentence, after at most a few opening clauses. */
export const SUBJECT_TOKENS = 60;

/** How far the first opening clause may run to its comma (`At a rally in Selby, Ohio, on Friday, Lee …`). */
export const OPENING_CLAUSE_COMMA_TOKENS = 16;

/** How long a second opening clause may run before the subject: `On Monday, after a long and quiet spring, Lee …`. */
export const OPENING_CLAUSE_TOKENS = 12;

/** In an "as" clause, how long the one apposition may be (`As Ada Lind, the historian, put it`). */
export const AS_APPOSITION_TOKENS = 12;

/** After "according to", how far the "by" of a document's author may stand (`according to a court filing by Ann Lee`). */
export const DOCUMENT_AUTHOR_TOKENS = 12;

/** Before a colon right before the mark, the characters read for a listed speaker (`Clinton: “`, `Iowa polls — Ann Lee: “`). */
export const COLON_SPEAKER_CHARS = 80;

/** Of the sentence before the quotation, the characters read from its end for its attribution (`…, Schiff said.`). */
export const SENTENCE_BEFORE_CHARS = 200;

/** In that sentence, how far from its end the speech verb may stand (`…, Lee told reporters on Monday.`). */
export const SENTENCE_BEFORE_VERB_TOKENS = 8;
