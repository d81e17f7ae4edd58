import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string;
const configFile = () => join(dir, 'service.yaml');
const configText = (schedule: string, sources: string) =>
  [
    'sources:',
    '  - { id: harbour, type: files, path: harbour }',
    '  - { id: hills, type: files, path: hills }',
    'channels:',
    `  - { id: daily, platform: terminal, channel: stdout, schedule: "${schedule}", timeZone: UTC, sources: [${sources}] }`,
    'storage: { sqlitePath: ledger.sqlite }',
    'scheduler: { catchUpHours: 0 }',
    '',
  ].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-run-reload-'));
  mkdirSync(join(dir, 'harbour'));
  mkdirSync(join(dir, 'hills'));
  writeFileSync(configFile(), configText('0 8 * * *', 'harbour'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsdigest run: SIGHUP', () => {
  it('reloads the config file without a restart; a bad file is logged in one line and the running config kept', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--config', configFile(), 'run'], {
      env: { ...process.env, LOG_FORMAT: 'json', PORT: '0', DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    const waiters: [RegExp, () => void][] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      for (const [pattern, done] of waiters.splice(0)) (pattern.test(text) ? done : () => waiters.push([pattern, done]))();
    });
    const logged = (pattern: RegExp) => new Promise<void>((resolve) => (pattern.test(text) ? resolve() : waiters.push([pattern, resolve])));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await logged(/serving \/healthz/);
    writeFileSync(configFile(), configText('30 9 * * 1-5', 'hills'));
    child.kill('SIGHUP');
    await logged(/SIGHUP: reloaded/);
    writeFileSync(configFile(), configText('99 99 * * *', 'hills'));
    child.kill('SIGHUP');
    await logged(/SIGHUP: kept/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const reloads = lines.filter((line) => String(line.msg).startsWith('SIGHUP'));
    expect(reloads).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'SIGHUP: reloaded the config file: 1 channel(s), 2 source(s); other settings apply at the next start',
        channels: 1,
        sources: 2,
      }),
      expect.objectContaining({
        level: 50,
        msg: expect.stringMatching(/^SIGHUP: kept the running config; the file was not reloaded: .*"99 99 \* \* \*" is not a cron schedule[^\n]*$/),
      }),
    ]);
  });
});
