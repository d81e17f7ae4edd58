/**
 * How far the attribution rules read, in tokens (a word or a mark). Each window is as short as
 * keeps the attributions the rules are for, so the extractor stays cheap on long sentences and
 * does not reach a name that belongs to another clause.
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
