/**
 * Same-story grouping: articles about one story from several sources become one group, so a
 * digest shows the story once and lists every source. Deterministic and offline; docs/stories.md
 * explains the rules and how they were measured.
 *
 * 1. Each article becomes a weighted bag of words from its headline and lead (the opening of the
 *    body, where every outlet states what happened). Names and figures ("Kovic", "1,200") weigh
 *    more than common words; headline words more than body words.
 * 2. How rare a word is comes from the batch blended with a fixed background (story-words.ts), so
 *    a batch of 20 articles does not make every shared word look rare.
 * 3. Two articles are compared by the cosine of their weighted words; wire copy republished with
 *    small edits (3-word shingles of the lead mostly shared) counts as identical.
 * 4. Two articles that are each other's nearest in a large enough batch, clearly nearer than to
 *    the rest, are taken as one story told in different words even when they share fewer words
 *    ("Jobless rate dips to 4.1%" / "Employers add 310,000 jobs in March").
 * 5. Articles join by average link: a group takes an article (or another group) only when it is
 *    close to the group as a whole, not to a single member, so "talks open" → "talks stall" →
 *    "talks collapse" do not chain into one story. Articles published far apart are compared less
 *    and less, and not at all after four days.
 *
 * Candidates come from an inverted index of each article's strongest words, and each article is
 * compared with at most MAX_COMPARED earlier ones, so the work grows linearly with the articles.
 */
import { backgroundRarity, isStopword } from './story-words.js';

export interface StoryText {
  id: string;
  title: string;
  body: string;
  /** ISO 8601 time of publication, when known: articles days apart are rarely the same story. */
  publishedAt?: string;
}

/** Any of STORY_DEFAULTS, for tests and tuning. */
export type SameStoryOptions = Partial<StoryTuning>;

/** Tuned on half of the evaluation windows and checked on the other half (docs/stories.md). */
export const STORY_DEFAULTS = {
  /** Jaccard of lead shingles at or above which two articles are copies of one text. */
  nearDuplicate: 0.5,
  /** Mean similarity at or above which two groups are one story. */
  join: 0.3,
  /** Similarity at or above which two articles that are each other's nearest are one story. */
  mutual: 0.12,
  /** How many of an article's closest articles count as its nearest, at most. */
  mutualRank: 2,
  /** Articles in the batch for each rank of nearness that counts: 40 → the nearest, 80 → the 2 nearest. */
  articlesPerRank: 40,
  /** How many times its likeness to its `typicalRank`-th closest article a nearest article must reach. */
  mutualGap: 2,
  typicalRank: 10,
  /** Extra weight of a name or figure over a common word. */
  salientWeight: 1.5,
  /** Extra weight of a headline word over a body word. */
  titleWeight: 3,
  /** Words of the body read: the lead carries the story; later paragraphs drift to background. */
  leadWords: 90,
  /** Virtual articles of background the batch is blended with when judging rarity. */
  backgroundArticles: 40,
  /** Hours apart within which time does not matter. */
  sameDayHours: 36,
  /** Hours apart beyond which two articles are never the same story. */
  maxApartHours: 96,
};

export type StoryTuning = typeof STORY_DEFAULTS;

const MAX_POSTINGS = 300;
const TOP_TERMS = 14;
/** Strong words an earlier article must share to be compared at all. */
const MIN_SHARED = 1;
/** Earlier articles compared with each article, at most. */
const MAX_COMPARED = 60;

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
  const tuning: StoryTuning = { ...STORY_DEFAULTS, ...options };
  return (items) => {
    const docs = items.map((item) => profile(read(item), tuning));
    const vocabularySize = weigh(docs, tuning);
    const edges = mutualBoost(items.length, candidateEdges(docs, vocabularySize, tuning), tuning);
    const root = averageLink(items.length, edges, tuning.join);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < items.length; i++) {
      const r = root[i]!;
      const members = groups.get(r);
      if (members) members.push(i);
      else groups.set(r, [i]);
    }
    // Map iteration follows first insertion, so groups sit where their first item was.
    return [...groups.values()].map((members) => members.map((i) => items[i]!));
  };
}

