import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-run-port-'));
  writeFileSync(join(dir, 'service.yaml'), 'sources: []\nchannels: []\nstorage: { sqlitePath: ledger.sqlite }\nhttp: { port: 3000 }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `newsdigest run`, waits until it serves, stops it with SIGTERM and returns its log lines. */
function runUntilServing(env: Record<string, string>): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--config', join(dir, 'service.yaml'), 'run'], {
    env: { ...process.env, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let text = '';
  let stopping = false;
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    // One SIGTERM only: a second one is the user's way to force an exit.
    if (!stopping && /serving \/healthz/.test(text)) {
      stopping = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({
        code,
        lines: text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      }),
    ),
  );
}

describe('newsdigest run: PORT and http.port', () => {
  it('PORT wins over http.port, and the conflict is logged once at start', { timeout: 60_000 }, async () => {
    const { code, lines } = await runUntilServing({ PORT: '0' });
    expect(code).toBe(0);
    const warnings = lines.filter((line) => line.level === 40);
    expect(warnings).toEqual([expect.objectContaining({ msg: 'PORT=0 overrides http.port 3000 from the config', port: 0, configPort: 3000 })]);
    const serving = lines.find((line) => String(line.msg).startsWith('serving'));
    expect(serving?.port).not.toBe(3000);
    // The ledger path in the config is next to the config file, not in the working directory.
    expect(existsSync(join(dir, 'ledger.sqlite'))).toBe(true);
  });
});
