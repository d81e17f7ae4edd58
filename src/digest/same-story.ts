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
  leadWords: 60,
  /** Virtual articles of background the batch is blended with when judging rarity. */
  backgroundArticles: 40,
  /** Earlier articles compared with each article, at most: keeps the work linear. */
  compared: 12,
  /** Similarity below which a pair is not kept for joining (it still counts as what is usual for the article). */
  edgeFloor: 0.12,
  /** Hours apart within which time does not matter. */
  sameDayHours: 36,
  /** Hours apart beyond which two articles are never the same story. */
  maxApartHours: 96,
};

export type StoryTuning = typeof STORY_DEFAULTS;

const MAX_POSTINGS = 50;
const TOP_TERMS = 14;
/** Strong words an earlier article must share to be compared at all. */
const MIN_SHARED = 1;

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
    const vocabulary = new Vocabulary();
    const docs = items.map((item) => profile(read(item), vocabulary, tuning));
    weigh(docs, vocabulary, tuning);
    const edges = mutualBoost(items.length, candidateEdges(docs, vocabulary.terms.length, tuning), tuning);
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
  /** Word ids ascending with their counts (lead words once, headline words `titleWeight` times) and whether each is a name or figure. */
  ids: Int32Array;
  counts: Float64Array;
  salient: Uint8Array;
  /** Weights of `ids`, scaled to length 1. */
  weights: Float64Array;
  /** Ids of the strongest terms, for finding candidates. */
  top: Int32Array;
  /** Sorted, distinct hashes of the lead's 3-word shingles. */
  shingles: Uint32Array;
  /** Milliseconds since the epoch, or NaN when unknown. */
  time: number;
}

/**
 * The words of one batch: each distinct spelling is stemmed and looked up once, then known by a
 * number (-1 for words too common to count), which keeps the per-word work to one look-up.
 */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  /** Scratch space for one article at a time, by word id: its counts and whether each is a name (see profile). */
  counts = new Float64Array(1024);
  named = new Uint8Array(1024);

  /** The id of a lower-cased word or figure, or -1. */
  id(spelling: string, number: boolean): number {
    let id = this.ids.get(spelling);
    if (id !== undefined) return id;
    let term: string | undefined = spelling;
    if (term.endsWith("'s") || term.endsWith('’s')) term = term.slice(0, -2);
    if (number) {
      // "1,200" and "1200" are one figure; a lone digit says little.
      if (term.includes(',')) term = term.replaceAll(',', '');
      if (term.length < 2) term = undefined;
    } else {
      term = term.length < 2 || isStopword(term) ? undefined : stem(term);
    }
    if (term === undefined) id = -1;
    else {
      id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.termIds.set(term, id);
        if (id >= this.counts.length) {
          const counts = new Float64Array(2 * this.counts.length);
          counts.set(this.counts);
          this.counts = counts;
          const named = new Uint8Array(2 * this.named.length);
          named.set(this.named);
          this.named = named;
        }
      }
    }
    this.ids.set(spelling, id);
    return id;
  }
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

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

function isLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[at]!);
}

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(text[at]!);
}

/**
 * The word ids of a text's words ("Kovic's", "walk-out" as two) and figures ("1,200", "4.1"), at
 * most `limit` kept, by a scan over character codes (several times faster than a regular expression).
 */
