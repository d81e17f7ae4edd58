/** What `within` answers when the time ran out first. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * The work's value, or TIMED_OUT when `ms` pass first (the work goes on; its result is the
 * caller's to collect). The timer never keeps the process alive on its own.
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Delay before the next try after `failures` failures in a row: `baseMs × factor^(failures-1)`
 * (factor 2 unless given), at most `maxMs`. A server's Retry-After wins when it asks for longer,
 * still at most `maxMs`. The one back-off for feeds, deliveries and Slack posts.
 */
export function backoffDelay(failures: number, options: { baseMs: number; maxMs: number; factor?: number; retryAfterMs?: number }): number {
  if (failures <= 0) return options.baseMs;
  const exponential = Math.min(options.maxMs, options.baseMs * (options.factor ?? 2) ** Math.min(failures - 1, 30));
  return Math.max(exponential, Math.min(options.retryAfterMs ?? 0, options.maxMs));
}
