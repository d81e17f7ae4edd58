import { TIMED_OUT, within } from '../timing.js';
import cron, { type ScheduledTask } from 'node-cron';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { ChannelConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import type { DeliveryKey, DeliveryLedger, DigestStore, LeaseStore } from '../store/types.js';
import { LeaseRunCoordinator } from './coordinator.js';
import { localDate } from '../digest/dates.js';
import { CronSchedule } from './cron.js';
import {
  deliverDigest,
  deliveryKeyString,
  resolveStaleClaim,
  retryDelayMs,
  type DeliveryDeps,
  type DeliveryOutcome,
  type StaleResolution,
} from './deliver.js';

const HOUR = 3_600_000;

/** Runs fail as a whole only when the ledger can't be read or written: say where to look. */
const STORE_HINT = 'if the database is unreachable, check DATABASE_URL (or the SQLite file) and that the server is up; /readyz shows the store';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? 'unknown error');
}

export interface SchedulerOptions extends Omit<DeliveryDeps, 'accepting' | 'owner' | 'store'> {
  /** The delivery ledger and digests, and the leases that let replicas share the schedule. */
  store: DeliveryLedger & DigestStore & LeaseStore;
  channels: ChannelConfig[];
  /**
   * Channels that may change while running (set up from chat), read again at each sweep: the
   * minute sweep posts their due digests, so a new schedule takes effect within a minute.
   */
  liveChannels?(): Promise<ChannelConfig[]>;
  /** Digests due this far back that were never attempted are posted at start (config.scheduler). */
  catchUpHours: number;
  owner?: string;
  /** Start node-cron tasks (false in tests that drive `sweep()` with an injected clock). */
  cron?: boolean;
  /** A `claimed` delivery older than this belongs to a stopped process (default 5 min, > post timeout). */
  staleClaimMs?: number;
  /** A fire this recent is on time, whatever catchUpHours says (default 10 min). */
  onTimeGraceMs?: number;
  /** Deliveries in flight at once per platform; the rest wait their turn (default 16). */
  deliveriesPerPlatform?: number;
}

export interface ChannelRun {
  channel: string;
  date: string;
  outcome: DeliveryOutcome;
}

export interface SweepReport {
  runs: ChannelRun[];
  stale: { channel: string; date: string; resolution: StaleResolution | 'unknown-channel' }[];
}

/**
 * 16 deliveries at once per platform: enough to keep Discord's 50 requests a second and many
 * Slack channels busy, few enough that thousands of channels due in the same minute do not build
 * thousands of digests at once (memory, and an event loop too busy for the feeds' reads to finish).
 */
export const DEFAULT_DELIVERIES_PER_PLATFORM = 16;

/** At most `size` tasks at once; the others wait, first come first served. */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    // A finishing task hands its slot straight to the next in line.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Unique per process, so the ledger and leases can tell replicas apart. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * One node-cron task per channel (its zone, `noOverlap`, distributed through a lease-backed run
 * coordinator), plus a minute "sweep" that posts what is due and not yet posted: catch-up after
 * downtime, retries with back-off, fires node-cron skips in a DST gap, and stale claims.
 * Every path ends in `deliverDigest`, whose ledger claim is the final guard against a second post.
 */
