/** Abbreviations: the one list the tokenizer, the name reader and the sentence splitter share. */

/** Words that end with a period without ending a sentence. */
export const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr Gen Col Lt Sgt Capt Cmdr Rep Sen Gov Prof St Jr Sr Inc Corp Co Ltd No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft Rev Hon Pres Adm Maj Cpl Pvt Supt Det Insp vs etc al Ave Blvd Dept Univ Messrs Mme Mlle Fig approx est Brig Lieut Del Atty Amb Ald Sens Reps Msgr Cdr Comdr Gens'.split(
    ' ',
  ),
);

/** Titles written before a name ("Sen. Ann Lee", "Lt. Gen. Jo Berg"): read as one word with their period. */
export const NAME_TITLES = 'Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Sgt Capt Maj Adm Rev Prof Jr Sr St Ft Del Cmdr Gens Sens Reps'.split(' ');

/** Abbreviations after which a capitalised word goes on the same sentence ("Sen. Lee", "Jan. 5"). */
export const BEFORE_CAPITALS = 'Mr Mrs Ms Dr Gen Col Lt Sgt Capt Rep Sen Gov Del Amb Atty Prof St No Jan Feb Aug Sept Oct Nov Dec'.split(' ');
