/** Words that say who a speaker is, or that look like it and do not (src/summarize/quotes/roles.ts). */

/** "Mr. Obama" says nothing about who Obama is. */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx.', 'the', 'a', 'an']);

/** Lower-case words that open an apposition besides role nouns: `, a lawyer`, `, who runs`, `, now a consultant`. */
export const APPOSITION_OPENERS = new Set(
  'a an the one his her their its who whose whom now once formerly former also of head chief founder co-founder'.split(' '),
);

/** Function words: a title never starts or ends with one ("by former President" → "former President"). */
export const FUNCTION_WORDS = new Set(
  'by of for from with to at in on into between against about over under after before during like than as and or but ever'.split(' '),
);

/** Words shaped like role nouns that are not. */
export const NOT_ROLES = new Set(
  'statement statements report reports never other others either neither rather whether however together later earlier after over under power order matter whatever wherever moment percent president-elect'.split(
    ' ',
  ),
);

/** Title words that name an institution or a party, not a person's office ("said the White House"). */
export const NOT_PERSONAL = new Set(
  'white house senate us u.s. un u.n. uk u.k. eu nato national state league arab opposition republican democratic democrat gop campaign staff'.split(
    ' ',
  ),
);

/** Modifiers of a title that are capitalised only because they open a sentence ("Top US diplomat John Kerry"). */
export const SENTENCE_CAPITALS = new Set('top former retired senior acting late longtime veteran outgoing incoming interim current'.split(' '));
