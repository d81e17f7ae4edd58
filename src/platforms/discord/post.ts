import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, REST, RESTJSONErrorCodes, Routes, type APIMessage } from 'discord.js';
import type { PostedParts, PostOptions, PostResult } from '../types.js';
import { PartlyPostedError, PostError } from '../types.js';
import type { DiscordMessage } from './render.js';

/** Discord's REST API version; also the path a DISCORD_API_URL test double serves (/api/v10). */
export const apiVersion = '10';

/**
 * discord.js's REST client: it queues per rate-limit bucket, waits out 429s (Retry-After,
 * X-RateLimit-*), and retries 5xx and network failures `retries` times before giving up.
 */
export function createRest(options: { token: string; apiUrl?: string; timeoutMs?: number; retries?: number }): REST {
  return new REST({
    version: apiVersion,
    ...(options.apiUrl ? { api: options.apiUrl.replace(/\/+$/, '') } : {}),
    timeout: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 3,
  }).setToken(options.token);
}

/**
 * How a delivery key is attached to a posted digest: a short hash of it ("ref") is written as
 * subtext at the end of each message (`-# ref …` for a one-message digest, `-# ref … · 2/3` on
 * each part of a longer one), where findPostedParts can read back which parts are in the
 * channel; and each message's `nonce` (with `enforce_nonce`) is derived from it, so that Discord
 * itself drops a duplicate when a retry follows a lost response.
 */
export function deliveryRef(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('base64url').slice(0, 16);
}

const refMarker = (ref: string, part = 1, parts = 1) => (parts > 1 ? `-# ref ${ref} · ${part}/${parts}` : `-# ref ${ref}`);

/** Part and part count of a marker line for this ref; a bare marker is a whole digest (or the first part of one posted before parts were marked). */
function readMarker(line: string, ref: string): { part: number; parts: number } | null {
  if (line === refMarker(ref)) return { part: 1, parts: 1 };
  const m = /^-# ref (\S+) · (\d+)\/(\d+)$/.exec(line);
  if (!m || m[1] !== ref) return null;
  const [part, parts] = [Number(m[2]), Number(m[3])];
  return part >= 1 && part <= parts ? { part, parts } : null;
}

/** Messages the bot reads back when checking for an earlier post (Discord's maximum page). */
const recentMessages = 100;

