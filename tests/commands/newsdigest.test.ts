import { describe, expect, it } from 'vitest';
import { readTime, scheduleFor, sourceUrlProblem } from '../../src/commands/newsdigest.js';
import { findCommand } from '../../src/commands/index.js';
import { scheduleProblem } from '../../src/config/schedule.js';
import { testContext } from '../platforms/discord/setup.js';

describe('/newsdigest schedule times', () => {
  it.each([
    ['07:30', [7, 30]],
    ['7:05', [7, 5]],
    ['00:00', [0, 0]],
    ['23:59', [23, 59]],
    ['25:00', null],
    ['24:00', null],
    ['07:60', null],
    ['7h', null],
    ['0730', null],
    ['', null],
  ])('%s', (text, expected) => {
    expect(readTime(text)).toEqual(expected);
  });
});

describe('/newsdigest schedule repeats: daily, weekdays or a cron expression', () => {
  it.each([
    [[7, 30], {}, { schedule: '30 7 * * *' }],
    [[7, 30], { days: 'daily' }, { schedule: '30 7 * * *' }],
    [[6, 5], { days: 'weekdays' }, { schedule: '5 6 * * 1-5' }],
    [[7, 30], { cron: '30 7 * * 1,3,5' }, { schedule: '30 7 * * 1,3,5' }],
    [[7, 30], { cron: '* * 1 * *' }, { schedule: '30 7 1 * *' }],
    [[7, 30], { cron: '30 */6 * * *' }, { schedule: '30 */6 * * *' }],
    [[7, 30], { cron: '* * * * mon-fri' }, { schedule: '30 7 * * mon-fri' }],
    [[7, 30], { cron: '0 8 * * *' }, { problem: '“0 8 * * *” does not fire at 07:30; use * for its minute and hour, or the same time' }],
    [
      [7, 30],
      { cron: '30 7 * *' },
      { problem: '“30 7 * *” is not a cron expression of 5 fields (minute hour day month weekday), e.g. 30 7 * * 1-5' },
    ],
    [
      [7, 30],
      { cron: '0 30 7 * * *' },
      { problem: '“0 30 7 * * *” is not a cron expression of 5 fields (minute hour day month weekday), e.g. 30 7 * * 1-5' },
    ],
    [[7, 30], { cron: '30 7 * 13 *' }, { problem: expect.stringMatching(/^“30 7 \* 13 \*” is not a cron expression: .+/) }],
    [[7, 30], { cron: '30 7 * * 9' }, { problem: expect.stringMatching(/^“30 7 \* \* 9” is not a cron expression: .+[^.]$/) }],
    [[7, 30], { days: 'weekdays', cron: '* * * * 1' }, { problem: 'give either weekdays or a cron expression, not both' }],
  ] as const)('%j %j', (time, repeat, expected) => {
    expect(scheduleFor([...time] as [number, number], repeat, scheduleProblem)).toEqual(expected);
  });
});

describe('/newsdigest source URLs', () => {
  it.each([
    ['https://news.example/feed.xml', null],
    ['http://news.example/', null],
    ['news.example/feed', '“news.example/feed” is not a URL: give the address of a feed, page or site, starting with https://'],
    ['ftp://news.example/feed', 'ftp addresses cannot be sources: give an https:// or http:// address'],
    ['https://user:secret@news.example/feed', 'a source URL must not carry a user name or password'],
    ['http://localhost/feed', 'localhost is not a public address: newsdigest only reads public sites'],
    ['http://127.0.0.1:8080/', '127.0.0.1 is not a public address: newsdigest only reads public sites'],
    ['http://10.1.2.3/', '10.1.2.3 is not a public address: newsdigest only reads public sites'],
    ['http://172.20.0.1/', '172.20.0.1 is not a public address: newsdigest only reads public sites'],
    ['http://[::1]/', '[::1] is not a public address: newsdigest only reads public sites'],
    ['http://printer.local/', 'printer.local is not a public address: newsdigest only reads public sites'],
    ['http://intranet/', 'intranet is not a public address: newsdigest only reads public sites'],
  ])('%s', (url, problem) => {
    expect(sourceUrlProblem(url)).toBe(problem);
  });

  it('leaves the names to the fetch when one checks them', () => {
    expect(sourceUrlProblem('http://localhost/feed', { names: false })).toBeNull();
    expect(sourceUrlProblem('ftp://news.example/feed', { names: false })).not.toBeNull();
  });
});

describe('/newsdigest text on Slack', () => {
  const command = findCommand('newsdigest')!;
  it.each([
    ['', { subcommand: 'help' }],
    ['subscribe https://news.example/feed.xml', { subcommand: 'subscribe', url: 'https://news.example/feed.xml' }],
    ['unsubscribe 2', { subcommand: 'unsubscribe', source: '2' }],
    ['schedule 07:30', { subcommand: 'schedule', time: '07:30' }],
    ['schedule 07:30 weekdays Europe/Paris', { subcommand: 'schedule', time: '07:30', days: 'weekdays', zone: 'Europe/Paris' }],
    ['schedule 07:30 Europe/Paris 30 7 * * 1,3,5', { subcommand: 'schedule', time: '07:30', zone: 'Europe/Paris', cron: '30 7 * * 1,3,5' }],
    ['schedule 07:30 UTC * * 1 * *', { subcommand: 'schedule', time: '07:30', zone: 'UTC', cron: '* * 1 * *' }],
    ['schedule 07:30 30 7 * * mon-fri', { subcommand: 'schedule', time: '07:30', cron: '30 7 * * mon-fri' }],
    ['Pause', { subcommand: 'pause' }],
    ['status now', { subcommand: 'status', extra: 'now' }],
  ])('“%s”', (text, args) => {
    expect(command.parseText(text)).toEqual(args);
  });

  it('outside a chat channel, says where to type it', async () => {
    const view = await command.run({ subcommand: 'status' }, testContext([]));
    expect(view).toEqual({
      kind: 'notice',
      tone: 'error',
      text: '/newsdigest sets up a Slack or Discord channel; type it in the channel whose digest you want to set up.',
      visibility: 'private',
    });
  });
});