function tokens(text: string, vocabulary: Vocabulary, limit = Infinity): { ids: number[]; salient: boolean[] } {
  const ids: number[] = [];
  const salient: boolean[] = [];
  // Lower-cased once; per word only where lower-casing changes a text's length (rare letters such as İ).
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  let sentenceStart = true;
  let last = 0;
  let i = 0;
  while (i < text.length && ids.length < limit) {
    const number = isDigit(text, i);
    if (!number && !isLetter(text, i)) {
      i++;
      continue;
    }
    const start = i;
    if (number) {
      // Digits, with inner separators: "1,200", "4.1", "9:30".
      i++;
      for (;;) {
        while (i < text.length && isDigit(text, i)) i++;
        const c = text.charCodeAt(i);
        if ((c === 44 || c === 46 || c === 58) && i + 1 < text.length && isDigit(text, i + 1)) i++;
        else break;
      }
    } else {
      // Letters, with inner apostrophes: "Kovic's", "don't".
      i++;
      for (;;) {
        while (i < text.length && isLetter(text, i)) i++;
        const c = text.charCodeAt(i);
        if ((c === 39 || c === 0x2019) && i + 1 < text.length && isLetter(text, i + 1)) i++;
        else break;
      }
    }
    if (start > last && endsSentence(text, last, start)) sentenceStart = true;
    last = i;
    const capitalised = !number && !sentenceStart && text[start] !== lower[start];
    sentenceStart = false;
    const id = vocabulary.id(aligned ? lower.slice(start, i) : text.slice(start, i).toLowerCase(), number);
    if (id < 0) continue;
    ids.push(id);
    // Capitalised inside a sentence, or a figure: what a story is about, not the words around it.
    salient.push(number || capitalised);
  }
  return { ids, salient };
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

function profile(item: StoryText, vocabulary: Vocabulary, tuning: StoryTuning): Profile {
  // An article's text often opens with its headline; the lead is what follows.
  const title = item.title.trim();
  const text = item.body.trimStart();
  const body = title && text.startsWith(title) ? text.slice(title.length) : text;
  // Only the opening is read: the lead's words fit in a few hundred characters even with stopwords.
  const lead = tokens(body.slice(0, tuning.leadWords * 16), vocabulary, tuning.leadWords);
  const head = tokens(item.title, vocabulary);
  const { counts, named } = vocabulary;
  const seen: number[] = [];
  for (let k = 0; k < lead.ids.length; k++) {
    const id = lead.ids[k]!;
    if (counts[id] === 0) seen.push(id);
    counts[id]! += 1;
    if (lead.salient[k]) named[id] = 1;
  }
  // Some headlines capitalise every word, so a headline word counts as a name only when the lead agrees.
  for (const id of head.ids) {
    if (counts[id] === 0) seen.push(id);
    counts[id]! += tuning.titleWeight;
  }
  const ids = Int32Array.from(seen).sort();
  const idCounts = new Float64Array(ids.length);
  const salient = new Uint8Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    idCounts[k] = counts[id]!;
    salient[k] = named[id]!;
    counts[id] = 0;
    named[id] = 0;
  }
  const words = lead.ids;
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i + 3 <= words.length; i++)
    hashes[i] = (Math.imul(words[i]! + 1, 0x9e3779b1) ^ Math.imul(words[i + 1]! + 1, 0x85ebca6b) ^ Math.imul(words[i + 2]! + 1, 0xc2b2ae35)) >>> 0;
  hashes.sort();
  return {
    ids,
    counts: idCounts,
    salient,
    weights: EMPTY_WEIGHTS,
    top: EMPTY_IDS,
    shingles: hashes.filter((h, i) => i === 0 || h !== hashes[i - 1]),
    time: item.publishedAt ? Date.parse(item.publishedAt) : NaN,
  };
}

/**
 * Weights: sublinear term frequency × rarity × extra for names and figures. Rarity blends the
 * batch's document frequency with a background rate, as if the batch came with
 * `backgroundArticles` articles of general news.
 */
function weigh(docs: Profile[], vocabulary: Vocabulary, tuning: StoryTuning): void {
  const df = new Float64Array(vocabulary.terms.length);
  for (const doc of docs) for (const id of doc.ids) df[id]!++;
  const b = tuning.backgroundArticles;
  const n = docs.length + b;
  const idf = Float64Array.from(vocabulary.terms, (term, id) => Math.max(0, Math.log((n + 1) / (df[id]! + b * backgroundRarity(term) + 0.5))));
  const top = new Int32Array(TOP_TERMS);
  const topWeight = new Float64Array(TOP_TERMS);
  for (const doc of docs) {
    const { ids, counts, salient } = doc;
    const weights = new Float64Array(ids.length);
    let sum = 0;
    for (let k = 0; k < ids.length; k++) {
      const weight = (1 + Math.log(counts[k]!)) * idf[ids[k]!]! * (salient[k] ? tuning.salientWeight : 1);
      weights[k] = weight;
      sum += weight * weight;
    }
    const norm = Math.sqrt(sum) || 1;
    // The strongest words by insertion into a short list; ids ascending, so ties keep the smaller id.
    let kept = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (weights[k]! /= norm);
      if (w <= 0 || (kept === TOP_TERMS && w <= topWeight[kept - 1]!)) continue;
      let at = kept < TOP_TERMS ? kept++ : kept - 1;
      for (; at > 0 && topWeight[at - 1]! < w; at--) {
        topWeight[at] = topWeight[at - 1]!;
        top[at] = top[at - 1]!;
      }
      topWeight[at] = w;
      top[at] = ids[k]!;
    }
    doc.weights = weights;
    doc.top = top.slice(0, kept);
  }
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
  if (score >= 0.5 && score < 1 && jaccard(a, b) >= tuning.nearDuplicate) return time;
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
  const floor = tuning.edgeFloor;
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
      if (compared < tuning.compared && bucket.length > 0) {
        // Only a bucket larger than the places left needs its latest articles picked out.
        const chosen = bucket.length <= tuning.compared - compared ? bucket : Int32Array.from(bucket).sort().reverse();
        for (const j of chosen) {
          if (compared++ >= tuning.compared) break;
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
    return new Set(
      list
        .slice(0, rank)
        .filter((x) => x.score >= tuning.mutualGap * typical[d]!)
        .map((x) => x.other),
    );
  });
  for (const edge of edges) {
    if (edge.score >= tuning.mutual && edge.score < tuning.join && near[edge.a]!.has(edge.b) && near[edge.b]!.has(edge.a)) edge.score = tuning.join;
  }
  return edges;
}

