import type { DigestEntry } from './item.js';
import type { SourceRef } from './types.js';

/**
 * Which outlets carried a story, and how many of them reported it independently. Wire copy (an
 * agency's story republished by several sites) is one report however many sites carry it: two
 * sources count once when they are the same outlet, when they credit the same agency and their
 * texts are near-identical, or when one is a verbatim copy of the other.
 */

/** Shingle overlap at or above which two texts crediting the same agency are the same wire story. */
const SAME_AGENCY_COPY = 0.5;
/** Shingle overlap at or above which two texts are one copy, agency or not. */
const VERBATIM_COPY = 0.8;
const SHINGLE_WORDS = 3;

/**
 * The name a reader knows an outlet by: its publication, else its web site, else the agency, else
 * the file's name (never the folder it sits in).
 */
export function outletName(source: SourceRef): string {
  return source.publication?.trim() || siteName(source.url) || source.agency?.trim() || fileName(source.origin);
}

function fileName(origin: string): string {
  return origin.split(/[\\/]/).filter(Boolean).at(-1) ?? origin;
}

function siteName(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname.replace(/^www\./, '') || null;
}

/** Distinct outlet names of a story's sources, lead first. */
export function outletNames(sources: SourceRef[]): string[] {
  return [...new Set(sources.map(outletName))];
}

/** Groups a story's entries into independent reports (each group one outlet or one wire story); lead first. */
export function independentReports(entries: DigestEntry[]): DigestEntry[][] {
  // Most stories have one article: nothing to compare, and shingling its whole text is the costly part.
  if (entries.length < 2) return entries.map((entry) => [entry]);
  const parent = entries.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const outlets = entries.map((entry) => outletName(entry.source).toLowerCase());
  // Texts are shingled only when a pair from different outlets is compared.
  const shingles: (Set<string> | undefined)[] = [];
  const shinglesOf = (i: number): Set<string> => (shingles[i] ??= shingleSet(entries[i]!.body));
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (root(i) === root(j)) continue;
      if (outlets[i] === outlets[j] || sameCopy(entries[i]!, entries[j]!, shinglesOf(i), shinglesOf(j))) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, DigestEntry[]>();
  entries.forEach((entry, i) => {
    const group = groups.get(root(i)) ?? [];
    group.push(entry);
    groups.set(root(i), group);
  });
  return [...groups.values()];
}

/** Two sources of different outlets carrying one text: a verbatim copy, or near-identical wire copy of the same agency. */
function sameCopy(a: DigestEntry, b: DigestEntry, shinglesA: Set<string>, shinglesB: Set<string>): boolean {
  // The overlap is at most the smaller text's share of the larger: a text under half the other's length is no copy, uncounted.
  if (Math.min(shinglesA.size, shinglesB.size) < SAME_AGENCY_COPY * Math.max(shinglesA.size, shinglesB.size)) return false;
  const overlap = jaccard(shinglesA, shinglesB);
  if (overlap >= VERBATIM_COPY) return true;
  const agencyA = a.source.agency?.trim().toLowerCase();
  return Boolean(agencyA) && agencyA === b.source.agency?.trim().toLowerCase() && overlap >= SAME_AGENCY_COPY;
}

function shingleSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  if (out.size === 0 && words.length) out.add(words.join(' '));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
