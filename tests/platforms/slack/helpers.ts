import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactPaths } from '../../../src/config/env.js';
import type { Logger } from '../../../src/log.js';

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
