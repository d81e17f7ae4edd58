import { backoffDelay, TIMED_OUT, within } from '../timing.js';
import type { Logger } from '../log.js';
import type { ChannelConfig } from '../config/schema.js';
import type { Digest } from '../digest/types.js';
import { PartlyPostedError, PostError, type PostedParts, type Publisher } from '../platforms/types.js';
import type { Delivery, DeliveryKey, DeliveryLedger, DigestStore } from '../store/types.js';

/**
 * Exactly-once delivery of one digest (channel, local date):
 *   claim in the ledger (unique key) → build → post → complete with the message ids.
 * A failed post releases the claim (`failed`) for a later retry; a crash between claim and post
 * leaves `claimed`, which `resolveStaleClaim` settles at the next start or sweep.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Builds the digest for a channel and local date from articles ingested since `since`. */
export type BuildDigest = (channel: ChannelConfig, date: string, since: Date) => Promise<Digest>;

/** Counts for /metrics; the scheduler knows nothing of Prometheus. */
export interface DeliveryObserver {
  posted(channel: ChannelConfig): void;
  failed(channel: ChannelConfig, retryable: boolean): void;
}

export interface DeliveryDeps {
  /** The ledger that makes each digest go out once, and the digests as built (a retry posts the same one). */
  store: DeliveryLedger & DigestStore;
  /** The publisher for a channel's platform. */
  publisherFor(channel: ChannelConfig): Publisher;
  build: BuildDigest;
  /** This process in the ledger ("host:pid:random"). */
  owner: string;
  clock: Clock;
  logger: Logger;
  observer?: DeliveryObserver;
  /** A post that takes longer is left `claimed` and settled later as a stale claim. */
  postTimeoutMs?: number;
  /** False once the service is stopping: a claim not yet posted is handed back. */
  accepting?(): boolean;
}

export type DeliveryOutcome =
  | { status: 'posted'; messageIds: string[] }
  /** Posted before, or another process holds the claim: nothing to do. */
  | { status: 'skipped'; reason: 'posted' | 'claimed' }
  /** `partial`: a long digest went out only in part; the retry posts the rest after it. */
  | { status: 'failed'; error: string; retryable: boolean; partial?: { posted: number; parts: number } }
  /** The post did not answer in time; the claim stays and is settled later. */
  | { status: 'unknown' };

export const DEFAULT_POST_TIMEOUT_MS = 2 * 60_000;

/** The key attached to a post so `findPosted` can recognise it after a crash. */
export function deliveryKeyString(key: DeliveryKey): string {
  return `newsdigest:${key.channelId}:${key.date}`;
}

/** Delay before retrying a delivery that failed `attempts` times: 30 s doubling, at most 30 min. */
export function retryDelayMs(attempts: number, retryable = true): number {
  const cap = 30 * 60_000;
  if (!retryable) return cap;
  return backoffDelay(attempts, { baseMs: 30_000, maxMs: cap });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class Timeout extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const result = await within(promise, ms);
  if (result === TIMED_OUT) throw new Timeout();
  return result;
}

/**
 * Delivers the digest for (channel, date) unless it was posted or is being posted elsewhere.
 * `since` is where the digest's articles start (the previous scheduled digest).
 */