/** Turns a discord.js failure into words a user can act on, naming the channel. */
export function describeDiscordError(error: unknown, channel: string): PostError {
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    const detail = `(Discord error ${error.code}, HTTP ${error.status})`;
    switch (code) {
      case RESTJSONErrorCodes.MissingAccess:
        return new PostError(`the bot can't see channel ${channel}: give it View Channel and Send Messages there ${detail}`, false, { cause: error });
      case RESTJSONErrorCodes.UnknownChannel:
        return new PostError(
          `channel ${channel} does not exist or the bot is not in its server: check the channel id in the config and invite the bot ${detail}`,
          false,
          { cause: error },
        );
      case RESTJSONErrorCodes.MissingPermissions:
        return new PostError(`the bot lacks a permission in channel ${channel}: give it Send Messages and Embed Links ${detail}`, false, {
          cause: error,
        });
      case RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel:
        return new PostError(`channel ${channel} is not a text channel: pick a text or announcement channel ${detail}`, false, { cause: error });
    }
    if (error.status === 401)
      return new PostError(`Discord rejected the bot token while posting to channel ${channel}: check DISCORD_TOKEN ${detail}`, false, {
        cause: error,
      });
    if (error.status === 429)
      return new PostError(`Discord rate-limited posting to channel ${channel}; will try again later ${detail}`, true, { cause: error });
    return new PostError(`Discord refused the message for channel ${channel}: ${error.message} ${detail}`, false, { cause: error });
  }
  if (error instanceof HTTPError) {
    return new PostError(`Discord failed (HTTP ${error.status}) posting to channel ${channel}, even after retries; will try again later`, true, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PostError(`could not reach Discord posting to channel ${channel}: ${reason}; will try again later`, true, { cause: error });
}

/**
 * Whether a failed post means the channel is gone for the bot: Missing Access (403, the bot was
 * removed from the server or can no longer see the channel) or Unknown Channel (404, deleted).
 * Such a channel is paused rather than retried every half hour.
 */
export function channelLost(error: unknown): boolean {
  const cause = error instanceof PostError ? error.cause : error;
  if (!(cause instanceof DiscordAPIError)) return false;
  const code = Number(cause.code);
  return code === RESTJSONErrorCodes.MissingAccess || code === RESTJSONErrorCodes.UnknownChannel;
}

/**
 * Posts the messages in order; with a delivery key each one carries its ref and part (see
 * deliveryRef). With `alreadyPosted` (an earlier attempt got that far) only the rest is posted,
 * after them. A failure once a part is in throws PartlyPostedError with the parts that are in.
 */
export async function postMessages(
  rest: REST,
  channel: string,
  messages: DiscordMessage[],
  deliveryKey?: string,
  options: Pick<PostOptions, 'alreadyPosted' | 'onPart'> = {},
): Promise<PostResult> {
  const ref = deliveryKey === undefined ? undefined : deliveryRef(deliveryKey);
  const messageIds: string[] = (options.alreadyPosted ?? []).slice(0, messages.length);
  for (let index = messageIds.length; index < messages.length; index++) {
    const message = messages[index]!;
    const body: Record<string, unknown> = { ...message };
    if (ref) {
      body.nonce = `${ref}${index}`;
      body.enforce_nonce = true;
      const marker = refMarker(ref, index + 1, messages.length);
      body.content = message.content ? `${message.content}\n${marker}` : marker;
    }
    try {
      const posted = (await rest.post(Routes.channelMessages(channel), { body })) as APIMessage;
      messageIds.push(posted.id);
    } catch (error) {
      const failure = describeDiscordError(error, channel);
      if (messageIds.length === 0) throw failure;
      throw new PartlyPostedError(
        `${failure.message} (after posting ${messageIds.length} of ${messages.length} messages)`,
        failure.retryable,
        [...messageIds],
        messages.length,
        { cause: error },
      );
    }
    // The ledger's record of a part is a help, not the truth (the channel is): never fail the post for it.
    await options.onPart?.([...messageIds], messages.length).catch(() => undefined);
  }
  return { messageIds };
}

/** Which parts of the digest posted with this delivery key are among the channel's recent messages, or null. */
export async function findPostedParts(rest: REST, channel: string, deliveryKey: string, botUserId?: string): Promise<PostedParts | null> {
  const ref = deliveryRef(deliveryKey);
  let recent: APIMessage[];
  try {
    recent = (await rest.get(Routes.channelMessages(channel), { query: new URLSearchParams({ limit: String(recentMessages) }) })) as APIMessage[];
  } catch (error) {
    throw describeDiscordError(error, channel);
  }
  const found = new Map<number, string>();
  let parts = 1;
  // Newest first: the oldest copy of a part (the one found first by a retry) wins.
  for (const m of [...recent].reverse()) {
    if (!(botUserId ? m.author.id === botUserId : m.author.bot === true)) continue;
    for (const line of m.content.split('\n')) {
      const marker = readMarker(line, ref);
      if (!marker || found.has(marker.part)) continue;
      found.set(marker.part, m.id);
      if (marker.part === 1) parts = marker.parts;
    }
  }
  if (!found.has(1)) return null;
  const messageIds: string[] = [];
  for (let part = 1; part <= parts && found.has(part); part++) messageIds.push(found.get(part)!);
  return { messageIds, parts };
}

/** The first message of a digest posted with this delivery key among the channel's recent messages, or null. */
export async function findPostedMessage(rest: REST, channel: string, deliveryKey: string, botUserId?: string): Promise<string | null> {
  return (await findPostedParts(rest, channel, deliveryKey, botUserId))?.messageIds[0] ?? null;
}
