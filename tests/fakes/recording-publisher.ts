import type { Digest } from '../../src/digest/types.js';
import type { PostOptions, PostResult, Publisher } from '../../src/platforms/types.js';

export interface RecordedPost {
  channel: string;
  digest: Digest;
  deliveryKey?: string;
  messageId: string;
}

/**
 * A Publisher at the platform edge that records what it was asked to post. Several publishers may
 * share one `posts` list (two services posting to the same channel). `fail` queues errors for
 * the next posts; `canCheck` adds a `findPosted` that looks through the recorded posts.
 */
export class RecordingPublisher implements Publisher {
  readonly platform = 'terminal' as const;
  readonly fail: Error[] = [];
  findPosted?: (channel: string, deliveryKey: string) => Promise<string | null>;

  constructor(
    readonly posts: RecordedPost[] = [],
    options: { canCheck?: boolean } = {},
  ) {
    if (options.canCheck) {
      this.findPosted = async (channel, deliveryKey) =>
        this.posts.find((p) => p.channel === channel && p.deliveryKey === deliveryKey)?.messageId ?? null;
    }
  }

  async post(channel: string, digest: Digest, options: PostOptions = {}): Promise<PostResult> {
    // Yield first, as a real network post would, so racing callers interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const error = this.fail.shift();
    if (error) throw error;
    const messageId = `m${this.posts.length + 1}`;
    this.posts.push({ channel, digest, deliveryKey: options.deliveryKey, messageId });
    return { messageIds: [messageId] };
  }
}
