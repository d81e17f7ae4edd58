import type { CommandContext } from '../../../src/commands/types.js';
import type { Digest } from '../../../src/digest/types.js';
import { MemoryLibrary } from '../../../src/digest/library.js';

/** A fixed clock: 2024-05-07 10:00 UTC. */
export const testNow = new Date('2024-05-07T10:00:00Z');

export function testContext(digests: Digest[], library = new MemoryLibrary(digests)): CommandContext {
  return {
    library,
    async fetchArticle(url) {
      throw new Error(`tests fetch no pages (${url})`);
    },
    now: () => testNow,
    timeZone: 'UTC',
  };
}
