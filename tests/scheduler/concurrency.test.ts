import { afterEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/types.js';
import type { PostOptions, PostResult } from '../../src/platforms/types.js';
import type { Service } from '../../src/service/service.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { sqliteDatabase, startableService, TestClock, testConfig, type TestDatabase } from './harness.js';

/**
 * Records how many posts are in flight at once. Posts are held until `openAt` are in flight (then
 * the gate stays open), so the most in flight is what the scheduler allows, not a race's outcome.
 */
class GatedPublisher extends RecordingPublisher {
  inFlight = 0;
  mostInFlight = 0;
  private open!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));

  constructor(
    posts: RecordedPost[],
    private readonly openAt: number,
  ) {
    super(posts);
  }

  override async post(channel: string, digest: Digest, options: PostOptions = {}): Promise<PostResult> {
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    if (this.inFlight >= this.openAt) this.open();
    try {
      await this.opened;
      await new Promise((resolve) => setImmediate(resolve));
      return await super.post(channel, digest, options);
    } finally {
      this.inFlight--;
    }
  }
}

// 08:00 in Cairo (UTC+3 in summer) is 05:00 UTC.
const FIRE = new Date('2025-04-26T05:00:00Z');
const CHANNELS = Array.from({ length: 8 }, (_, i) => ({
  id: `room-${i}`,
  platform: 'terminal',
  channel: 'stdout',
  schedule: '0 8 * * *',
  timeZone: 'Africa/Cairo',
  sources: ['seeds'],
}));

describe('many channels due at once', () => {
  let db: TestDatabase;
  let service: Service | undefined;
  afterEach(async () => {
    await service?.stop();
    await db.dispose();
  });

  it.each([
    { limit: 3, most: 3 },
    { limit: 1, most: 1 },
    { limit: 16, most: 8 },
  ])('with $limit deliveries at once per platform, posts every digest once, at most $most at a time', async ({ limit, most }) => {
    db = await sqliteDatabase();
    const posts: RecordedPost[] = [];
    const publisher = new GatedPublisher(posts, most);
    ({ service } = await startableService(db, new TestClock(FIRE), posts, {
      config: testConfig({ channels: CHANNELS }),
      publishers: { terminal: publisher },
      deliveriesPerPlatform: limit,
    }));
    const { runs } = await service.scheduler.sweep();
    expect(runs.map((run) => run.outcome.status)).toEqual(CHANNELS.map(() => 'posted'));
    expect(posts.map((post) => post.deliveryKey).sort()).toEqual(CHANNELS.map((c) => `newsdigest:${c.id}:2025-04-26`).sort());
    expect(publisher.mostInFlight).toBe(most);
  });
});