interface Profile {
  /** Term counts: lead words once, headline words `titleWeight` times. */
  counts: Map<string, number>;
  /** Terms that are names or figures in this article. */
  salient: Set<string>;
  /** The weighted words as parallel arrays, ids ascending, weights scaled to length 1. */
  ids: Int32Array;
  weights: Float64Array;
  /** Ids of the strongest terms, for finding candidates. */
  top: Int32Array;
  /** Sorted, distinct hashes of the body's 3-word shingles. */
  shingles: Uint32Array;
  /** Milliseconds since the epoch, or NaN when unknown. */
  time: number;
}

const SENTENCE_END = /[.!?]["”’)]?\s|\n|[:—–]\s/;
const TOKEN = /\p{N}+(?:[.,:]\p{N}+)*|\p{L}+(?:['’]\p{L}+)*/gu;

interface Token {
  term: string;
  /** Capitalised inside a sentence, or a figure: what a story is about, not the words around it. */
  salient: boolean;
}

/** A light stem so "fires", "fired" and "firing" count as one word. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Characters that end a sentence or a headline's kicker ("Jobs report: …"): the next word may be capitalised for that reason alone. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // . ! ? : newline, em and en dashes
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10 || c === 0x2014 || c === 0x2013) return true;
  }
  return false;
}

function tokens(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  // Lower-cased once; per word only where lower-casing changes a text's length (rare letters such as İ).
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  const pattern = new RegExp(TOKEN);
  let sentenceStart = true;
  let last = 0;
  for (let match = pattern.exec(text); match && out.length < limit; match = pattern.exec(text)) {
    const start = match.index;
    const raw = match[0];
    if (start > last && endsSentence(text, last, start)) sentenceStart = true;
    last = start + raw.length;
    const first = raw.charCodeAt(0);
    const isNumber = first < 128 ? first >= 48 && first <= 57 : /^\p{N}/u.test(raw);
    const capitalised = !sentenceStart && raw[0] !== raw[0]!.toLowerCase();
    sentenceStart = false;
    let term = aligned ? lower.slice(start, last) : raw.toLowerCase();
    if (term.endsWith("'s") || term.endsWith('’s')) term = term.slice(0, -2);
    if (isNumber) {
      // "1,200" and "1200" are one figure; a lone digit says little.
      if (term.includes(',')) term = term.replaceAll(',', '');
      if (term.length >= 2) out.push({ term, salient: true });
      continue;
    }
    if (term.length < 2 || isStopword(term)) continue;
    out.push({ term: stem(term), salient: capitalised });
  }
  return out;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function profile(item: StoryText, tuning: StoryTuning): Profile {
  const lead = tokens(item.body, tuning.leadWords);
  const head = tokens(item.title);
  const counts = new Map<string, number>();
  const salient = new Set<string>();
  for (const { term, salient: isSalient } of lead) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (isSalient) salient.add(term);
  }
  // Some headlines capitalise every word, so a headline word counts as a name only when the lead agrees.
  for (const { term } of head) counts.set(term, (counts.get(term) ?? 0) + tuning.titleWeight);
  const words = lead.map((t) => fnv1a(t.term));
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i + 3 <= words.length; i++) hashes[i] = (Math.imul(words[i]!, 0x9e3779b1) ^ Math.imul(words[i + 1]!, 0x85ebca6b) ^ Math.imul(words[i + 2]!, 0xc2b2ae35)) >>> 0;
  hashes.sort();
  const shingles = hashes.filter((h, i) => i === 0 || h !== hashes[i - 1]);
  const time = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
  return { counts, salient, ids: EMPTY_IDS, weights: EMPTY_WEIGHTS, top: EMPTY_IDS, shingles, time };
}

/**
 * Weights: sublinear term frequency × rarity × extra for names and figures. Rarity blends the
 * batch's document frequency with a background rate, as if the batch came with
 * `backgroundArticles` articles of general news.
 */
function weigh(docs: Profile[], tuning: StoryTuning): number {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const termIds = docs.map((doc) => {
    const ids = new Int32Array(doc.counts.size);
    let k = 0;
    for (const term of doc.counts.keys()) {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = df.length;
        vocabulary.set(term, id);
        df.push(0);
      }
      df[id]!++;
      ids[k++] = id;
    }
    return ids;
  });
  const b = tuning.backgroundArticles;
  const n = docs.length + b;
  const idf = new Float64Array(df.length);
  for (const [term, id] of vocabulary) idf[id] = Math.max(0, Math.log((n + 1) / (df[id]! + b * backgroundRarity(term) + 0.5)));
  docs.forEach((doc, d) => {
    const ids = termIds[d]!;
    const weights = new Float64Array(ids.length);
    let sum = 0;
    let k = 0;
    for (const [term, count] of doc.counts) {
      const weight = (1 + Math.log(count)) * idf[ids[k]!]! * (doc.salient.has(term) ? tuning.salientWeight : 1);
      weights[k++] = weight;
      sum += weight * weight;
    }
    const norm = Math.sqrt(sum) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    doc.ids = ids;
    doc.weights = weights;
    const order = Array.from(ids.keys()).sort((x, y) => weights[y]! - weights[x]! || ids[x]! - ids[y]!);
    doc.top = Int32Array.from(order.slice(0, TOP_TERMS).filter((i) => weights[i]! > 0), (i) => ids[i]!);
    doc.counts = new Map();
    doc.salient = new Set();
  });
  return df.length;
}

/**
 * Cosine of two weighted word lists (each of length 1). `dense` holds `a`'s weights by word id
 * (see spread), so the cost is one look-up per word of `b`.
 */
function cosine(dense: Float64Array, b: Profile): number {
  let sum = 0;
  for (let k = 0; k < b.ids.length; k++) sum += dense[b.ids[k]!]! * b.weights[k]!;
  return sum;
}

/** Writes (or, with clear, erases) an article's weights into a dense array indexed by word id. */
function spread(dense: Float64Array, a: Profile, clear = false): void {
  for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]!] = clear ? 0 : a.weights[k]!;
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

/** How much being `hours` apart lowers the similarity: not at all within a day and a half, entirely after four days. */
function timeFactor(a: Profile, b: Profile, tuning: StoryTuning): number {
  if (Number.isNaN(a.time) || Number.isNaN(b.time)) return 1;
  const hours = Math.abs(a.time - b.time) / 3_600_000;
  if (hours <= tuning.sameDayHours) return 1;
  if (hours >= tuning.maxApartHours) return 0;
  return 1 - (hours - tuning.sameDayHours) / (tuning.maxApartHours - tuning.sameDayHours);
}

/** The similarity of `b` to the article spread in `dense` (`a`), 0 to 1; a near-duplicate counts as 1. */
function similarity(dense: Float64Array, a: Profile, b: Profile, tuning: StoryTuning): number {
  const time = timeFactor(a, b, tuning);
  if (time === 0) return 0;
  const score = cosine(dense, b);
  // Copies share most of their words, so only pairs already alike are checked for shared phrasing.
  if (score >= tuning.join / 2 && jaccard(a, b) >= tuning.nearDuplicate) return time;
  return time * score;
}

interface Edge {
  a: number;
  b: number;
  score: number;
}

/**
 * Pairs worth comparing, with their similarity (pairs below half the lowest threshold are dropped):
 * for each article, the earlier articles sharing the most of its strongest words, at most
 * MAX_COMPARED of them. A word in hundreds of articles finds nothing specific, so only its latest
 * MAX_POSTINGS uses are looked at. Linear in the number of articles.
 */
function candidateEdges(docs: Profile[], vocabularySize: number, tuning: StoryTuning): { edges: Edge[]; typical: Float64Array } {
  // Each article's `typicalRank` best scores among all its comparisons, kept sorted, best first.
  const k = tuning.typicalRank;
  const best = new Float64Array(docs.length * k);
  const remember = (d: number, score: number): void => {
    let at = d * k + k - 1;
    if (score <= best[at]!) return;
    for (; at > d * k && best[at - 1]! < score; at--) best[at] = best[at - 1]!;
    best[at] = score;
  };
  const postings = new Map<number, number[]>();
  const edges: Edge[] = [];
  const floor = Math.min(tuning.join, tuning.mutual) / 2;
  const shared = new Int32Array(docs.length);
  const touched: number[] = [];
  const byShared: number[][] = Array.from({ length: TOP_TERMS + 1 }, () => []);
  const dense = new Float64Array(vocabularySize);
  docs.forEach((doc, i) => {
    for (const term of doc.top) {
      const list = postings.get(term);
      if (!list) continue;
      for (let k = Math.max(0, list.length - MAX_POSTINGS); k < list.length; k++) {
        const j = list[k]!;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    // Most shared strong words first; among equals, the latest articles.
    for (const j of touched) {
      if (shared[j]! >= MIN_SHARED) byShared[shared[j]!]!.push(j);
      shared[j] = 0;
    }
    touched.length = 0;
    let compared = 0;
    spread(dense, doc);
    for (let count = TOP_TERMS; count >= MIN_SHARED; count--) {
      const bucket = byShared[count]!;
      if (compared < MAX_COMPARED && bucket.length > 0) {
        const latestFirst = Int32Array.from(bucket).sort().reverse();
        for (const j of latestFirst) {
          if (compared++ >= MAX_COMPARED) break;
          const score = similarity(dense, doc, docs[j]!, tuning);
          remember(i, score);
          remember(j, score);
          if (score >= floor) edges.push({ a: j, b: i, score });
        }
      }
      bucket.length = 0;
    }
    spread(dense, doc, true);
    for (const term of doc.top) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const typical = Float64Array.from({ length: docs.length }, (_, d) => best[d * k + k - 1]!);
  return { edges, typical };
}

/**
 * Two articles that are each other's nearest (among their `mutualRank` closest) are one story told
 * in different words far more often than two stories: such a pair counts as close enough to join
 * when its similarity reaches `mutual`, below the usual threshold.
 */
function mutualBoost(n: number, { edges, typical }: { edges: Edge[]; typical: Float64Array }, tuning: StoryTuning): Edge[] {
  const nearest = Array.from({ length: n }, () => [] as Array<{ other: number; score: number }>);
  // Pairs already close enough to join do not take up places: a copy of an article is not a rival to it.
  for (const { a, b, score } of edges) {
    if (score >= tuning.join) continue;
    nearest[a]!.push({ other: b, score });
    nearest[b]!.push({ other: a, score });
  }
  // Being among the 2 closest of 20 articles says little; among the 2 closest of 100, a lot.
  const rank = Math.min(tuning.mutualRank, Math.floor(n / tuning.articlesPerRank));
  // And only when they stand out from the article's usual level of likeness (its `typicalRank`-th closest).
  const near = nearest.map((list, d) => {
    list.sort((x, y) => y.score - x.score || x.other - y.other);
    return new Set(list.slice(0, rank).filter((x) => x.score >= tuning.mutualGap * typical[d]!).map((x) => x.other));
  });
  return edges.map((edge) =>
    edge.score >= tuning.mutual && edge.score < tuning.join && near[edge.a]!.has(edge.b) && near[edge.b]!.has(edge.a) ? { ...edge, score: tuning.join } : edge,
  );
}

/**
 * Average-link clustering over the candidate pairs (a pair never compared counts as 0). The two
 * closest groups merge while their mean similarity is at least `join`; below that, down to
 * `mutual`, two groups still merge when each is the other's closest group: an article whose best
 * match is an article whose best match it is, is one story told in different words far more often
 * than two stories. Returns each item's group, named by its smallest member so that ties and
 * order never depend on hashing.
 */
function averageLink(n: number, edges: Edge[], join: number): number[] {
  const size = new Array<number>(n).fill(1);
  const parent = Array.from({ length: n }, (_, i) => i);
  const version = new Array<number>(n).fill(0);
  /** For each live group, the summed similarity to each neighbouring group. */
  const links = Array.from({ length: n }, () => new Map<number, number>());
  for (const { a, b, score } of edges) {
    links[a]!.set(b, (links[a]!.get(b) ?? 0) + score);
    links[b]!.set(a, (links[b]!.get(a) ?? 0) + score);
  }
  const floor = join;
  const heap = new MaxHeap();
  for (let a = 0; a < n; a++) {
    for (const [b, sum] of links[a]!) if (a < b && sum >= floor) heap.push({ score: sum, a, b, va: 0, vb: 0 });
  }
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let top = heap.pop(); top; top = heap.pop()) {
    if (top.score < floor) break;
    const { a, b } = top;
    if (parent[a] !== a || parent[b] !== b || version[a] !== top.va || version[b] !== top.vb) continue;
    // Keep the smaller index as the group's name; fold the other's links into it.
    const [keep, gone] = a < b ? [a, b] : [b, a];
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    version[keep]!++;
    const kept = links[keep]!;
    kept.delete(gone);
    for (const [c, sum] of links[gone]!) {
      if (c === keep) continue;
      kept.set(c, (kept.get(c) ?? 0) + sum);
      const other = links[c]!;
      other.set(keep, (other.get(keep) ?? 0) + sum);
      other.delete(gone);
    }
    links[gone] = new Map();
    for (const [c, sum] of kept) {
      const mean = sum / (size[keep]! * size[c]!);
      if (mean >= floor) heap.push({ score: mean, a: Math.min(keep, c), b: Math.max(keep, c), va: version[Math.min(keep, c)]!, vb: version[Math.max(keep, c)]! });
    }
  }
  return Array.from({ length: n }, (_, i) => find(i));
}

interface HeapEntry {
  score: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Highest score first; ties go to the pair with the earlier items, so the result never depends on insertion order. */
class MaxHeap {
  private items: HeapEntry[] = [];

  private static before(x: HeapEntry, y: HeapEntry): boolean {
    return x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!MaxHeap.before(items[i]!, items[up]!)) break;
      [items[i], items[up]] = [items[up]!, items[i]!];
      i = up;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && MaxHeap.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && MaxHeap.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** For tests and tuning: the signals between items `i` and `j` of a batch. */
export function storySimilarity(batch: StoryText[], i: number, j: number, options: Partial<StoryTuning> = {}): { nearDuplicate: number; similarity: number } {
  const tuning: StoryTuning = { ...STORY_DEFAULTS, ...options };
  const docs = batch.map((item) => profile(item, tuning));
  const dense = new Float64Array(weigh(docs, tuning));
  spread(dense, docs[i]!);
  return { nearDuplicate: jaccard(docs[i]!, docs[j]!), similarity: similarity(dense, docs[i]!, docs[j]!, tuning) };
}

/** For tuning: the full similarity matrix of a batch. */
export function storyMatrix(batch: StoryText[], options: Partial<StoryTuning> = {}): number[][] {
  const tuning: StoryTuning = { ...STORY_DEFAULTS, ...options };
  const docs = batch.map((item) => profile(item, tuning));
  const dense = new Float64Array(weigh(docs, tuning));
  return docs.map((a) => {
    spread(dense, a);
    const row = docs.map((b) => similarity(dense, a, b, tuning));
    spread(dense, a, true);
    return row;
  });
}
