import type { Digest, DigestItem } from './types.js';

/** Where commands read news from. The in-memory library (below) and the store both implement it. */
export interface NewsLibrary {
  /** The latest digest, or the one for a local date (YYYY-MM-DD); null when none exists. */
  digest(date?: string): Promise<Digest | null>;
  /** A story by its id. */
  item(id: string): Promise<DigestItem | null>;
  /** Stories whose headline or text matches the words, best first. */
  search(query: string, limit: number): Promise<DigestItem[]>;
}

/** Words of a query or text, lower-cased, for matching. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Ranks stories by how many query words their headline (×3) and summary contain; best first. */
export function rankByQuery(items: DigestItem[], query: string, limit: number): DigestItem[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  return items
    .map((item, order) => {
      const headline = new Set(searchWords(item.headline));
      const body = new Set(searchWords([...item.summary, ...item.quotes.map((quote) => `${quote.text} ${quote.speaker ?? ''}`)].join(' ')));
      const score = words.reduce((sum, word) => sum + (headline.has(word) ? 3 : 0) + (body.has(word) ? 1 : 0), 0);
      return { item, order, score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ item }) => item);
}

/** A NewsLibrary over digests held in memory: the terminal preview, one-off runs and tests. */
export class MemoryLibrary implements NewsLibrary {
  private readonly digests: Digest[] = [];

  constructor(digests: Digest[] = []) {
    for (const digest of digests) this.add(digest);
  }

  add(digest: Digest): void {
    this.digests.push(digest);
    this.digests.sort((a, b) => a.date.localeCompare(b.date) || a.generatedAt.localeCompare(b.generatedAt));
  }

  async digest(date?: string): Promise<Digest | null> {
    const matching = date ? this.digests.filter((digest) => digest.date === date) : this.digests;
    return matching.at(-1) ?? null;
  }

  async item(id: string): Promise<DigestItem | null> {
    for (let i = this.digests.length - 1; i >= 0; i--) {
      const found = this.digests[i]!.items.find((item) => item.id === id);
      if (found) return found;
    }
    return null;
  }

  async search(query: string, limit: number): Promise<DigestItem[]> {
    const unique = new Map<string, DigestItem>();
    for (const digest of [...this.digests].reverse()) for (const item of digest.items) if (!unique.has(item.id)) unique.set(item.id, item);
    return rankByQuery([...unique.values()], query, limit);
  }
}
