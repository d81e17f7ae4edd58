/**
 * What polling remembers about a feed between polls and restarts. The store implements
 * FeedStateStore on SQLite/PostgreSQL; MemoryFeedStateStore serves tests and one-off CLI runs.
 */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** ISO 8601. */
  lastPolledAt?: string;
  /** ISO 8601: do not poll before this (back-off after failures). */
  nextPollAt?: string;
  consecutiveFailures: number;
  lastError?: string;
}

export interface FeedStateStore {
  getFeedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /**
   * Records item keys (guid/link and content hash) as seen for this feed and returns those
   * that were not seen before, in the order given.
   */
  markSeen(url: string, keys: string[]): Promise<string[]>;
}

export class MemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();
  private readonly seen = new Map<string, Set<string>>();

  async getFeedState(url: string): Promise<FeedState | null> {
    const state = this.states.get(url);
    return state ? { ...state } : null;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    this.states.set(state.url, { ...state });
  }

  async markSeen(url: string, keys: string[]): Promise<string[]> {
    let seen = this.seen.get(url);
    if (!seen) this.seen.set(url, (seen = new Set()));
    const fresh: string[] = [];
    for (const key of keys) {
      if (!seen.has(key)) {
        seen.add(key);
        fresh.push(key);
      }
    }
    return fresh;
  }
}
