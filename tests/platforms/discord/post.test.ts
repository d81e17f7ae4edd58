import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { deliveryRef } from '../../../src/platforms/discord/post.js';
import { PartlyPostedError, PostError } from '../../../src/platforms/types.js';
import { FakeDiscordApi, rateLimited, type RecordedRequest } from '../../fakes/discord-api.js';
import { digestOf, hostileStory } from './stories.js';
import { postingOnlyPlatform } from './setup.js';

const channel = '1100000000000000001';

describe('posting digests to Discord channels', () => {
  let api: FakeDiscordApi;
  let discord: DiscordPlatform;

  beforeEach(async () => {
    api = await new FakeDiscordApi().start();
    api.channels.add(channel);
    // Posting needs no gateway connection: the client is never started here.
    discord = postingOnlyPlatform(api);
  });
  afterEach(async () => {
    await discord.stop();
    await api.close();
  });

  it('posts a 40-story digest as several messages, in order, with the bot token', async () => {
    const result = await discord.post(channel, digestOf(40));
    expect(result.messageIds).toHaveLength(8);
    const posts = api.requestsTo('POST', `/channels/${channel}/messages`);
    expect(posts).toHaveLength(8);
    expect(posts[0]!.headers.authorization).toBe('Bot test-token');
    expect(posts.flatMap((p) => p.body.embeds.map((e: { title: string }) => e.title.split('.')[0]))).toEqual(
      Array.from({ length: 40 }, (_, i) => String(i + 1)),
    );
    expect(api.messages.get(channel)!.map((m) => m.id)).toEqual(result.messageIds);
  });

  it('sends article text that tries to ping with allowed_mentions.parse empty and the mentions defused', async () => {
    await discord.post(channel, { ...digestOf(0), items: [hostileStory()] });
    const [request] = api.requestsTo('POST', `/channels/${channel}/messages`);
    expect(request!.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(request!.body)).not.toMatch(/@everyone|@here|<@\d|<@&|<@!/);
  });

  it('posts a one-line notice (a failing feed) without mentions', async () => {
    await discord.notify!(channel, 'Feed “@everyone news” is failing: timed out');
    const [request] = api.requestsTo('POST', `/channels/${channel}/messages`);
    expect(request!.body.allowed_mentions).toEqual({ parse: [] });
    expect(request!.body.content).toMatch(/Feed “@\u200beveryone news” is failing: timed out|Feed “@.everyone news” is failing/u);
  });

  it('waits out a 429 and delivers once', async () => {
    api.failNext(rateLimited(`/channels/${channel}/messages`));
    const result = await discord.post(channel, digestOf(2));
    expect(api.requestsTo('POST', `/channels/${channel}/messages`)).toHaveLength(2);
    expect(api.messages.get(channel)).toHaveLength(1);
    expect(result.messageIds).toEqual([api.messages.get(channel)![0]!.id]);
  });

  it('retries a 500 and delivers once', async () => {
    api.failNext({ method: 'POST', path: `/channels/${channel}/messages`, status: 500 });
    const result = await discord.post(channel, digestOf(2));
    expect(api.requestsTo('POST', `/channels/${channel}/messages`)).toHaveLength(2);
    expect(api.messages.get(channel)).toHaveLength(1);
    expect(result.messageIds).toHaveLength(1);
  });

  it('reports an unknown channel in plain words, not worth retrying', async () => {
    const error = await discord.post('1100000000000000999', digestOf(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostError);
    expect((error as PostError).message).toMatch(/^channel 1100000000000000999 does not exist or the bot is not in its server: check the channel id/);
    expect((error as PostError).retryable).toBe(false);
  });

  it('reports a channel the bot cannot see with the permissions to give', async () => {
    api.hiddenChannels.add(channel);
    const error = (await discord.post(channel, digestOf(1)).catch((e: unknown) => e)) as PostError;
    expect(error.message).toContain(`the bot can't see channel ${channel}: give it View Channel and Send Messages`);
    expect(error.retryable).toBe(false);
  });

  it('reports Discord failing after every retry as retryable', async () => {
    for (let i = 0; i < 4; i++) api.failNext({ method: 'POST', path: '/messages', status: 503 });
    const error = (await discord.post(channel, digestOf(1)).catch((e: unknown) => e)) as PostError;
    expect(error).toBeInstanceOf(PostError);
    expect(error.message).toContain(`Discord failed (HTTP 503) posting to channel ${channel}`);
    expect(error.retryable).toBe(true);
  });

  it('marks each part of a long digest, finds which parts are in, and posts only the rest after them', async () => {
    const key = `${channel}:2024-05-10`;
    const marker = (part: number) => `-# ref ${deliveryRef(key)} · ${part}/3`;
    // Discord refuses part 3 (a permission taken away meanwhile): parts 1 and 2 are in.
    const refuseThird = (request: RecordedRequest) => {
      if (request.method !== 'POST' || api.requestsTo('POST', `/channels/${channel}/messages`).length !== 2) return;
      api.failNext({ method: 'POST', path: `/channels/${channel}/messages`, status: 403, body: { message: 'Missing Permissions', code: 50013 } });
      api.off('request', refuseThird);
    };
    api.on('request', refuseThird);
    const error = await discord.post(channel, digestOf(12), { deliveryKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartlyPostedError);
    expect((error as PartlyPostedError).retryable).toBe(false);
    expect((error as PartlyPostedError).message).toMatch(/^the bot lacks a permission in channel \d+: .* \(after posting 2 of 3 messages\)$/);
    const inChannel = api.messages.get(channel)!.map((m) => m.id);
    expect((error as PartlyPostedError).messageIds).toEqual(inChannel);
    expect(await discord.findPostedParts!(channel, key)).toEqual({ messageIds: inChannel, parts: 3 });

    const result = await discord.post(channel, digestOf(12), { deliveryKey: key, alreadyPosted: inChannel });
    const messages = api.messages.get(channel)!;
    expect(messages.map((m) => m.content.split('\n').at(-1))).toEqual([marker(1), marker(2), marker(3)]);
    expect(result.messageIds).toEqual(messages.map((m) => m.id));
    expect(await discord.findPostedParts!(channel, key)).toEqual({ messageIds: result.messageIds, parts: 3 });
    expect(await discord.findPosted!(channel, key)).toBe(result.messageIds[0]);
  });

  it.each([
    ['a one-message digest', (ref: string) => [`-# ref ${ref}`], { parts: 1, found: 1 }],
    [
      'a digest posted before parts were marked (a bare ref on its first message)',
      (ref: string) => [`**Digest**\n-# ref ${ref}`, ''],
      { parts: 1, found: 1 },
    ],
    [
      'parts 1 and 3 of 3 (part 2 missing): only the parts before the gap',
      (ref: string) => [`-# ref ${ref} · 1/3`, `-# ref ${ref} · 3/3`],
      { parts: 3, found: 1 },
    ],
    ["another digest's ref", () => ['-# ref AAAAAAAAAAAAAAAA · 1/2'], null],
  ])('reads the part markers of %s', async (_name, contents, expected) => {
    const key = `${channel}:2024-05-11`;
    for (const content of contents(deliveryRef(key)))
      await discord.notify!(channel, 'placeholder').then(() => (api.messages.get(channel)!.at(-1)!.content = content));
    const found = await discord.findPostedParts!(channel, key);
    if (expected === null) return expect(found).toBeNull();
    expect(found).toEqual({
      messageIds: api.messages
        .get(channel)!
        .slice(0, expected.found)
        .map((m) => m.id),
      parts: expected.parts,
    });
  });

  it('attaches the delivery key so that findPosted finds the digest again', async () => {
    const key = `${channel}:2024-05-07`;
    expect(await discord.findPosted!(channel, key)).toBeNull();
    const { messageIds } = await discord.post(channel, digestOf(12), { deliveryKey: key });
    const posts = api.requestsTo('POST', `/channels/${channel}/messages`);
    // Each message carries a nonce derived from the key, which Discord enforces against duplicates.
    expect(posts.map((p) => p.body.enforce_nonce)).toEqual([true, true, true]);
    expect(new Set(posts.map((p) => p.body.nonce)).size).toBe(3);
    expect(posts.every((p) => p.body.nonce.length <= 25)).toBe(true);
    await discord.post(channel, digestOf(1), { deliveryKey: `${channel}:2024-05-08` });
    expect(await discord.findPosted!(channel, key)).toBe(messageIds[0]);
    expect(await discord.findPosted!(channel, `${channel}:2024-05-09`)).toBeNull();
  });
});
