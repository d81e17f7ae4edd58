import cron, { type ScheduledTask } from 'node-cron';
import { scheduleProblem } from '../config/schedule.js';
import { addDays, localDate } from '../digest/dates.js';

/**
 * Fire times of a cron expression in an IANA zone, computed from any instant (no waiting, no
 * real clock). node-cron parses and matches the expression; we walk the local calendar.
 *
 * DST, deliberately (node-cron's own matcher skips a time that does not exist that day, which
 * would silently drop a daily digest, e.g. "0 0 * * *" in Africa/Cairo on the spring change):
 * - a wall time in a DST gap fires at the first valid instant after it (the end of the gap:
 *   "30 2 * * *" in America/New_York fires at 03:00 EDT on the day clocks spring forward);
 * - a wall time that happens twice (the repeated hour when clocks fall back) fires once, at its
 *   first occurrence.
 */

// node-cron resolves these itself; we need the plain fields to probe the day fields alone.
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Far enough for "0 0 29 2 *" (leap days) and then some; beyond it a schedule never fires. */
const MAX_DAYS = 366 * 9;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function localParts(instant: number, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const p = localParts(instant, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local wall time: its first occurrence when the hour repeats, or the end of
 * the gap (first valid instant after) when the time does not exist that day.
 */
export function wallTimeToInstant(parts: LocalParts, zone: string): number {
  const naive = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // The offsets a day either side bracket any transition near this wall time.
  const before = offsetAt(naive - DAY, zone);
  const after = offsetAt(naive + DAY, zone);
  const valid = [naive - before, naive - after].filter((t) => offsetAt(t, zone) === naive - t).sort((a, b) => a - b);
  if (valid.length > 0) return valid[0]!;
  // In a gap: find the transition, the first minute whose offset is the new one.
  let lo = naive - after; // before the transition (old offset applies)
  let hi = naive - before; // after it
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function plusDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A parsed schedule in a zone; cheap to keep, so build it once per channel. */
export class CronSchedule {
  private readonly seconds: number[];
  private readonly minutes: number[];
  private readonly hours: number[];
  /** Matches the day-of-month, month and day-of-week fields only (time fields are "*"). */
  private readonly dayProbe: ScheduledTask;

  constructor(
    readonly expression: string,
    readonly zone: string,
  ) {
    const problem = scheduleProblem(expression);
    if (problem) throw new RangeError(`"${expression}" ${problem}`);
    const fields = cron.parse(expression);
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    this.seconds = sorted(fields.second);
    this.minutes = sorted(fields.minute);
    this.hours = sorted(fields.hour);
    const resolved = (NICKNAMES[expression.trim().toLowerCase()] ?? expression).trim().split(/\s+/);
    const dayFields = resolved.slice(-3).join(' ');
    this.dayProbe = cron.createTask(`* * * ${dayFields}`, () => undefined, { timezone: zone });
    // The probe is never started; keep it out of node-cron's registry of live tasks.
    void this.dayProbe.destroy();
  }

  private dayMatches(year: number, month: number, day: number): boolean {
    // Noon exists on every day in every zone; the probe only looks at the day fields.
    return this.dayProbe.match(new Date(wallTimeToInstant({ year, month, day, hour: 12, minute: 0, second: 0 }, this.zone)));
  }

  /** The first fire on a local date (YYYY-MM-DD), or null when the schedule skips that day. */
  firstOnDate(date: string): Date | null {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    if (!this.dayMatches(year, month, day)) return null;
    const [hour, minute, second] = [this.hours[0]!, this.minutes[0]!, this.seconds[0]!];
    return new Date(wallTimeToInstant({ year, month, day, hour, minute, second }, this.zone));
  }

  /**
   * The last fire on a local date at or before `atOrBefore`, or null. Fire instants grow with the
   * wall time (a gap moves a time to the gap's end, a repeated hour fires at its first
   * occurrence), so a binary search over the date's wall times finds it in a few steps, even
   * for a schedule that fires every second.
   */
  latestOnDate(date: string, atOrBefore: Date): Date | null {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    if (!this.dayMatches(year, month, day)) return null;
    const perMinute = this.seconds.length;
    const perHour = this.minutes.length * perMinute;
    const instant = (index: number) =>
      wallTimeToInstant(
        {
          year,
          month,
          day,
          hour: this.hours[Math.floor(index / perHour)]!,
          minute: this.minutes[Math.floor(index / perMinute) % this.minutes.length]!,
          second: this.seconds[index % perMinute]!,
        },
        this.zone,
      );
    const limit = atOrBefore.getTime();
    let lo = 0;
    let hi = this.hours.length * perHour - 1;
    if (instant(lo) > limit) return null;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (instant(mid) <= limit) lo = mid;
      else hi = mid - 1;
    }
    return new Date(instant(lo));
  }

  /**
   * One entry per local date with a fire in (from, to], oldest first, with that date's latest
   * fire by `to`. A digest is keyed by (channel, local date): any fire of the date posts it if
   * it is not posted yet (the first fire may have been missed), and the latest one says how late
   * the digest is.
   */
  dueDates(from: Date, to: Date): { date: string; fire: Date }[] {
    const out: { date: string; fire: Date }[] = [];
    const last = localDate(to, this.zone);
    // Start a day early: a gap at the start of a local day can move a fire across the date line.
    let date = addDays(localDate(from, this.zone), -1);
    for (let i = 0; i < MAX_DAYS && date <= last; i++, date = addDays(date, 1)) {
      const fire = this.latestOnDate(date, to);
      if (fire && fire.getTime() > from.getTime()) out.push({ date, fire });
    }
    return out;
  }

  /** The first fire of the last date before `date` on which the schedule fires. */
  previousDue(date: string, maxDays = 400): Date | null {
    let d = date;
    for (let i = 0; i < maxDays; i++) {
      d = addDays(d, -1);
      const fire = this.firstOnDate(d);
      if (fire) return fire;
    }
    return null;
  }

  /** The first fire strictly after `after`, or null if the expression never fires again. */
  next(after: Date): Date | null {
    const afterMs = after.getTime();
    const a = localParts(afterMs, this.zone);
    // Wall times more than 3 hours (beyond any DST shift) before `after` cannot come after it.
    const floor = Date.UTC(a.year, a.month - 1, a.day, a.hour, a.minute, a.second) - 3 * 3_600_000;
    for (let i = -1; i < MAX_DAYS; i++) {
      const { year, month, day } = plusDays(a.year, a.month, a.day, i);
      if (!this.dayMatches(year, month, day)) continue;
      for (const hour of this.hours) {
        if (Date.UTC(year, month - 1, day, hour, 59, 59) < floor) continue;
        for (const minute of this.minutes) {
          for (const second of this.seconds) {
            if (Date.UTC(year, month - 1, day, hour, minute, second) < floor) continue;
            const t = wallTimeToInstant({ year, month, day, hour, minute, second }, this.zone);
            if (t > afterMs) return new Date(t);
          }
        }
      }
    }
    return null;
  }

  /** The next `count` fires after `after`. */
  nextRuns(after: Date, count: number): Date[] {
    const out: Date[] = [];
    let from: Date | null = after;
    while (out.length < count && (from = this.next(from))) out.push(from);
    return out;
  }
}
