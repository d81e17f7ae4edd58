/**
 * Same-story grouping: articles about one story from several sources become one group, so a
 * digest shows the story once and lists every source. Two signals, both deterministic:
 *
 * - near-duplicates (wire copy republished with small edits): Jaccard similarity of the bodies'
 *   3-word shingles (hashed, compared only for candidates, so exact and cheap);
 * - rewrites (the same facts in other words): cosine similarity of weighted words, where names and
 *   figures ("Kovic", "1,200") weigh more than common words, and headline words count twice.
 *   Two different stories on the same topic share topic words but not the names and figures
 *   that make a story, so they stay apart.
 *
 * Candidates come from an inverted index of each article's strongest words, so thousands of
 * articles are compared in well under quadratic time.
 */

export interface StoryText {
  id: string;
  title: string;
  body: string;
}

export interface SameStoryOptions {
  /** Jaccard of body shingles at or above which two articles are the same story. Default 0.5. */
  nearDuplicate?: number;
  /** Cosine of weighted words at or above which two articles are the same story. Default 0.32. */
  rewrite?: number;
}

const defaults = { nearDuplicate: 0.5, rewrite: 0.32 };
const MAX_POSTINGS = 200;
/** Strong words two articles must share before they are compared at all. */
const MIN_SHARED_TERMS = 3;

/**
 * Groups items about the same story. Groups keep input order (a group sits where its first item
 * was) and items inside a group keep input order too, so the first item is the lead.
 */
export function groupSameStory<T extends StoryText>(items: T[], options: SameStoryOptions = {}): T[][] {
  return sameStoryGrouper<T>((item) => item, options)(items);
}

/**
 * The same grouping for items of any shape: `read` says where each item's id, title and body are.
 * Fits DigestOptions.groupSameStory, e.g. `sameStoryGrouper((e: DigestEntry) => ({ id: e.source.articleId, title: e.summary.headline, body: e.body }))`.
 */
export function sameStoryGrouper<T>(read: (item: T) => StoryText, options: SameStoryOptions = {}): (items: T[]) => T[][] {
  const thresholds = { ...defaults, ...options };
  return (items) => {
    const docs = items.map((item) => profile(read(item)));
    weigh(docs);
    const group = new Array<number>(items.length);
    const groups: number[][] = [];
    const index = new Map<string, number[]>();
    docs.forEach((doc, i) => {
      // Earlier articles sharing a few strong words are the only ones worth comparing.
      const shared = new Map<number, number>();
      for (const term of doc.top) {
        // A word in hundreds of articles finds nothing specific: look at its latest uses only.
        const list = index.get(term) ?? [];
        for (let k = Math.max(0, list.length - MAX_POSTINGS); k < list.length; k++) shared.set(list[k]!, (shared.get(list[k]!) ?? 0) + 1);
      }
      let best = -1;
      let bestScore = 0;
      for (const [j, count] of shared) {
        if (count < MIN_SHARED_TERMS) continue;
        const score = similarity(doc, docs[j]!, thresholds);
        if (score > bestScore || (score === bestScore && best >= 0 && j < best)) {
          best = j;
          bestScore = score;
        }
      }
      if (best >= 0) {
        group[i] = group[best]!;
        groups[group[i]!]!.push(i);
      } else {
        group[i] = groups.length;
        groups.push([i]);
      }
      for (const term of doc.top) {
        const list = index.get(term);
        if (list) list.push(i);
        else index.set(term, [i]);
      }
    });
    return groups.map((members) => members.map((i) => items[i]!));
  };
}

interface Profile {
  /** Term counts: body words, headline words counted twice. */
  counts: Map<string, number>;
  /** Terms that are names or figures in this article. */
  salient: Set<string>;
  weights: Map<string, number>;
  norm: number;
  /** Strongest terms, for finding candidates. */
  top: string[];
  /** Sorted, distinct hashes of the body's 3-word shingles. */
  shingles: Uint32Array;
}

