import { afterEach, describe, expect, it } from 'vitest';
import type { DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { FakeDiscordApi } from '../../fakes/discord-api.js';
import { postingOnlyPlatform } from './setup.js';
import { digestOf } from './stories.js';

/**
 * Discord's rate limits, enforced by the fake (scaled down here): a per-route bucket for each
 * channel's messages and the bot's global limit. The fake answers 429 as Discord does, and the
 * real discord.js client behind the poster waits and posts every message exactly once.
 */

let api: FakeDiscordApi;
let discord: DiscordPlatform | undefined;
afterEach(async () => {
  await discord?.stop();
  await api.close();
  discord = undefined;
});

const channels = Array.from({ length: 12 }, (_, i) => String(1_100_000_000_000_000_001n + BigInt(i)));

async function start(rateLimits: ConstructorParameters<typeof FakeDiscordApi>[0]): Promise<string> {
  api = await new FakeDiscordApi(rateLimits).start();
  for (const channel of channels) api.channels.add(channel);
  return `${api.apiUrl}/v10`;
}

const post = (base: string, channel: string) =>
  fetch(`${base}/channels/${channel}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'hello' }),
  });

describe('the fake enforces Discord rate limits', () => {
  it.each([
    { limits: undefined, answers: [200, 200, 200], what: 'no limits unless asked' },
    { limits: { perChannel: 2, windowMs: 60_000 }, answers: [200, 200, 429], what: 'a channel bucket of 2 refuses the third' },
    { limits: { perChannel: 5, globalPerSecond: 2 }, answers: [200, 200, 429], what: 'a global limit of 2 a second refuses the third' },
  ])('$what', async ({ limits, answers }) => {
    const base = await start(limits && { rateLimits: limits });
    const statuses: number[] = [];
    for (let i = 0; i < answers.length; i++) statuses.push((await post(base, channels[0]!)).status);
    expect(statuses).toEqual(answers);
  });

  it('answers a bucket 429 with Retry-After, retry_after and the bucket headers, and every answer with its remaining', async () => {
    const base = await start({ rateLimits: { perChannel: 1, windowMs: 60_000 } });
    const first = await post(base, channels[0]!);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    const refused = await post(base, channels[0]!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ global: false, retry_after: expect.any(Number) });
    // Another channel has its own bucket.
    expect((await post(base, channels[1]!)).status).toBe(200);
    expect(api.rateLimited).toEqual({ route: 1, global: 0 });
  });

  it('marks a global 429 as global and leaves interaction callbacks outside the global limit', async () => {
    const base = await start({ rateLimits: { globalPerSecond: 1 } });
    await post(base, channels[0]!);
    const refused = await post(base, channels[1]!);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-global')).toBe('true');
    expect(await refused.json()).toMatchObject({ global: true });
    const callback = await fetch(`${base}/interactions/123/token/callback`, { method: 'POST' });
    expect(callback.status).toBe(204);
  });
});

describe('posting within Discord rate limits', () => {
  it('posts a long digest within a small channel bucket: discord.js paces by the headers, nothing refused, each part once', async () => {
    await start({ rateLimits: { perChannel: 2, windowMs: 300 } });
    discord = postingOnlyPlatform(api);
    const { messageIds } = await discord.post(channels[0]!, digestOf(40), { deliveryKey: 'newsroom:2026-03-02' });
    expect(messageIds).toHaveLength(8);
    expect(api.messages.get(channels[0]!)!.map((m) => m.id)).toEqual(messageIds);
    expect(api.rateLimited.route).toBe(0);
  });

  it('over the global limit, the refused posts wait and go out: every channel gets its digest exactly once', async () => {
    // discord.js assumes 50 requests a second; the fake allows 4, so some are refused.
    await start({ rateLimits: { globalPerSecond: 4 } });
    discord = postingOnlyPlatform(api);
    await Promise.all(channels.map((channel) => discord!.post(channel, digestOf(1), { deliveryKey: `${channel}:2026-03-02` })));
    expect(api.rateLimited.global).toBeGreaterThan(0);
    for (const channel of channels) expect(api.messages.get(channel)).toHaveLength(1);
  });
});
