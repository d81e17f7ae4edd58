import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackPlatform, type SlackPlatform } from '../../../src/platforms/slack/app.js';
import { ChannelPacer, METADATA_EVENT_TYPE } from '../../../src/platforms/slack/post.js';
import { PartlyPostedError, PostError } from '../../../src/platforms/types.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { digestOf } from './fixtures.js';
import { FAST_RETRY, capturingLogger, postingOnlyContext } from './helpers.js';

const context = postingOnlyContext;

let slack: FakeSlackApi;
let platform: SlackPlatform;
let logs: string[];

function platformFor(fake: FakeSlackApi, botToken = fake.botToken): SlackPlatform {
  const captured = capturingLogger();
  logs = captured.lines;
  return createSlackPlatform({
    botToken,
    signingSecret: 'test-signing-secret',
    mode: 'http',
    apiUrl: fake.apiUrl,
    context,
    logger: captured.logger,
    retry: FAST_RETRY,
    minIntervalMs: 0,
  });
}

async function postError(promise: Promise<unknown>): Promise<PostError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostError);
  return error as PostError;
}

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  platform = platformFor(slack);
});

afterEach(async () => {
  await platform.stop().catch(() => {});
  await slack.close();
});

describe('Slack posting', () => {
  it('posts a one-line notice (a failing feed) escaped, without mentions', async () => {
    await platform.notify!('C123', 'Feed “<!channel> & co” is failing: timed out');
    const call = slack.calls('chat.postMessage')[0]!;
    expect(call.body).toMatchObject({ channel: 'C123', link_names: 'false', parse: 'none' });
    expect(JSON.stringify(slack.messages[0]!.blocks)).toContain('Feed “&lt;!channel&gt; &amp; co” is failing: timed out');
  });

  it('posts a long digest as a first message plus replies in its thread, each part with the delivery key as metadata', async () => {
    const result = await platform.post('C123', digestOf(40), { deliveryKey: 'newsroom:2026-03-02' });
    expect(result.messageIds).toHaveLength(4);
    expect(slack.messages.map((m) => m.ts)).toEqual(result.messageIds);
    const [first, ...replies] = slack.messages;
    expect(first!.thread_ts).toBeUndefined();
    expect(first!.metadata).toEqual({
      event_type: METADATA_EVENT_TYPE,
      event_payload: { delivery_key: 'newsroom:2026-03-02', date: '2026-03-02', part: 1, parts: 4 },
    });
    for (const [i, reply] of replies.entries()) {
      expect(reply.thread_ts).toBe(first!.ts);
      expect(reply.metadata).toEqual({
        event_type: METADATA_EVENT_TYPE,
        event_payload: { delivery_key: 'newsroom:2026-03-02', date: '2026-03-02', part: i + 2, parts: 4 },
      });
    }
    const call = slack.calls('chat.postMessage')[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${slack.botToken}`);
    expect(call.body).toMatchObject({ channel: 'C123', link_names: 'false', parse: 'none', unfurl_links: 'false' });
    expect(JSON.stringify(first!.blocks)).toContain('River ferry service resumes in town 1');
  });

  it('waits out a 429 with Retry-After and delivers the message once', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    const result = await platform.post('C123', digestOf(2));
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
    expect(slack.messages).toHaveLength(1);
    expect(result.messageIds).toEqual([slack.messages[0]!.ts]);
    expect(logs.join('')).toMatch(/Slack rate-limited posting to C123; waiting 0 s as it asks/);
  });

  it('retries a 500 with back-off and delivers the message once', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, 2);
    const result = await platform.post('C123', digestOf(2));
    expect(slack.calls('chat.postMessage')).toHaveLength(3);
    expect(slack.messages).toHaveLength(1);
    expect(result.messageIds).toHaveLength(1);
  });

  it('gives up on lasting 5xx with a retryable PostError', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, 10);
    const error = await postError(platform.post('C123', digestOf(1)));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Slack answered HTTP 500 for C123 after several tries: will try again later');
    expect(slack.calls('chat.postMessage')).toHaveLength(FAST_RETRY.retries + 1);
  });

  it('reports an unknown channel in words a user can act on', async () => {
    const error = await postError(platform.post('C404', digestOf(1)));
    expect(error.message).toBe('Slack channel C404 not found: check the channel id in the config and invite the bot with /invite @newsdigest');
    expect(error.retryable).toBe(false);
    expect(slack.calls('chat.postMessage')).toHaveLength(1); // not retried
  });

  it('reports a channel the bot is not in', async () => {
    const error = await postError(platform.post('C999', digestOf(1)));
    expect(error.message).toBe('Slack channel C999: the bot is not a member (not_in_channel): invite it with /invite @newsdigest');
  });

  it('reports a wrong token, and never logs it', async () => {
    await platform.stop().catch(() => {});
    platform = platformFor(slack, 'xoxb-wrong-secret-token');
    const error = await postError(platform.post('C123', digestOf(1)));
    expect(error.message).toBe('Slack rejected the bot token (invalid_auth): check SLACK_BOT_TOKEN');
    expect(error.retryable).toBe(false);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain('xoxb-wrong-secret-token');
  });

  it('reports a missing scope with the scope to add', async () => {
    slack.failNext('chat.postMessage', { error: 'missing_scope', extra: { needed: 'chat:write' } });
    const error = await postError(platform.post('C123', digestOf(1)));
    expect(error.message).toBe('Slack token lacks the chat:write scope (missing_scope): add it in the app settings and reinstall the app');
  });

  it('says how much of a long digest was posted when a later message fails, and does not invite a blind retry', async () => {
    slack.failNext('chat.postMessage', { error: 'msg_too_long' }, 1, { after: 2 });
    const post = platform.post('C123', digestOf(40));
    const error = await postError(post);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^Slack refused the message to C123 \(msg_too_long\) \(after posting 2 of 4 messages, first ts 1700000000\.\d+\)$/);
  });

  it('finds which parts of a long digest are in the channel, and posts only the rest in the same thread', async () => {
    const key = 'newsroom:2026-03-02';
    slack.failNext('chat.postMessage', { error: 'msg_too_long' }, 1, { after: 2 });
    const error = await postError(platform.post('C123', digestOf(40), { deliveryKey: key }));
    expect(error).toBeInstanceOf(PartlyPostedError);
    expect((error as PartlyPostedError).messageIds).toEqual(slack.messages.map((m) => m.ts));
    expect((error as PartlyPostedError).parts).toBe(4);
    expect(await platform.findPostedParts!('C123', key)).toEqual({ messageIds: slack.messages.map((m) => m.ts), parts: 4 });
    expect(slack.calls('conversations.replies').at(-1)!.body).toMatchObject({
      channel: 'C123',
      ts: slack.messages[0]!.ts,
      include_all_metadata: 'true',
    });

    const recorded: string[][] = [];
    const result = await platform.post('C123', digestOf(40), {
      deliveryKey: key,
      alreadyPosted: (error as PartlyPostedError).messageIds,
      onPart: async (ids) => void recorded.push(ids),
    });
    expect(slack.messages.map((m) => [m.metadata?.event_payload.part, m.thread_ts])).toEqual([
      [1, undefined],
      [2, slack.messages[0]!.ts],
      [3, slack.messages[0]!.ts],
      [4, slack.messages[0]!.ts],
    ]);
    expect(result.messageIds).toEqual(slack.messages.map((m) => m.ts));
    expect(recorded.map((ids) => ids.length)).toEqual([3, 4]);
    expect(await platform.findPostedParts!('C123', key)).toEqual({ messageIds: result.messageIds, parts: 4 });
    expect(await platform.findPostedParts!('C123', 'newsroom:2026-03-03')).toBeNull();
  });

  it('counts a digest posted before parts were numbered as whole (its replies carry no key)', async () => {
    slack.messages.push({
      ts: '1690000000.000001',
      channel: 'C123',
      text: 'digest',
      metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { delivery_key: 'newsroom:2026-02-01', date: '2026-02-01', parts: 3 } },
    });
    expect(await platform.findPostedParts!('C123', 'newsroom:2026-02-01')).toEqual({ messageIds: ['1690000000.000001'], parts: 1 });
  });

  it('finds a digest posted before a crash by its delivery key', async () => {
    await platform.post('C123', digestOf(1), { deliveryKey: 'other:2026-03-01' });
    const { messageIds } = await platform.post('C123', digestOf(20), { deliveryKey: 'newsroom:2026-03-02' });
    await platform.post('C123', digestOf(1));
    expect(await platform.findPosted!('C123', 'newsroom:2026-03-02')).toBe(messageIds[0]);
    expect(await platform.findPosted!('C123', 'newsroom:2026-03-03')).toBeNull();
    expect(slack.calls('conversations.history').at(-1)!.body).toMatchObject({ channel: 'C123', include_all_metadata: 'true' });
    const error = await postError(platform.findPosted!('C404', 'x'));
    expect(error.message).toContain('Slack channel C404 not found');
  });

  it('is ready when auth.test answers, and not when Slack is unreachable', async () => {
    expect(await platform.ready!()).toBe(true);
    await slack.close();
    expect(await platform.ready!()).toBe(false);
    slack = await FakeSlackApi.start(); // for afterEach
  });
});

describe('ChannelPacer', () => {
  it('spaces messages to one channel by the interval and leaves other channels alone', async () => {
    let now = 1000;
    const slept: number[] = [];
    const pacer = new ChannelPacer(
      1000,
      () => now,
      async (ms) => {
        slept.push(ms);
      },
    );
    await pacer.wait('C1');
    await pacer.wait('C1');
    await pacer.wait('C2');
    now += 5000;
    await pacer.wait('C1');
    expect(slept).toEqual([1000]);
    // Concurrent callers each get their own slot.
    const both = [pacer.wait('C3'), pacer.wait('C3'), pacer.wait('C3')];
    await Promise.all(both);
    expect(slept).toEqual([1000, 1000, 2000]);
  });
});
