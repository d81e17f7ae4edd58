/** Function words that carry no topic, for comparing sentences (src/summarize/select.ts). */

export const STOPWORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or our said says she that the their there they this to was we were which who will with would not no than then also after before over more most about into up out one two new'.split(
    ' ',
  ),
);
