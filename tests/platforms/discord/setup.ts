import type { CommandContext } from '../../../src/commands/types.js';
import type { Digest } from '../../../src/digest/types.js';
import { MemoryLibrary } from '../../../src/digest/library.js';
import { silentLogger } from '../../../src/log.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/client.js';
import type { FakeDiscordApi } from '../../fakes/discord-api.js';

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

/** A Discord platform that only posts, against the fake REST API: its gateway client is never started. */
export function postingOnlyPlatform(api: FakeDiscordApi): DiscordPlatform {
  return createDiscordPlatform({
    token: 'test-token',
    applicationId: api.botUser.id,
    mode: 'gateway',
    apiUrl: api.apiUrl,
    context: testContext([]),
    logger: silentLogger,
  });
}