/**
 * Average-link joining over the candidate pairs (a pair never compared counts as 0). Pairs are
 * taken from the most similar down; when a pair's articles are in different groups, the groups
 * merge only if the mean similarity between all their members reaches `join`. A group therefore
 * takes an article close to the group as a whole, not to one member, and chains do not grow.
 * Returns each item's group, named by its smallest member. Near-linear: the mean is summed over
 * the smaller group's pairs, and each article moves to a larger group at most log n times.
 */
function averageLink(n: number, edges: Edge[], join: number): number[] {
  // Pairs by score, highest first; ties by the earlier articles, so the order never depends on input order of pairs.
  const order = edges
    .flatMap((edge, k) => (edge.score >= join ? [k] : []))
    .sort((x, y) => edges[y]!.score - edges[x]!.score || edges[x]!.a - edges[y]!.a || edges[x]!.b - edges[y]!.b);
  const degree = new Int32Array(n + 1);
  for (const { a, b } of edges) {
    degree[a + 1]!++;
    degree[b + 1]!++;
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const neighbour = new Int32Array(2 * edges.length);
  const score = new Float64Array(2 * edges.length);
  const fill = degree.slice(0, n);
  for (const edge of edges) {
    neighbour[fill[edge.a]!] = edge.b;
    score[fill[edge.a]!++] = edge.score;
    neighbour[fill[edge.b]!] = edge.a;
    score[fill[edge.b]!++] = edge.score;
  }
  const group = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  for (const k of order) {
    const { a, b } = edges[k]!;
    const ga = group[a]!;
    const gb = group[b]!;
    if (ga === gb) continue;
    const [small, large] = members[ga]!.length <= members[gb]!.length ? [ga, gb] : [gb, ga];
    let sum = 0;
    for (const m of members[small]!) {
      for (let e = degree[m]!; e < degree[m + 1]!; e++) if (group[neighbour[e]!] === large) sum += score[e]!;
    }
    if (sum < join * members[small]!.length * members[large]!.length) continue;
    // The merged group is named by its smallest member.
    const [keep, gone] = small < large ? [small, large] : [large, small];
    for (const m of members[gone]!) {
      group[m] = keep;
      members[keep]!.push(m);
    }
    members[gone] = [];
  }
  return Array.from(group);
}

/** The batch's profiles, weighed as the grouping weighs them, for the helpers below. */
function weighedBatch(batch: StoryText[], tuning: StoryTuning): { docs: Profile[]; dense: Float64Array } {
  const vocabulary = new Vocabulary();
  const docs = batch.map((item) => profile(item, vocabulary, tuning));
  weigh(docs, vocabulary, tuning);
  return { docs, dense: new Float64Array(vocabulary.terms.length) };
}

/** For tests and tuning: the signals between items `i` and `j` of a batch. */
export function storySimilarity(
  batch: StoryText[],
  i: number,
  j: number,
  options: SameStoryOptions = {},
): { nearDuplicate: number; similarity: number } {
  const tuning: StoryTuning = { ...STORY_DEFAULTS, ...options };
  const { docs, dense } = weighedBatch(batch, tuning);
  spread(dense, docs[i]!);
  return { nearDuplicate: jaccard(docs[i]!, docs[j]!), similarity: similarity(dense, docs[i]!, docs[j]!, tuning) };
}

/** For tuning: the similarity of every item of a batch with every item. */
export function storyMatrix(batch: StoryText[], options: SameStoryOptions = {}): number[][] {
  const tuning: StoryTuning = { ...STORY_DEFAULTS, ...options };
  const { docs, dense } = weighedBatch(batch, tuning);
  return docs.map((a) => {
    spread(dense, a);
    const row = docs.map((b) => similarity(dense, a, b, tuning));
    spread(dense, a, true);
    return row;
  });
}
