import { webApi } from '@slack/bolt';
import type { Digest } from '../../digest/types.js';
import type { Logger } from '../../log.js';
import { backoffDelay } from '../../timing.js';
import { PartlyPostedError, PostError, type PostedParts, type PostOptions, type PostResult } from '../types.js';
import { checkMessage, type SlackMessage } from './limits.js';
import { renderDigest, renderNotice } from './render.js';

/**
 * The delivery key rides on every message of a digest as Slack message metadata
 * (https://docs.slack.dev/messaging/message-metadata): event type `newsdigest_digest`, payload
 * `{ delivery_key, date, part, parts }`. `findPosted` reads the first part back with
 * conversations.history, `findPostedParts` the others with conversations.replies (both with
 * `include_all_metadata`), which needs the channels:history (public) / groups:history (private) scope.
 */
export const METADATA_EVENT_TYPE = 'newsdigest_digest';

/** How far back findPosted looks: the digest of a crashed run is among the channel's latest messages. */
const HISTORY_PAGES = 3;
const HISTORY_PAGE_SIZE = 200;

export interface SlackPosterOptions {
  /**
   * Reads (conversations.history) and, unless `postClient` is given, posts. A client with its own
   * retries posts blindly again when Slack's answer is lost, so posting should use `postClient`.
   */
  client: webApi.WebClient;
  /** Posts without retries of its own (`retries: 0`, `rejectRateLimitedCalls`): `send` decides. */
  postClient?: webApi.WebClient;
  /** How often and how long `send` retries a rate limit, a 5xx or a lost answer. */
  retry?: Pick<webApi.RetryOptions, 'retries' | 'factor' | 'minTimeout' | 'maxTimeout'>;
  logger: Logger;
  /** Least time between two messages in one channel (Slack allows about one a second). */
  minIntervalMs?: number;
  /**
   * The token for a channel's workspace ("Add to Slack" mode: many workspaces); without it the
   * clients' own token posts everywhere. Throws PostError when the channel has no workspace.
   */
  tokenFor?: (channel: string) => Promise<string>;
  /** Injected so tests can see the pacing without waiting for it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces messages per channel: each caller reserves the next free slot, then waits for it. */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();
  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  async wait(channel: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.set(channel, slot + this.intervalMs);
    if (slot > now) await this.sleep(slot - now);
  }
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission']);

/** What to do about a refused token: single-token mode's variable, or a reinstall in "Add to Slack" mode. */
const SINGLE_TOKEN_FIX = 'check SLACK_BOT_TOKEN';
const INSTALLED_TOKEN_FIX = 'install newsdigest in the channel\'s workspace again ("Add to Slack")';

/** A Web API failure in words a user can act on; retryable when trying later may help. */
export function toPostError(error: unknown, channel: string, tokenFix = SINGLE_TOKEN_FIX): PostError {
  if (error instanceof PostError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const { needed } = error.data as { needed?: unknown };
    if (code === 'channel_not_found') {
      return new PostError(
        `Slack channel ${channel} not found: check the channel id in the config and invite the bot with /invite @newsdigest`,
        false,
        { cause: error },
      );
    }
    if (code === 'not_in_channel') {
      return new PostError(`Slack channel ${channel}: the bot is not a member (not_in_channel): invite it with /invite @newsdigest`, false, {
        cause: error,
      });
    }
    if (code === 'is_archived')
      return new PostError(`Slack channel ${channel} is archived (is_archived): unarchive it or change the channel in the config`, false, {
        cause: error,
      });
    if (AUTH_ERRORS.has(code)) return new PostError(`Slack rejected the bot token (${code}): ${tokenFix}`, false, { cause: error });
    if (code === 'missing_scope') {
      return new PostError(
        `Slack token lacks the ${typeof needed === 'string' ? needed : 'needed'} scope (missing_scope): add it in the app settings and reinstall the app`,
        false,
        { cause: error },
      );
    }
    if (code === 'ratelimited' || code === 'fatal_error' || code === 'internal_error' || code === 'service_unavailable') {
      return new PostError(`Slack could not post to ${channel} right now (${code}): will try again later`, true, { cause: error });
    }
    return new PostError(`Slack refused the message to ${channel} (${code})`, false, { cause: error });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new PostError(`Slack answered HTTP ${error.statusCode} for ${channel} after several tries: will try again later`, true, { cause: error });
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new PostError(`Slack's rate limit held back posting to ${channel} (retry after ${error.retryAfter} s): will try again later`, true, {
      cause: error,
    });
  }
  if (error instanceof webApi.WebAPIRequestError && /rate limit/i.test(error.original.message)) {
    return new PostError(`Slack's rate limit kept holding back posts to ${channel}: will try again later`, true, { cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new PostError(`Cannot reach Slack to post to ${channel}: ${error.original.message}`, true, { cause: error });
  }
  return new PostError(`Posting to Slack channel ${channel} failed: ${error instanceof Error ? error.message : String(error)}`, true, {
    cause: error,
  });
}

export interface SlackPoster {
  post(channel: string, digest: Digest, options?: PostOptions): Promise<PostResult>;
  findPosted(channel: string, deliveryKey: string): Promise<string | null>;
  findPostedParts(channel: string, deliveryKey: string): Promise<PostedParts | null>;
  notify(channel: string, text: string): Promise<void>;
}

type DigestPayload = { delivery_key?: unknown; part?: unknown; parts?: unknown };

/** The digest metadata of a message when it carries this delivery key, else null. */
function digestPayload(message: { metadata?: { event_type?: string; event_payload?: unknown } }, deliveryKey: string): DigestPayload | null {
  const payload = message.metadata?.event_type === METADATA_EVENT_TYPE ? (message.metadata.event_payload as DigestPayload | undefined) : undefined;
  return payload?.delivery_key === deliveryKey ? payload : null;
}

/** A part number from metadata; digests posted before parts were numbered carry none (part 1). */
function partNumber(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * Hands the ids posted so far to the caller (the ledger records each part). A failure to record
 * is only logged: the parts carry their key, so the channel itself still tells what is in.
 */
async function recordPart(options: PostOptions, ids: string[], parts: number, channel: string, logger?: Logger): Promise<void> {
  try {
    await options.onPart?.([...ids], parts);
  } catch (error) {
    logger?.warn(
      { err: error, channel, part: ids.length, parts },
      'could not record a posted part in the ledger; the channel still shows it by its key',
    );
  }
}

export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const { client, logger } = options;
  /** `token` for each call in a channel when workspaces have their own; nothing (the client's) otherwise. */
  const tokenFix = options.tokenFor ? INSTALLED_TOKEN_FIX : SINGLE_TOKEN_FIX;
  const tokenIn = async (channel: string): Promise<{ token?: string }> => (options.tokenFor ? { token: await options.tokenFor(channel) } : {});
  const postClient = options.postClient ?? client;
  const pacer = new ChannelPacer(options.minIntervalMs ?? 1000, options.now, options.sleep);
  const sleep = options.sleep ?? realSleep;
  const retry = { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 20_000, ...options.retry };
  // `attempt` counts from 0, so it is the number of failures before this one, less one.
  const backoff = (attempt: number) => backoffDelay(attempt + 1, { baseMs: retry.minTimeout, maxMs: retry.maxTimeout, factor: retry.factor });

  /**
   * Posts one message. A rate limit or a 5xx means Slack did not take it: wait and send again. A
   * lost answer (timeout, reset) may hide a message that did go out: with a delivery key we look
   * for it before sending again; without one we stop rather than risk a second copy.
   */
  async function send(
    channel: string,
    message: SlackMessage,
    extra: Partial<webApi.ChatPostMessageArguments>,
    lookForIt?: () => Promise<string | null>,
  ): Promise<string> {
    const problems = checkMessage(message);
    // A message over Slack's limits is our bug; say so instead of sending invalid_blocks.
    if (problems.length) throw new PostError(`newsdigest built a Slack message over Block Kit limits: ${problems.join('; ')}`, false);
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendOnce(channel, message, extra);
      } catch (error) {
        if (attempt >= retry.retries) throw error;
        if (error instanceof webApi.WebAPIRateLimitedError) {
          logger.warn(
            { channel, retryAfter: error.retryAfter },
            `Slack rate-limited posting to ${channel}; waiting ${error.retryAfter} s as it asks`,
          );
          await sleep(error.retryAfter * 1000);
        } else if (error instanceof webApi.WebAPIHTTPError && error.statusCode >= 500) {
          await sleep(backoff(attempt));
        } else if (error instanceof webApi.WebAPIRequestError && lookForIt) {
          await sleep(backoff(attempt));
          const found = await lookForIt();
          if (found) return found;
        } else {
          throw error;
        }
      }
    }
  }

  async function sendOnce(channel: string, message: SlackMessage, extra: Partial<webApi.ChatPostMessageArguments>): Promise<string> {
    const auth = await tokenIn(channel);
    await pacer.wait(channel);
    const result = await postClient.chat.postMessage({
      ...auth,
      channel,
      text: message.text,
      blocks: message.blocks,
      // Article text must never notify anyone; mentions in our text are already escaped.
      link_names: false,
      parse: 'none',
      unfurl_links: false,
      unfurl_media: false,
      ...extra,
    } as webApi.ChatPostMessageArguments);
    if (!result.ts) throw new PostError(`Slack accepted the message to ${channel} but returned no message id`, true);
    return result.ts;
  }

  /** The digest's first message (top level, part 1) with this key among the channel's latest. */
  async function findFirst(channel: string, deliveryKey: string): Promise<{ ts: string; parts: number } | null> {
    let cursor: string | undefined;
    const auth = await tokenIn(channel);
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const history = await client.conversations.history({ ...auth, channel, limit: HISTORY_PAGE_SIZE, include_all_metadata: true, cursor });
      for (const message of history.messages ?? []) {
        const payload = digestPayload(message, deliveryKey);
        // A first message without a part number was posted before parts were numbered: its
        // replies carry no key, so it counts as the whole digest (as it did then).
        if (payload && message.ts && partNumber(payload.part, 1) === 1)
          return { ts: message.ts, parts: payload.part === undefined ? 1 : partNumber(payload.parts, 1) };
      }
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!history.has_more || !cursor) break;
    }
    return null;
  }

  /** The later parts (2, 3, …) with this key in the thread of the first one, by part number. */
  async function findReplies(channel: string, threadTs: string, deliveryKey: string): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    let cursor: string | undefined;
    const auth = await tokenIn(channel);
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const replies = await client.conversations.replies({
        ...auth,
        channel,
        ts: threadTs,
        limit: HISTORY_PAGE_SIZE,
        include_all_metadata: true,
        cursor,
      });
      for (const message of replies.messages ?? []) {
        const payload = digestPayload(message, deliveryKey);
        const part = payload ? partNumber(payload.part, 1) : 1;
        if (part > 1 && message.ts && !found.has(part)) found.set(part, message.ts);
      }
      cursor = replies.response_metadata?.next_cursor || undefined;
      if (!replies.has_more || !cursor) break;
    }
    return found;
  }

  const poster: SlackPoster = {
    /**
     * Posts the digest's messages in order: the first at the top of the channel, the others in its
     * thread. With `alreadyPosted` (an earlier attempt got that far) it posts only the rest, in
     * the same thread. A failure after the first part throws PartlyPostedError with what is in.
     */
    async post(channel, digest, postOptions = {}) {
      const messages = renderDigest(digest);
      const key = postOptions.deliveryKey;
      const ids: string[] = (postOptions.alreadyPosted ?? []).slice(0, messages.length);
      const resumedAt = ids.length;
      try {
        for (let i = ids.length; i < messages.length; i++) {
          const part = i + 1;
          const first = ids[0];
          const extra: Partial<webApi.ChatPostMessageArguments> = {
            ...(key
              ? {
                  metadata: {
                    event_type: METADATA_EVENT_TYPE,
                    event_payload: { delivery_key: key, date: digest.date, part, parts: messages.length },
                  },
                }
              : {}),
            ...(first === undefined ? {} : { thread_ts: first }),
          };
          const lookForIt = key
            ? first === undefined
              ? () => poster.findPosted(channel, key)
              : async () => (await findReplies(channel, first, key)).get(part) ?? null
            : undefined;
          ids.push(await send(channel, messages[i]!, extra, lookForIt));
          logger.debug({ channel, part, parts: messages.length }, 'slack message posted');
          await recordPart(postOptions, ids, messages.length, channel, logger);
        }
      } catch (error) {
        const failure = toPostError(error, channel, tokenFix);
        if (ids.length === 0) throw failure;
        // Part of the digest is in the channel: a retry posts only the rest, in the same thread.
        throw new PartlyPostedError(
          `${failure.message} (after posting ${ids.length} of ${messages.length} messages, first ts ${ids[0]})`,
          failure.retryable,
          [...ids],
          messages.length,
          { cause: error },
        );
      }
      logger.info({ channel, messages: ids.length, resumedAfter: resumedAt || undefined, date: digest.date }, 'digest posted to slack');
      return { messageIds: ids };
    },

    async notify(channel, text) {
      try {
        await send(channel, renderNotice('error', text), {});
      } catch (error) {
        throw error instanceof PostError ? error : toPostError(error, channel, tokenFix);
      }
    },

    async findPosted(channel, deliveryKey) {
      try {
        return (await findFirst(channel, deliveryKey))?.ts ?? null;
      } catch (error) {
        throw toPostError(error, channel, tokenFix);
      }
    },

    async findPostedParts(channel, deliveryKey) {
      try {
        const first = await findFirst(channel, deliveryKey);
        if (!first) return null;
        const messageIds = [first.ts];
        if (first.parts > 1) {
          const replies = await findReplies(channel, first.ts, deliveryKey);
          for (let part = 2; part <= first.parts && replies.has(part); part++) messageIds.push(replies.get(part)!);
        }
        return { messageIds, parts: first.parts };
      } catch (error) {
        throw toPostError(error, channel, tokenFix);
      }
    },
  };
  return poster;
}
