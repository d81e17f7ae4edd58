/** Word statistics for same-story grouping: words that never tell stories apart, and how common a word is in general news. */

/** English function words and newsroom verbs: too common to tell stories apart. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'said says say told according added new one two three first last year years week weeks day days time monday tuesday wednesday ' +
    'thursday friday saturday sunday today yesterday tomorrow since may might must many much per percent mr mrs ms us ' +
    'get got make made like just still even back well way going want wants'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Share of general news articles a word (stemmed) appears in. For now one rate for every word: a
 * prior that keeps a small batch from making every shared word look rare. A shipped word-frequency
 * list would give each word its own rate here.
 */
export function backgroundRarity(_term: string): number {
  return 0.05;
}
