import type { Digest } from '../../digest/types.js';
import type { PostResult, Publisher } from '../types.js';
import { stripControl } from '../../digest/format.js';
import { renderDigest, terminalStyle } from './render.js';

export interface TerminalPublisherOptions {
  /** Where digests go; default process.stdout (logs stay on stderr). */
  stream?: NodeJS.WritableStream & Partial<Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>>;
}

/**
 * Posts a digest by printing it. The terminal keeps no history, so there is no `findPosted`: a
 * claim left by a crash cannot be checked here (see resolveStaleClaim for what the service does).
 */
export function createTerminalPublisher(options: TerminalPublisherOptions = {}): Publisher {
  const stream = options.stream ?? process.stdout;
  let posted = 0;
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => stream.write(text.endsWith('\n') ? text : `${text}\n`, (error) => (error ? reject(error) : resolve())));
  return {
    platform: 'terminal',
    async post(_channel: string, digest: Digest): Promise<PostResult> {
      const text = renderDigest(digest, terminalStyle(stream as NodeJS.WriteStream));
      await write(text);
      posted++;
      return { messageIds: [`terminal:${digest.date}:${posted}`] };
    },
    async notify(_channel: string, text: string): Promise<void> {
      await write(`newsdigest notice: ${stripControl(text)}`);
    },
    async ready() {
      return stream.writable !== false;
    },
  };
}
