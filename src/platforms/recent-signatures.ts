/** Enough for any real traffic within a 5-minute window; beyond it the oldest are forgotten first. */
const MAX_REMEMBERED_SIGNATURES = 100_000;

/**
 * Signatures of signed requests already accepted, kept while their timestamp is inside the
 * window: a captured request sent again within the window is refused rather than run twice.
 * (Outside the window the timestamp check refuses it anyway.) Each process remembers its own.
 */
export class RecentSignatures {
  private readonly stampedAt = new Map<string, number>();

  constructor(private readonly windowSeconds: number) {}

  /** True if this signature was seen; otherwise remembers it. */
  seen(signature: string, timestampSec: number, nowSec: number): boolean {
    this.forgetExpired(nowSec);
    if (this.stampedAt.has(signature)) return true;
    if (this.stampedAt.size >= MAX_REMEMBERED_SIGNATURES) this.stampedAt.delete(this.stampedAt.keys().next().value!);
    this.stampedAt.set(signature, timestampSec);
    return false;
  }

  get size(): number {
    return this.stampedAt.size;
  }

  private forgetExpired(nowSec: number): void {
    for (const [signature, timestampSec] of this.stampedAt) {
      if (timestampSec < nowSec - this.windowSeconds) this.stampedAt.delete(signature);
    }
  }
}
