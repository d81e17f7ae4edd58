import type { CommandContext } from '../commands/types.js';
import type { Secrets } from '../config/env.js';
import type { Config } from '../config/schema.js';
import type { Digest } from '../digest/types.js';
import type { Logger } from '../log.js';
import type { Stores } from '../store/types.js';

/** What a platform answers after posting a digest: its message ids, first one first. */
export interface PostResult {
  messageIds: string[];
}

export interface PostOptions {
  /** The delivery ledger's key for this digest (any string); platforms that can attach it do. */
  deliveryKey?: string;
  /**
   * Message ids of the digest's first parts, already in the channel from an earlier attempt:
   * only the parts after them are posted, in order (on Slack in the first part's thread).
   */
  alreadyPosted?: string[];
  /** Called after each part goes out with the ids so far, so the ledger can record each part. */
  onPart?(messageIds: string[], parts: number): Promise<void>;
}

/** The parts of a digest found in a channel by their delivery key. */
export interface PostedParts {
  /** Ids of the parts found, in order, up to the first one missing (part 1 always). */
  messageIds: string[];
  /** How many parts the digest was posted as. */
  parts: number;
}

/**
 * A platform that can post digests to its channels. Slack, Discord and the terminal each
 * implement it; the scheduler posts through it without knowing which one it is.
 */
export interface Publisher {
  readonly platform: 'terminal' | 'slack' | 'discord';
  /**
   * Posts the whole digest (several messages when it is long). Throws PostError on failure.
   * `options.deliveryKey`, when given, is attached to the post so that `findPosted` can find it.
   */
  post(channel: string, digest: Digest, options?: PostOptions): Promise<PostResult>;
  /**
   * After a crash between claiming and posting: looks in the channel for a digest already posted
   * with this key (the platform lets us check), and returns its first message id, or null.
   * Undefined when the platform cannot check.
   */
  findPosted?(channel: string, deliveryKey: string): Promise<string | null>;
  /**
   * Like findPosted, but for each part of a digest posted as several messages: which of them are
   * in the channel. Null when the first part is not. Undefined when the platform cannot tell.
   */
  findPostedParts?(channel: string, deliveryKey: string): Promise<PostedParts | null>;
  /**
   * Posts a one-line notice to a channel (a feed that keeps failing, a feed that works again).
   * Plain text; the platform escapes it and sends it without mentions.
   */
  notify?(channel: string, text: string): Promise<void>;
  /** Reachable right now (for /readyz). */
  ready?(): Promise<boolean>;
  close?(): Promise<void>;
}

/** A failure to post, in words a user can act on ("channel C123 not found: invite the bot"). */
export class PostError extends Error {
  override name = 'PostError';
  constructor(
    message: string,
    /** Worth trying again later (rate limit, 5xx, network), as opposed to a wrong channel or token. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A digest that went out only in part: `messageIds` are the parts in the channel (at least the
 * first). A retry passes them as `alreadyPosted` so that only the rest is posted.
 */
export class PartlyPostedError extends PostError {
  override name = 'PartlyPostedError';
  constructor(
    message: string,
    retryable: boolean,
    readonly messageIds: string[],
    readonly parts: number,
    options?: { cause?: unknown },
  ) {
    super(message, retryable, options);
  }
}

/**
 * An HTTP route on the service's one server: its own /healthz, /readyz, /metrics, and the
 * platforms' endpoints (/slack/events, /discord/interactions).
 */
export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST' | Array<'GET' | 'POST'>;
  handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void | Promise<void>;
}

/** A platform connection the service starts and stops (Slack app, Discord client). */
export interface PlatformAdapter extends Publisher {
  /** Endpoints the platform calls (HTTP modes), for the service to serve on its own port; it owns no server. */
  readonly routes?: readonly HttpRoute[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Who typed a command, as the platform tells: their id, and whether they may change the channel's set-up. */
export interface Caller {
  /** The platform's user id (Slack U…, Discord snowflake). */
  id: string;
  /** Why they may not change this channel's set-up ("only workspace admins…"), or null when they may. */
  refusal(): Promise<string | null>;
  /** Why the bot cannot post digests where the caller typed (not invited, no permission), or null. */
  postingProblem?(): Promise<string | null>;
}

/**
 * The context of a chat channel as its platform names it (a Slack C… / D… id, a Discord
 * snowflake; undefined when not told), for the caller who typed the command, in the tenant it
 * was typed in (the Slack workspace's team id, the Discord server's guild id; undefined in a
 * Discord DM or when not told): answers read only what that tenant's channels receive.
 */
export type ContextFor = (platformChannelId: string | undefined, caller?: Caller, tenant?: string) => CommandContext;

/** What a platform adapter needs from the service. */
export interface PlatformServices {
  /** The context outside any channel. */
  context: CommandContext;
  /** The context of the channel a command was typed in: that channel's digests (default `context`). */
  channelContext?(platform: 'slack' | 'discord', platformChannelId: string | undefined, caller?: Caller, tenant?: string): CommandContext;
  /**
   * The bot lost a Discord server (removed, or left) or one channel (403 Missing Access, 404
   * Unknown Channel while posting): its chat channels are paused, logged and counted. Never throws.
   */
  channelsGone?(platform: 'slack' | 'discord', where: { tenant: string } | { channel: string }, reason: string): Promise<void>;
  logger: Logger;
  observe: CommandObserver;
  /** The database's stores, for platforms that keep state there (Slack installations, chat channels). */
  stores?: Pick<Stores, 'chatChannels' | 'slackWorkspaces'>;
}

/**
 * Makes a platform's adapter from the config and the environment, or undefined when this run
 * does not use the platform (`platformsInUse`). Each platform's lives in its own folder.
 */
export type PlatformFactory = (config: Config, secrets: Secrets, services: PlatformServices) => PlatformAdapter | undefined;

/** Called after each command a platform answered, for metrics (command latency, failures). */
export type CommandObserver = (event: { platform: 'slack' | 'discord' | 'terminal'; command: string; ms: number; ok: boolean }) => void;
