import { afterEach, describe, expect, it } from 'vitest';
import { createSlackPlatform, type SlackPlatform } from '../../../src/platforms/slack/app.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { digestOf } from './fixtures.js';
import { FAST_RETRY, capturingLogger, postingOnlyContext } from './helpers.js';

/**
 * Slack's limit of about one message a second per channel, enforced by the fake (scaled down to
 * 200 ms here): the poster's own pacing stays within it, and when it is exceeded the poster waits
 * for Retry-After and every part still goes out exactly once.
 */

const context = postingOnlyContext;

let slack: FakeSlackApi;
let platform: SlackPlatform;
afterEach(async () => {
  await platform.stop().catch(() => {});
  await slack.close();
});

async function setUp(posterIntervalMs: number, limited = true): Promise<void> {
  // 100 ms of tolerance: a loaded test machine delays one message more than the next.
  slack = await FakeSlackApi.start(limited ? { rateLimits: { minIntervalMs: 200, toleranceMs: 100 } } : undefined);
  platform = createSlackPlatform({
    botToken: slack.botToken,
    signingSecret: 'test-signing-secret',
    mode: 'http',
    apiUrl: slack.apiUrl,
    context,
    logger: capturingLogger().logger,
    retry: FAST_RETRY,
    minIntervalMs: posterIntervalMs,
  });
}

/** The parts that reached the channel, by part number, for one delivery key. */
function partsIn(channel: string, key: string): number[] {
  return slack.messages
    .filter((m) => m.channel === channel && m.metadata?.event_payload.delivery_key === key)
    .map((m) => Number(m.metadata?.event_payload.part));
}

describe('Slack rate limits on the fake', () => {
  it('a fake without rate limits never answers 429, however fast the posts come', async () => {
    await setUp(0, false);
    const { messageIds } = await platform.post('C123', digestOf(40), { deliveryKey: 'fast:2026-03-02' });
    expect(messageIds.length).toBeGreaterThan(1);
    expect(slack.rateLimited).toBe(0);
  });

  it('the poster paced at the limit posts a long digest without a single 429', async () => {
    await setUp(200);
    const { messageIds } = await platform.post('C123', digestOf(40), { deliveryKey: 'paced:2026-03-02' });
    expect(messageIds.length).toBeGreaterThan(1);
    expect(slack.rateLimited).toBe(0);
    expect(partsIn('C123', 'paced:2026-03-02')).toEqual(messageIds.map((_, i) => i + 1));
  });

  it('an unpaced poster is answered 429, waits as told, and posts every part exactly once', async () => {
    await setUp(0);
    const { messageIds } = await platform.post('C123', digestOf(40), { deliveryKey: 'unpaced:2026-03-02' });
    expect(slack.rateLimited).toBeGreaterThan(0);
    const refused = slack.calls('chat.postMessage').length - messageIds.length;
    expect(refused).toBe(slack.rateLimited);
    expect(partsIn('C123', 'unpaced:2026-03-02')).toEqual(messageIds.map((_, i) => i + 1));
  });

  it('limits each channel apart: two channels posting at once are both accepted', async () => {
    await setUp(200);
    await Promise.all([
      platform.post('C123', digestOf(1), { deliveryKey: 'a:2026-03-02' }),
      platform.post('C456', digestOf(1), { deliveryKey: 'b:2026-03-02' }),
    ]);
    expect(slack.rateLimited).toBe(0);
    expect(partsIn('C123', 'a:2026-03-02')).toEqual([1]);
    expect(partsIn('C456', 'b:2026-03-02')).toEqual([1]);
  });
});
