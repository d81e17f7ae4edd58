/**
 * A service process that claims today's digest and then hangs in the post, so the test can kill
 * it with SIGKILL between claim and post (run by service.test.ts). Prints "posting" when the
 * platform was asked to post.
 */
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createService } from '../../src/service/service.js';

const [sqlitePath, seeds, now] = process.argv.slice(2);
const config = parseConfig(
  {
    sources: [{ id: 'seeds', type: 'files', path: seeds }],
    channels: [{ id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'Africa/Cairo' }],
    storage: { sqlitePath },
  },
  'crashing service',
);
const service = await createService(
  config,
  {},
  {
    clock: { now: () => new Date(now!) },
    logger: pino({ level: 'silent' }),
    cron: false,
    http: false,
    owner: 'doomed-process',
    publishers: {
      terminal: {
        platform: 'terminal',
        post: () => {
          process.stdout.write('posting\n');
          return new Promise(() => undefined);
        },
      },
    },
  },
);
await service.start();