export class Scheduler {
  readonly owner: string;
  private readonly schedules = new Map<string, CronSchedule>();
  private readonly tasks: ScheduledTask[] = [];
  private readonly inFlight = new Map<string, Promise<DeliveryOutcome>>();
  private readonly sweeping = new Map<string, Promise<ChannelRun[]>>();
  private readonly coordinator: LeaseRunCoordinator;
  private readonly deps: DeliveryDeps;
  /** Per platform, so one platform's rate limit does not hold back the other's digests. */
  private readonly slots = new Map<string, Slots>();
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? processOwner();
    this.deps = { ...options, owner: this.owner, accepting: () => !this.stopping };
    this.coordinator = new LeaseRunCoordinator(options.store, this.owner, options.clock);
    options.channels.forEach((channel) => this.schedules.set(channel.id, new CronSchedule(channel.schedule, channel.timeZone)));
  }

  private schedule(channel: ChannelConfig): CronSchedule {
    const known = this.schedules.get(channel.id);
    if (known && known.expression === channel.schedule && known.zone === channel.timeZone) return known;
    // A live channel, or one whose schedule changed since: parsed once per change.
    const schedule = new CronSchedule(channel.schedule, channel.timeZone);
    this.schedules.set(channel.id, schedule);
    return schedule;
  }

  /** The config's channels and the live ones (a live channel's id never clashes with the config's). */
  private async allChannels(): Promise<ChannelConfig[]> {
    if (!this.options.liveChannels) return this.options.channels;
    try {
      return [...this.options.channels, ...(await this.options.liveChannels())];
    } catch (error) {
      this.options.logger.error(
        { err: error },
        `could not read the channels set up from chat (${reason(error)}); ${STORE_HINT}; trying again next sweep`,
      );
      return this.options.channels;
    }
  }

  /** Settles stale claims, posts what was missed while down, then starts the cron tasks. */
  async start(): Promise<SweepReport> {
    const report = await this.sweep();
    if (this.options.cron !== false && !this.stopping) this.startTasks();
    return report;
  }

  /**
   * The config file's channels, replaced while running (a reload of the file): each cron task is
   * rebuilt for the new schedules, and the sweep reads the new list. The array is changed in place,
   * as the rest of the service holds the same one.
   */
  replaceChannels(channels: readonly ChannelConfig[]): void {
    this.options.channels.splice(0, this.options.channels.length, ...channels);
    if (this.tasks.length === 0 || this.stopping) return;
    for (const task of this.tasks.splice(0)) Promise.resolve(task.destroy()).catch(() => undefined);
    this.startTasks();
  }

  private startTasks(): void {
    const common = { noOverlap: true, distributed: true, runCoordinator: this.coordinator, distributedLease: 5 * 60_000 };
    for (const channel of this.options.channels) {
      const task = cron.schedule(channel.schedule, () => this.sweepChannel(channel), {
        ...common,
        name: `digest:${channel.id}`,
        timezone: channel.timeZone,
      });
      task.on('execution:failed', (ctx) =>
        this.options.logger.error(
          { err: ctx.execution?.error, channel: channel.id },
          `scheduled run for channel ${channel.id} failed (${reason(ctx.execution?.error)}); ${STORE_HINT}; the next sweep retries`,
        ),
      );
      this.tasks.push(task);
    }
    // Each minute, on one replica: retries, catch-up, DST-gap fires, stale claims of other replicas.
    const sweep = cron.schedule('* * * * *', () => this.sweep(), { ...common, distributedLease: 55_000, name: 'digest:sweep', timezone: 'UTC' });
    sweep.on('execution:failed', (ctx) =>
      this.options.logger.error(
        { err: ctx.execution?.error },
        `scheduler sweep failed (${reason(ctx.execution?.error)}); ${STORE_HINT}; trying again next minute`,
      ),
    );
    this.tasks.push(sweep);
  }

  /** Next fire time of each channel (after `from`, default now). */
  nextRuns(from = this.options.clock.now()): { channel: string; next: Date | null }[] {
    return this.options.channels.map((channel) => ({ channel: channel.id, next: this.schedule(channel).next(from) }));
  }

  /** Stale claims first, then every channel's due digests. */
  async sweep(): Promise<SweepReport> {
    const channels = await this.allChannels();
    const stale = await this.resolveStale(channels);
    const runs = (await Promise.all(channels.map((channel) => this.sweepChannel(channel)))).flat();
    return { runs, stale };
  }

  private async resolveStale(channels: ChannelConfig[]): Promise<SweepReport['stale']> {
    const { store, clock, logger } = this.options;
    const olderThan = new Date(clock.now().getTime() - (this.options.staleClaimMs ?? 5 * 60_000));
    const out: SweepReport['stale'] = [];
    for (const delivery of await store.staleClaims(olderThan)) {
      if (this.inFlight.has(deliveryKeyString(delivery))) continue;
      const channel = channels.find((c) => c.id === delivery.channelId);
      if (!channel) {
        logger.warn(
          { channel: delivery.channelId, date: delivery.date },
          `a claim for channel ${delivery.channelId} on ${delivery.date} was left unconfirmed, but that channel is no longer in the config; leaving it`,
        );
        out.push({ channel: delivery.channelId, date: delivery.date, resolution: 'unknown-channel' });
        continue;
      }
      out.push({ channel: channel.id, date: delivery.date, resolution: await resolveStaleClaim(this.deps, channel, delivery) });
    }
    return out;
  }

  /** Posts the channel's due digests; a sweep already running for it is joined, not repeated. */
  sweepChannel(channel: ChannelConfig): Promise<ChannelRun[]> {
    const running = this.sweeping.get(channel.id);
    if (running) return running;
    const run = this.dueRuns(channel).finally(() => this.sweeping.delete(channel.id));
    this.sweeping.set(channel.id, run);
    return run;
  }

  private async dueRuns(channel: ChannelConfig): Promise<ChannelRun[]> {
    const { store, clock } = this.options;
    const now = clock.now();
    const catchUpMs = this.options.catchUpHours * HOUR;
    const graceMs = this.options.onTimeGraceMs ?? 10 * 60_000;
    // Failed attempts keep retrying for at least a day: a rate limit or outage never drops a digest.
    const lookBackMs = Math.max(catchUpMs, graceMs, 24 * HOUR);
    const runs: ChannelRun[] = [];
    for (const { date, fire } of this.schedule(channel).dueDates(new Date(now.getTime() - lookBackMs), now)) {
      if (this.stopping) break;
      const key: DeliveryKey = { channelId: channel.id, date };
      if (this.inFlight.has(deliveryKeyString(key))) continue;
      const delivery = await store.getDelivery(key);
      const late = now.getTime() - fire.getTime();
      const due = delivery
        ? delivery.status === 'failed' && now.getTime() >= Date.parse(delivery.claimedAt) + retryDelayMs(delivery.attempts, delivery.retryable)
        : late <= graceMs || late <= catchUpMs;
      if (!due) continue;
      if (!delivery && late > graceMs)
        this.options.logger.info(
          { channel: channel.id, date },
          `catching up: the digest for channel ${channel.id} on ${date} was due at ${fire.toISOString()}`,
        );
      runs.push({ channel: channel.id, date, outcome: await this.deliver(channel, date) });
    }
    return runs;
  }

  private slotsFor(platform: string): Slots {
    let slots = this.slots.get(platform);
    if (!slots) {
      slots = new Slots(this.options.deliveriesPerPlatform ?? DEFAULT_DELIVERIES_PER_PLATFORM);
      this.slots.set(platform, slots);
    }
    return slots;
  }

  private deliver(channel: ChannelConfig, date: string): Promise<DeliveryOutcome> {
    const keyString = deliveryKeyString({ channelId: channel.id, date });
    const since = this.schedule(channel).previousDue(date) ?? new Date(this.options.clock.now().getTime() - 24 * HOUR);
    const delivery = this.slotsFor(channel.platform)
      .run(() =>
        // A delivery still waiting for its turn when the service stops is left for the next start.
        this.stopping
          ? Promise.resolve<DeliveryOutcome>({ status: 'failed', error: 'service stopping', retryable: true })
          : deliverDigest(this.deps, channel, date, since),
      )
      .finally(() => this.inFlight.delete(keyString));
    this.inFlight.set(keyString, delivery);
    return delivery;
  }

  /**
   * `newsdigest post`: the digest for a channel and date (default today in its zone), now,
   * through the same exactly-once path. `force` posts again even if the ledger says posted.
   */
  async postNow(channelId: string, options: { date?: string; force?: boolean } = {}): Promise<DeliveryOutcome> {
    const channels = await this.allChannels();
    const channel = channels.find((c) => c.id === channelId);
    if (!channel) {
      const known = channels.map((c) => c.id).join(', ') || 'none';
      throw new UserError(`there is no channel "${channelId}" in the config (channels: ${known})`);
    }
    if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
      throw new UserError(`--date ${options.date} is not a date; use YYYY-MM-DD`);
    }
    const date = options.date ?? localDate(this.options.clock.now(), channel.timeZone);
    const outcome = await this.deliver(channel, date);
    if (outcome.status !== 'skipped' || !options.force) return outcome;
    const digest = await this.options.store.getDigest({ channelId: channel.id, date });
    if (!digest) return outcome;
    const result = await this.options
      .publisherFor(channel)
      .post(channel.channel, digest, { deliveryKey: deliveryKeyString({ channelId: channel.id, date }) });
    this.options.logger.warn(
      { channel: channel.id, date, messageIds: result.messageIds },
      `posted the digest for channel ${channel.id} on ${date} again (--force)`,
    );
    return { status: 'posted', messageIds: result.messageIds };
  }

  /** Stops taking fires, waits for deliveries in flight (a claim not yet posted is handed back). */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.stopping = true;
    await Promise.all(this.tasks.map((task) => task.destroy()));
    this.tasks.length = 0;
    const waited = await within(Promise.allSettled([...this.inFlight.values(), ...this.sweeping.values()]), timeoutMs);
    if (waited === TIMED_OUT)
      this.options.logger.warn(`stopped with ${this.inFlight.size} post(s) still in flight; their claims are checked at the next start`);
    await this.coordinator.releaseAll();
  }
}
