/**
 * `newsdigest run`'s service with its real platforms, for tests/faults/killed.test.ts and
 * killed-between-parts.test.ts to kill with SIGKILL in the middle of a post. Arguments: config
 * JSON, secrets JSON (the platform API URLs point at the test doubles). Its clock stands an hour before the 08:00 fire
 * until a line "fire" arrives on stdin; it prints "started" once connected, and "firing" before
 * posting.
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createService } from '../../src/service/service.js';

const [configJson, secretsJson] = process.argv.slice(2);
let now = new Date('2025-04-26T07:00:00Z');
const service = await createService(parseConfig(JSON.parse(configJson!), 'killable service'), JSON.parse(secretsJson!), {
  clock: { now: () => new Date(now) },
  logger: pino({ level: 'silent' }),
  cron: false,
  owner: 'doomed-process',
});
await service.start();
process.stdout.write('started\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'fire') continue;
  now = new Date('2025-04-26T08:00:00Z');
  process.stdout.write('firing\n');
  await service.scheduler.sweep();
  process.stdout.write('swept\n');
}