export async function deliverDigest(deps: DeliveryDeps, channel: ChannelConfig, date: string, since: Date): Promise<DeliveryOutcome> {
  const { store, clock, logger } = deps;
  const key: DeliveryKey = { channelId: channel.id, date };
  const log = logger.child({ channel: channel.id, platform: channel.platform, date });

  const claim = await store.claimDelivery(key, deps.owner, clock.now());
  if (!claim) {
    const existing = await store.getDelivery(key);
    return { status: 'skipped', reason: existing?.status === 'posted' ? 'posted' : 'claimed' };
  }

  let digest: Digest;
  try {
    // A retry posts the digest built the first time, so every attempt carries the same stories.
    digest = (await store.getDigest({ channelId: channel.id, date })) ?? (await deps.build(channel, date, since));
    if (digest.date !== date) digest = { ...digest, date };
    await store.saveDigest(channel.id, digest);
  } catch (error) {
    const message = `could not build the digest for channel ${channel.id} on ${date}: ${describe(error)}`;
    await store.failDelivery(key, message, clock.now());
    log.error({ err: error, attempts: claim.attempts }, message);
    deps.observer?.failed(channel, true);
    return { status: 'failed', error: message, retryable: true };
  }

  if (deps.accepting && !deps.accepting()) {
    await store.failDelivery(key, 'the service stopped before posting; the next start posts it', clock.now());
    log.info('service stopping: handed the claim back before posting');
    return { status: 'failed', error: 'service stopping', retryable: true };
  }

  const publisher = deps.publisherFor(channel);
  const keyString = deliveryKeyString(key);
  const timeoutMs = deps.postTimeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
  // Parts of a long digest that an earlier attempt recorded as posted.
  let alreadyPosted = claim.messageIds;
  // A failed attempt may have reached the channel (the platform's answer was lost), wholly or in
  // part: where the platform lets us look, a retry first checks for the digest by its key.
  if (claim.attempts > 1 && canCheck(publisher)) {
    let found: PostedParts | null;
    try {
      found = await withTimeout(findParts(publisher, channel.channel, keyString), timeoutMs);
    } catch (error) {
      const message = `could not check channel ${channel.id} for an earlier attempt before posting again: ${error instanceof Timeout ? 'no answer in time' : describe(error)}`;
      await store.failDelivery(key, message, clock.now());
      deps.observer?.failed(channel, true);
      log.warn({ attempts: claim.attempts }, `${message}; trying again in ${Math.round(retryDelayMs(claim.attempts) / 1000)} s`);
      return { status: 'failed', error: message, retryable: true };
    }
    if (found && found.messageIds.length >= found.parts) {
      await completeWithRetry(store, key, found.messageIds, clock, log);
      deps.observer?.posted(channel);
      log.info(
        { messageIds: found.messageIds, attempts: claim.attempts },
        `the digest for channel ${channel.id} had reached it on an earlier attempt; recorded it, not posting again`,
      );
      return { status: 'posted', messageIds: found.messageIds };
    }
    if (found && found.messageIds.length > alreadyPosted.length) alreadyPosted = found.messageIds;
  }
  if (alreadyPosted.length > 0) {
    log.info(
      { messageIds: alreadyPosted, attempts: claim.attempts },
      `the digest for channel ${channel.id} went out only in part on an earlier attempt (${alreadyPosted.length} message(s)); posting the rest after them`,
    );
  }
  const posting = publisher.post(channel.channel, digest, {
    deliveryKey: keyString,
    alreadyPosted,
    // Each part is recorded as it goes out, so a crash between parts loses nothing.
    onPart: async (messageIds) => void (await store.recordDeliveryParts(key, messageIds, claim)),
  });
  try {
    const result = await withTimeout(posting, timeoutMs);
    await completeWithRetry(store, key, result.messageIds, clock, log);
    deps.observer?.posted(channel);
    const resumed = Math.min(alreadyPosted.length, result.messageIds.length);
    log.info(
      { messageIds: result.messageIds, items: digest.items.length, attempts: claim.attempts },
      resumed > 0
        ? `posted the remaining ${result.messageIds.length - resumed} of ${result.messageIds.length} messages of the digest to channel ${channel.id}`
        : `posted the digest to channel ${channel.id}`,
    );
    return { status: 'posted', messageIds: result.messageIds };
  } catch (error) {
    if (error instanceof Timeout) {
      // The platform may still answer; record it if it does, else the stale-claim check settles it.
      posting.then(
        (result) => completeWithRetry(store, key, result.messageIds, clock, log).catch(() => undefined),
        () => undefined,
      );
      log.warn(`posting to channel ${channel.id} did not answer in time; the claim is kept and checked later so the digest is not posted twice`);
      return { status: 'unknown' };
    }
    const retryable = error instanceof PostError ? error.retryable : true;
    const wait = Math.round(retryDelayMs(claim.attempts, retryable) / 1000);
    if (error instanceof PartlyPostedError) {
      // Some parts are in the channel: keep them in the ledger so the retry posts only the rest.
      const [posted, parts] = [error.messageIds.length, error.parts];
      await store.recordDeliveryParts(key, error.messageIds, claim).catch(() => false);
      const message = `posted only ${posted} of ${parts} messages of the digest: ${describe(error)}`;
      await store.failDelivery(key, message, clock.now(), undefined, retryable);
      deps.observer?.failed(channel, retryable);
      log.error(
        { err: error, attempts: claim.attempts, retryable, messageIds: error.messageIds },
        `the digest for channel ${channel.id} on ${date} went out only in part (${posted} of ${parts} messages): ${describe(error)}. ` +
          (retryable ? '' : 'Fix the channel or token in the config/environment. ') +
          `The remaining ${parts - posted} are posted after them in ${wait} s`,
      );
      return { status: 'failed', error: message, retryable, partial: { posted, parts } };
    }
    const message = describe(error);
    await store.failDelivery(key, message, clock.now(), undefined, retryable);
    deps.observer?.failed(channel, retryable);
    log.error(
      { err: error, attempts: claim.attempts, retryable },
      retryable
        ? `could not post the digest to channel ${channel.id} (${message}); trying again in ${wait} s`
        : `could not post the digest to channel ${channel.id}: ${message}. Fix the channel or token in the config/environment; trying again in ${wait} s`,
    );
    return { status: 'failed', error: message, retryable };
  }
}

