/**
 * One of several processes racing on one SQLite file (run by sqlite-processes.test.ts). It says
 * "ready", waits for "go" on stdin so that all start together, then opens the store (migrating
 * the fresh file), claims every delivery key it can, marks feed keys seen, and prints what it won.
 */
import { once } from 'node:events';
import { openStore } from '../../src/store/open.js';

const [path, owner, count] = process.argv.slice(2);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();

const store = await openStore({ sqlitePath: path! });
const won: string[] = [];
const seen: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const date = `2024-03-${String(i + 1).padStart(2, '0')}`;
  if (await store.claimDelivery({ channelId: 'slack', date }, owner!, new Date('2024-03-01T08:00:00Z'))) won.push(date);
  seen.push(...(await store.markSeen('https://feeds.example/world.xml', [`guid-${i}`, `guid-${i + 1}`])));
}
const lease = await store.tryLease('scheduler', owner!, 60_000, new Date('2024-03-01T08:00:00Z'));
await store.close();
process.stdout.write(`${JSON.stringify({ owner, won, seen, lease })}\n`);
