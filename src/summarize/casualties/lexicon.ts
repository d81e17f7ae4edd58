/** The casualty word lists moved to the shared lexicon folder; this path stays for existing imports. */
export * from '../lexicon/casualties.js';
