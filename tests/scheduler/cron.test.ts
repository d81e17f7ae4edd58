import { describe, expect, it } from 'vitest';
import { scheduleProblem } from '../../src/config/schedule.js';
import { CronSchedule } from '../../src/scheduler/cron.js';

/** Next fires as "UTC instant = local wall time" strings, for readable expectations. */
function fires(expression: string, zone: string, from: string, count: number): string[] {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
  return new CronSchedule(expression, zone).nextRuns(new Date(from), count).map((d) => `${d.toISOString().slice(0, 16)}Z = ${format.format(d)}`);
}

describe('next fire times across DST changes (no waiting for the clock)', () => {
  it('America/New_York spring forward: 02:30 does not exist, so it fires at 03:00, the first valid minute after', () => {
    expect(fires('30 2 * * *', 'America/New_York', '2025-03-08T12:00:00Z', 3)).toEqual([
      '2025-03-09T07:00Z = 2025-03-09 03:00',
      '2025-03-10T06:30Z = 2025-03-10 02:30',
      '2025-03-11T06:30Z = 2025-03-11 02:30',
    ]);
  });

  it('America/New_York fall back: the repeated 01:30 fires once, at its first occurrence (EDT)', () => {
    expect(fires('30 1 * * *', 'America/New_York', '2025-11-01T12:00:00Z', 2)).toEqual([
      '2025-11-02T05:30Z = 2025-11-02 01:30',
      '2025-11-03T06:30Z = 2025-11-03 01:30',
    ]);
  });

  it('Europe/Berlin fall back: 02:30 fires once, in summer time', () => {
    expect(fires('30 2 * * *', 'Europe/Berlin', '2025-10-25T12:00:00Z', 2)).toEqual([
      '2025-10-26T00:30Z = 2025-10-26 02:30',
      '2025-10-27T01:30Z = 2025-10-27 02:30',
    ]);
  });

  it('Africa/Cairo: midnight does not exist on the spring change, the digest fires at 01:00 that day', () => {
    expect(fires('0 0 * * *', 'Africa/Cairo', '2025-04-24T12:00:00Z', 2)).toEqual([
      '2025-04-24T22:00Z = 2025-04-25 01:00',
      '2025-04-25T21:00Z = 2025-04-26 00:00',
    ]);
    // The default channel's 08:00 simply moves with the offset.
    expect(fires('0 8 * * *', 'Africa/Cairo', '2025-04-24T12:00:00Z', 2)).toEqual([
      '2025-04-25T05:00Z = 2025-04-25 08:00',
      '2025-04-26T05:00Z = 2025-04-26 08:00',
    ]);
  });

  it('Australia/Sydney (southern hemisphere) and weekday-only schedules', () => {
    // Clocks go back from 03:00 to 02:00 on Sunday 6 April 2025; Monday is the next weekday.
    expect(fires('30 2 * * 1-5', 'Australia/Sydney', '2025-04-03T12:00:00Z', 2)).toEqual([
      '2025-04-03T15:30Z = 2025-04-04 02:30',
      '2025-04-06T16:30Z = 2025-04-07 02:30',
    ]);
    expect(fires('30 2 * * *', 'Australia/Sydney', '2025-10-04T12:00:00Z', 2)).toEqual([
      '2025-10-04T16:00Z = 2025-10-05 03:00',
      '2025-10-05T15:30Z = 2025-10-06 02:30',
    ]);
  });

  it('a sub-hourly schedule runs through the repeated hour once', () => {
    expect(fires('*/30 1 * * *', 'America/New_York', '2025-11-02T04:00:00Z', 3)).toEqual([
      '2025-11-02T05:00Z = 2025-11-02 01:00',
      '2025-11-02T05:30Z = 2025-11-02 01:30',
      '2025-11-03T06:00Z = 2025-11-03 01:00',
    ]);
  });

  it('due dates: one per local date, the latest fire of that date by the end of the window', () => {
    const schedule = new CronSchedule('0 8,20 * * *', 'Africa/Cairo');
    const due = schedule.dueDates(new Date('2025-04-24T00:00:00Z'), new Date('2025-04-26T12:00:00Z'));
    // 12:00 UTC on the 26th is 15:00 in Cairo: that day's 20:00 fire has not come yet.
    expect(due.map(({ date, fire }) => [date, fire.toISOString()])).toEqual([
      ['2025-04-24', '2025-04-24T18:00:00.000Z'],
      ['2025-04-25', '2025-04-25T17:00:00.000Z'],
      ['2025-04-26', '2025-04-26T05:00:00.000Z'],
    ]);
    expect(schedule.previousDue('2025-04-26')?.toISOString()).toBe('2025-04-25T05:00:00.000Z');
    expect(new CronSchedule('0 9 * * 1', 'UTC').previousDue('2025-04-28')?.toISOString()).toBe('2025-04-21T09:00:00.000Z');
  });

  it.each<[string, string, string, string, [string, string][]]>([
    // The 08:00 fire fell before the window (a short catch-up); the 20:00 one is in it.
    [
      'a later fire of a date whose first fire is out of the window',
      '0 8,20 * * *',
      '2025-04-26T10:00:00Z',
      '2025-04-26T17:00:00Z',
      [['2025-04-26', '2025-04-26T17:00:00.000Z']],
    ],
    ['no fire of the date in the window yet', '0 8,20 * * *', '2025-04-26T10:00:00Z', '2025-04-26T16:59:59Z', []],
    ['every minute: the minute just past', '* * * * *', '2025-04-26T16:00:00Z', '2025-04-26T16:30:30Z', [['2025-04-26', '2025-04-26T16:30:00.000Z']]],
    [
      'every 30 s across a date line',
      '*/30 * * * * *',
      '2025-04-26T20:59:00Z',
      '2025-04-26T21:00:10Z',
      [
        ['2025-04-26', '2025-04-26T20:59:30.000Z'],
        ['2025-04-27', '2025-04-26T21:00:00.000Z'],
      ],
    ],
  ])('due dates: %s', (_name, expression, from, to, expected) => {
    const due = new CronSchedule(expression, 'Africa/Cairo').dueDates(new Date(from), new Date(to));
    expect(due.map(({ date, fire }) => [date, fire.toISOString()])).toEqual(expected);
  });

  it('names what is wrong with a bad expression', () => {
    expect(scheduleProblem('0 8 * * *')).toBeNull();
    expect(scheduleProblem('0 25 * * *')).toMatch(/hour/);
    expect(scheduleProblem('every morning')).toMatch(/fields/);
    expect(() => new CronSchedule('61 * * * *', 'UTC')).toThrow(/minute/);
  });
});
