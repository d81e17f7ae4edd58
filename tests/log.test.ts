import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { createLogger, logFormat, prettyLine } from '../src/log.js';

describe('log format', () => {
  it.each([
    { env: {}, terminal: true, expected: 'pretty' },
    { env: {}, terminal: false, expected: 'json' },
    { env: { LOG_FORMAT: 'json' }, terminal: true, expected: 'json' },
    { env: { LOG_FORMAT: 'pretty' }, terminal: false, expected: 'pretty' },
    { env: { LOG_FORMAT: ' Pretty ' }, terminal: false, expected: 'pretty' },
    { env: { LOG_FORMAT: '' }, terminal: false, expected: 'json' },
  ])('LOG_FORMAT=$env.LOG_FORMAT on a terminal: $terminal → $expected', ({ env, terminal, expected }) => {
    expect(logFormat(env, terminal)).toBe(expected);
  });

  it('refuses an unknown format in one plain line', () => {
    expect(() => logFormat({ LOG_FORMAT: 'xml' }, true)).toThrow(new UserError('LOG_FORMAT must be "json" or "pretty", not "xml"'));
  });
});

function captured(format: 'json' | 'pretty'): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ format, write: (text) => lines.push(text) }) };
}

describe('pretty logs', () => {
  it('print one line: time, level, message, then the fields', () => {
    const { lines, logger } = captured('pretty');
    logger.warn({ channel: 'newsroom', attempts: 3, reason: 'rate limited' }, 'posting slowed down');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}posting slowed down channel=newsroom attempts=3 reason="rate limited"\n$/);
  });

  it('still hide secrets', () => {
    const { lines, logger } = captured('pretty');
    logger.info({ slack: { token: 'xoxb-do-not-print' }, databaseUrl: 'postgres://u:pw@db/x' }, 'connected');
    expect(lines.join('')).not.toContain('xoxb-do-not-print');
    expect(lines.join('')).not.toContain('pw@db');
    expect(lines[0]).toContain('[redacted]');
  });

  it('show an error with its stack under the line', () => {
    const { lines, logger } = captured('pretty');
    logger.error({ err: new Error('the store is gone') }, 'delivery failed');
    const [first, ...stack] = lines[0]!.trimEnd().split('\n');
    expect(first).toMatch(/ERROR delivery failed err="the store is gone"$/);
    expect(stack.length).toBeGreaterThan(0);
    expect(stack.every((frame) => frame.startsWith('    at '))).toBe(true);
  });

  it('leave JSON as it is when asked for JSON', () => {
    const { lines, logger } = captured('json');
    logger.info({ port: 3000 }, 'serving');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'serving', port: 3000, name: 'newsdigest' });
  });

  it('pass a line that is not JSON through unchanged', () => {
    expect(prettyLine('plain text')).toBe('plain text\n');
  });
});
