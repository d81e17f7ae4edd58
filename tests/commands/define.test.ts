import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand, readArgs } from '../../src/commands/define.js';
import type { ArgsOf, CommandArgs, CommandContext, CommandOption } from '../../src/commands/types.js';
import { MemoryLibrary } from '../../src/digest/library.js';

const options = [
  { name: 'topic', description: 'What to look for', type: 'string', required: true },
  { name: 'count', description: 'How many', type: 'integer', required: false },
  { name: 'share', description: 'Show everyone', type: 'boolean', required: false },
  {
    name: 'day',
    description: 'Which day',
    type: 'string',
    required: false,
    choices: [
      { name: 'Today', value: 'today' },
      { name: 'Yesterday', value: 'yesterday' },
    ],
  },
] as const satisfies readonly CommandOption[];

describe('ArgsOf: handler arguments derived from the declared options', () => {
  it('types required options as present, optional ones as possibly missing, choices as their values', () => {
    expectTypeOf<ArgsOf<typeof options>>().toEqualTypeOf<{ topic: string } & { count?: number; share?: boolean; day?: 'today' | 'yesterday' }>();
  });
});

describe('readArgs', () => {
  it.each<[string, CommandArgs, object | null]>([
    ['a required string, trimmed', { topic: '  harbour  ' }, { topic: 'harbour' }],
    ['every kind at once', { topic: 'harbour', count: '3', share: true, day: 'today' }, { topic: 'harbour', count: 3, share: true, day: 'today' }],
    ['an integer given as a number', { topic: 'harbour', count: 7 }, { topic: 'harbour', count: 7 }],
    ['a blank optional string counts as not given', { topic: 'harbour', day: '  ' }, { topic: 'harbour' }],
    ['an undefined value counts as not given', { topic: 'harbour', count: undefined }, { topic: 'harbour' }],
    ['a required option missing', {}, null],
    ['a required option blank', { topic: '   ' }, null],
    ['an integer that is not one', { topic: 'harbour', count: 'three' }, null],
    ['a fraction for an integer', { topic: 'harbour', count: '2.5' }, null],
    ['a boolean that is a string', { topic: 'harbour', share: 'yes' }, null],
    ['a value outside the choices', { topic: 'harbour', day: 'tomorrow' }, null],
    ['an argument the command does not declare', { topic: 'harbour', extra: 'word' }, null],
  ])('%s', (_case, raw, expected) => {
    expect(readArgs(options, raw)).toEqual(expected);
  });
});

describe('defineCommand', () => {
  const ctx: CommandContext = {
    library: new MemoryLibrary(),
    fetchArticle: async () => Promise.reject(new Error('no network')),
    now: () => new Date(0),
    timeZone: 'UTC',
  };
  const echo = defineCommand({
    name: 'echo',
    description: 'Says the topic back',
    usage: '/echo <topic> [count]',
    options,
    parseText: (text) => ({ topic: text }),
    async run({ topic, count }) {
      return { kind: 'notice', tone: 'info', text: `${topic} × ${count ?? 1}`, visibility: 'private' };
    },
  });

  it('hands the handler typed values', async () => {
    expect(await echo.run({ topic: ' tides ', count: '2' }, ctx)).toMatchObject({ text: 'tides × 2' });
  });

  it('answers the usage line when the arguments do not fit, without calling the handler', async () => {
    expect(await echo.run({ count: '2' }, ctx)).toEqual({
      kind: 'notice',
      tone: 'usage',
      text: 'Usage: /echo <topic> [count]',
      visibility: 'private',
    });
  });
});
