/**
 * Every word list of the summarizer, one file per domain, so that a rule reads its words from
 * one place and a list is never kept twice under one name. The rules that use them live beside
 * the code they serve (quotes.ts, speakers/, names.ts, sentences.ts, select.ts).
 */
export * from './abbreviations.js';
export * from './names.js';
export * from './numbers.js';
export * from './quotes.js';
export * from './roles.js';
export * from './stopwords.js';
