import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactPaths } from '../../../src/config/env.js';
import type { CommandContext } from '../../../src/commands/types.js';
import type { Logger } from '../../../src/log.js';
import { MemoryLibrary } from '../../../src/digest/library.js';

/** A debug-level logger (with the app's redaction) that keeps every line, to check what gets logged. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug', redact: { paths: redactPaths, censor: '[redacted]' } }, sink), lines };
}

/** Fast Web API retries for tests: same code path, no long back-off. */
export const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 1, maxTimeout: 5 };

/** What commands read when a test posts digests only: an empty library, no fetching, a fixed clock. */
export const postingOnlyContext: CommandContext = {
  library: new MemoryLibrary(),
  fetchArticle: async () => {
    throw new Error('no fetching in these tests');
  },
  now: () => new Date('2026-03-02T09:00:00Z'),
  timeZone: 'UTC',
};