/** Whether the platform can look in the channel for a digest by its key. */
function canCheck(publisher: Publisher): boolean {
  return Boolean(publisher.findPostedParts ?? publisher.findPosted);
}

/** The parts of the digest in the channel; a platform that only finds first messages counts a digest as one part. */
async function findParts(publisher: Publisher, channel: string, deliveryKey: string): Promise<PostedParts | null> {
  if (publisher.findPostedParts) return publisher.findPostedParts(channel, deliveryKey);
  const first = await publisher.findPosted!(channel, deliveryKey);
  return first ? { messageIds: [first], parts: 1 } : null;
}

/** The post went out: recording it must not be lost to a brief database hiccup. */
async function completeWithRetry(store: DeliveryLedger, key: DeliveryKey, messageIds: string[], clock: Clock, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.completeDelivery(key, messageIds, clock.now());
      return;
    } catch (error) {
      if (attempt >= 3) {
        log.error({ err: error, messageIds }, `posted, but could not record it in the ledger; the stale-claim check will find the post`);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export type StaleResolution = 'found-posted' | 'partly-posted' | 'not-posted' | 'unverifiable' | 'check-failed' | 'resolved-elsewhere';

/**
 * Settles a claim left `claimed` by a process that stopped between claiming and posting.
 * - The platform can check (`findPosted`): found → marked posted with its message id, no second
 *   post; not found → released so the next sweep posts it.
 * - It cannot (the terminal): marked posted without message ids and logged, NOT posted again.
 *   We prefer a possibly missing digest the log tells about over a possible duplicate;
 *   `newsdigest post --channel X --date D --force` posts it again by hand.
 */
export async function resolveStaleClaim(deps: DeliveryDeps, channel: ChannelConfig, delivery: Delivery): Promise<StaleResolution> {
  const { store, clock } = deps;
  const key: DeliveryKey = { channelId: delivery.channelId, date: delivery.date };
  const log = deps.logger.child({ channel: channel.id, platform: channel.platform, date: delivery.date, owner: delivery.owner });
  const publisher = deps.publisherFor(channel);
  if (!canCheck(publisher)) {
    await store.completeDelivery(key, delivery.messageIds, clock.now());
    log.warn(
      `the digest for channel ${channel.id} on ${delivery.date} was claimed at ${delivery.claimedAt} by ${delivery.owner}, which stopped before confirming the post; ` +
        `${channel.platform} cannot be checked, so it is not posted again. If it is missing, run: newsdigest post --channel ${channel.id} --date ${delivery.date} --force`,
    );
    return 'unverifiable';
  }
  let found: PostedParts | null;
  try {
    found = await findParts(publisher, channel.channel, deliveryKeyString(key));
  } catch (error) {
    log.warn(
      { err: error },
      `could not check channel ${channel.id} for the digest of ${delivery.date} left unconfirmed by a stopped process; checking again later`,
    );
    return 'check-failed';
  }
  if (found && found.messageIds.length >= found.parts) {
    await store.completeDelivery(key, found.messageIds, clock.now());
    log.info(
      { messageIds: found.messageIds },
      `the digest for channel ${channel.id} on ${delivery.date} was already posted before a stop; recorded it, not posting again`,
    );
    return 'found-posted';
  }
  // Posted in part (a stop between the messages of a long digest): keep the parts that are in,
  // release the claim, and the sweep posts the rest after them.
  const inChannel = found && found.messageIds.length > delivery.messageIds.length ? found.messageIds : delivery.messageIds;
  if (inChannel.length > 0) {
    if (!(await store.recordDeliveryParts(key, inChannel, delivery))) return 'resolved-elsewhere';
    const of = found ? ` of ${found.parts}` : '';
    if (!(await store.failDelivery(key, `the process stopped after posting ${inChannel.length}${of} messages of the digest`, clock.now(), delivery)))
      return 'resolved-elsewhere';
    log.warn(
      { messageIds: inChannel },
      `the digest for channel ${channel.id} on ${delivery.date} went out only in part before a stop (${inChannel.length}${of} messages); posting the rest after them now`,
    );
    return 'partly-posted';
  }
  // Release only the claim we looked at: another replica may have resolved and re-claimed it meanwhile.
  if (!(await store.failDelivery(key, 'the process stopped before posting', clock.now(), delivery))) return 'resolved-elsewhere';
  log.info(`the digest for channel ${channel.id} on ${delivery.date} was claimed but never posted; posting it now`);
  return 'not-posted';
}