/** Words too common to tell stories apart (English function words and newsroom verbs). */
const stopwords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'said says say told according added new one two three first last year years week weeks day days time monday tuesday wednesday ' +
    'thursday friday saturday sunday today yesterday tomorrow since may might must many much per percent mr mrs ms us'
  ).split(' '),
);

const SENTENCE_END = /[.!?]["”’)]?\s|\n/;
const TOKEN = /\p{N}+(?:[.,:]\p{N}+)*|\p{L}+(?:['’]\p{L}+)*/gu;

interface Token {
  term: string;
  /** Capitalised inside a sentence, or a figure: what a story is about, not the words around it. */
  salient: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last && SENTENCE_END.test(text.slice(last, match.index))) sentenceStart = true;
    last = match.index + match[0].length;
    const raw = match[0];
    const isNumber = /^\p{N}/u.test(raw);
    let term = raw.toLowerCase().replace(/['’]s$/, '');
    const capitalised = !sentenceStart && /^\p{Lu}/u.test(raw);
    sentenceStart = false;
    if (!isNumber) {
      if (term.length < 3 || stopwords.has(term)) continue;
      // A light stem so "turbine" and "turbines" count as one word.
      if (term.length > 4 && term.endsWith('s') && !term.endsWith('ss')) term = term.slice(0, -1);
    }
    out.push({ term, salient: isNumber ? raw.length > 1 || /[.,]/.test(raw) : capitalised });
  }
  return out;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function profile(item: StoryText): Profile {
  const body = tokens(item.body);
  const head = tokens(item.title);
  const counts = new Map<string, number>();
  const salient = new Set<string>();
  for (const { term, salient: isSalient } of body) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (isSalient) salient.add(term);
  }
  for (const { term, salient: isSalient } of head) {
    counts.set(term, (counts.get(term) ?? 0) + 2);
    if (isSalient) salient.add(term);
  }
  const words = body.map((t) => t.term);
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i + 3 <= words.length; i++) hashes[i] = fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  hashes.sort();
  const shingles = hashes.filter((h, i) => i === 0 || h !== hashes[i - 1]);
  return { counts, salient, weights: new Map(), norm: 0, top: [], shingles };
}

/** Weights: sublinear term frequency × how rare the word is in this batch × 2 for names and figures. */
function weigh(docs: Profile[]): void {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  for (const doc of docs) {
    let sum = 0;
    for (const [term, count] of doc.counts) {
      // Smoothed so that in a batch of two, words both share are not treated as noise.
      const idf = Math.log(1 + n / df.get(term)!);
      const weight = (1 + Math.log(count)) * idf * (doc.salient.has(term) ? 2 : 1);
      doc.weights.set(term, weight);
      sum += weight * weight;
    }
    doc.norm = Math.sqrt(sum);
    doc.top = [...doc.weights]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 12)
      .map(([term]) => term);
  }
}

function cosine(a: Profile, b: Profile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}

/** Jaccard similarity of two sorted sets of shingle hashes, by merging them. */
function jaccard(a: Profile, b: Profile): number {
  const x = a.shingles;
  const y = b.shingles;
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      both++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return both / (x.length + y.length - both);
}

/** A score ≥ 1 means "same story"; below 1, how close it came (for picking the best match). */
function similarity(a: Profile, b: Profile, thresholds: typeof defaults): number {
  const rewrite = cosine(a, b);
  return jaccard(a, b) >= thresholds.nearDuplicate || rewrite >= thresholds.rewrite ? 1 + rewrite : 0;
}

/** For tests and tuning: the two signals between items `i` and `j` of a batch. */
export function storySimilarity(batch: StoryText[], i: number, j: number): { nearDuplicate: number; rewrite: number } {
  const docs = batch.map(profile);
  weigh(docs);
  return { nearDuplicate: jaccard(docs[i]!, docs[j]!), rewrite: cosine(docs[i]!, docs[j]!) };
}
