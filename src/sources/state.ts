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
  /**
   * Claims the feed's poll for `owner` until `until` when it is due (its next poll time has come,
   * or it was never polled) and no unexpired claim holds it. True only for the one caller that
   * claimed it, however many replicas ask at once; saving the feed's state releases the claim.
   */
  claimPoll(url: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Of these feeds, those not due at `now`: polled recently, backing off, or claimed. */
  notDue(urls: readonly string[], now: Date): Promise<Set<string>>;
}

export class MemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();
  private readonly seen = new Map<string, Set<string>>();
  private readonly claims = new Map<string, number>();

  async claimPoll(url: string, _owner: string, now: Date, until: Date): Promise<boolean> {
    if ((await this.notDue([url], now)).size) return false;
    this.claims.set(url, until.getTime());
    return true;
  }

  async notDue(urls: readonly string[], now: Date): Promise<Set<string>> {
    const waiting = (url: string) => {
      const next = this.states.get(url)?.nextPollAt;
      return (next !== undefined && Date.parse(next) > now.getTime()) || (this.claims.get(url) ?? 0) > now.getTime();
    };
    return new Set(urls.filter(waiting));
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const state = this.states.get(url);
    return state ? { ...state } : null;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    this.states.set(state.url, { ...state });
    this.claims.delete(state.url);
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
