import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { createService, type Service, type ServiceOptions } from '../../src/service/service.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';

/** A database both "processes" of a test open: a SQLite file or a fresh PostgreSQL schema. */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-sched-'));
  const sqlitePath = join(dir, 'test.sqlite');
  return {
    kind: 'sqlite',
    open: () => openStore({ sqlitePath }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const url = await testDatabaseUrl();
  const schema = freshSchema();
  return {
    kind: 'postgres',
    open: () => openStore({ databaseUrl: url, sqlitePath: 'unused', schema }),
    dispose: () => dropSchema(url, schema),
  };
}

export const databases: [string, () => Promise<TestDatabase>][] = [
  ['SQLite', sqliteDatabase],
  ['PostgreSQL', postgresDatabase],
];

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** pino writing parsed JSON lines into an array, to assert on what the service logged. */
export function recordingLogger(): { logger: Logger; lines: { level: number; msg: string; [key: string]: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** The default terminal channel: 08:00 in Cairo, fed by the repository's seeds/ folder. */
export function testConfig(overrides: Record<string, unknown> = {}): Config {
  return parseConfig(
    {
      sources: [{ id: 'seeds', type: 'files', path: resolve('seeds') }],
      channels: [{ id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'Africa/Cairo', sources: ['seeds'] }],
      ...overrides,
    },
    'test config',
  );
}

/** A service on the test database, posting through a recording publisher (shared `posts`). */
export async function startableService(
  db: TestDatabase,
  clock: TestClock,
  posts: RecordedPost[],
  options: Partial<ServiceOptions> & { canCheck?: boolean; config?: Config } = {},
): Promise<{ service: Service; publisher: RecordingPublisher; lines: ReturnType<typeof recordingLogger>['lines'] }> {
  const publisher = new RecordingPublisher(posts, { canCheck: options.canCheck });
  const { logger, lines } = recordingLogger();
  const service = await createService(
    options.config ?? testConfig(),
    {},
    {
      store: await db.open(),
      clock,
      logger,
      cron: false,
      http: false,
      publishers: { terminal: publisher },
      ...options,
    },
  );
  return { service, publisher, lines };
}
