import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';

/** Collects a child's stdout lines; resolves `ready` at its first line and `done` at its exit. */
function child(args: string[]): { process: ChildProcess; ready: Promise<void>; done: Promise<string[]> } {
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffer = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    if (lines.length > 0) markReady();
  });
  const done = once(proc, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
    return lines;
  });
  return { process: proc, ready: Promise.race([ready, done.then(() => undefined)]), done };
}
const root = mkdtempSync(join(tmpdir(), 'newsdigest-procs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Outcome {
  owner: string;
  won: string[];
  seen: string[];
  lease: boolean;
}

it('gives each delivery, feed key and lease to exactly one of three processes on one fresh SQLite file', async () => {
  const path = join(root, 'data', 'shared.sqlite');
  const script = fileURLToPath(new URL('./claim-process.ts', import.meta.url));
  const keys = 25;
  const children = ['p1', 'p2', 'p3'].map((owner) => child(['--import', 'tsx', script, path, owner, String(keys)]));
  // Start them together: all open (and migrate) the fresh file at once, then race for every key.
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.process.stdin!.end('go\n');
  const outcomes = await Promise.all(children.map(async (c) => JSON.parse((await c.done).at(-1)!) as Outcome));

  const won = outcomes.flatMap((o) => o.won);
  expect(won).toHaveLength(keys);
  expect(new Set(won).size).toBe(keys);
  const seen = outcomes.flatMap((o) => o.seen);
  expect(seen.sort()).toEqual(Array.from({ length: keys + 1 }, (_, i) => `guid-${i}`).sort());
  expect(outcomes.filter((o) => o.lease)).toHaveLength(1);

  const store = new SqliteStore({ path });
  try {
    const ledger = await store.listDeliveries('slack');
    expect(ledger).toHaveLength(keys);
    for (const delivery of ledger) {
      expect(outcomes.find((o) => o.owner === delivery.owner)?.won).toContain(delivery.date);
    }
  } finally {
    await store.close();
  }
});
