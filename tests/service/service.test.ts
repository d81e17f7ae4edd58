import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import type { Publisher } from '../../src/platforms/types.js';
import { createService, type Service } from '../../src/service/service.js';
import type { RecordedPost } from '../fakes/recording-publisher.js';
import { recordingLogger, sqliteDatabase, startableService, TestClock, testConfig } from '../scheduler/harness.js';

const dirs: string[] = [];
const services: Service[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-service-'));
  dirs.push(dir);
  return dir;
}

describe('bad configuration', () => {
  it('names each wrong field and refuses to start, before opening anything', async () => {
    const dir = tempDir();
    const config = testConfig({
      storage: { sqlitePath: join(dir, 'never.sqlite') },
      channels: [
        { id: 'daily', platform: 'terminal', channel: 'printer', timeZone: 'Africa/Cairo' },
        { id: 'newsroom', platform: 'slack', channel: 'C0123456789' },
        { id: 'community', platform: 'discord', channel: '123456789012345678' },
      ],
    });
    const error = await createService(config, { port: Number('eighty') }, { logger: recordingLogger().logger, origin: 'config/bad.yaml' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe('config/bad.yaml cannot post digests:');
    expect(message).toContain('channels[0].channel: a terminal channel prints to "stdout"; "printer" is not supported');
    expect(message).toContain('channels[1].platform: channel "newsroom" posts to Slack but SLACK_BOT_TOKEN is not set');
    expect(message).toContain('channels[2].platform: channel "community" posts to Discord but DISCORD_TOKEN is not set');
    expect(message).toContain('PORT: the environment variable is not a port number');
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  });
});

describe('Discord secrets checked before anything starts', () => {
  const GOOD_ID = '123456789012345678';
  const GOOD_KEY = 'ab'.repeat(32);

  function discordConfig(dir: string, mode: 'http' | 'gateway') {
    return testConfig({
      storage: { sqlitePath: join(dir, 'never.sqlite') },
      discord: { mode },
      channels: [{ id: 'community', platform: 'discord', channel: '123456789012345679' }],
    });
  }

  it.each([
    ['abc', 'DISCORD_APPLICATION_ID: "abc" is not an application id (17 to 20 digits)'],
    ['-1', 'DISCORD_APPLICATION_ID: "-1" is not an application id (17 to 20 digits)'],
    ['123456789012', 'DISCORD_APPLICATION_ID: "123456789012" is not an application id (17 to 20 digits)'],
  ])('refuses DISCORD_APPLICATION_ID %s in one line, without opening the store', async (applicationId, problem) => {
    const dir = tempDir();
    const error = await createService(
      discordConfig(dir, 'gateway'),
      { discordToken: 't', discordApplicationId: applicationId },
      { logger: recordingLogger().logger, origin: 'config/d.yaml' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `config/d.yaml cannot post digests: ${problem}: copy the Application ID from the General Information page of your app in the Discord Developer Portal`,
    );
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  });

  it.each([['not-hex-at-all'], ['ab'.repeat(31)], ['zz'.repeat(32)], ['ab'.repeat(33)]])(
    'refuses DISCORD_PUBLIC_KEY %s in one line, without opening the store',
    async (publicKey) => {
      const dir = tempDir();
      const secrets = { discordToken: 't', discordApplicationId: GOOD_ID, discordPublicKey: publicKey };
      const error = await createService(discordConfig(dir, 'http'), secrets, { logger: recordingLogger().logger, origin: 'config/d.yaml' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(
        'config/d.yaml cannot post digests: DISCORD_PUBLIC_KEY: must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal',
      );
      expect((error as Error).message).not.toContain(publicKey);
      expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
    },
  );

  it('accepts well-formed ids and keys', async () => {
    const dir = tempDir();
    const service = await createService(
      discordConfig(dir, 'http'),
      { discordToken: 't', discordApplicationId: GOOD_ID, discordPublicKey: GOOD_KEY },
      { logger: recordingLogger().logger, cron: false, http: false, connect: false },
    );
    services.push(service);
    expect(service.routes.map((route) => route.path)).toContain('/discord/interactions');
  });
});

describe('HTTP endpoints', () => {
  it('/healthz, /readyz and /metrics answer; /readyz fails while a platform is unreachable', async () => {
    const db = await sqliteDatabase();
    let reachable = true;
    const terminal: Publisher = { platform: 'terminal', post: async () => ({ messageIds: ['t1'] }), ready: async () => reachable };
    const { service } = await startableService(db, new TestClock(new Date('2025-04-26T05:00:00Z')), [], {
      http: true,
      port: 0,
      host: '127.0.0.1',
      publishers: { terminal },
    });
    services.push(service);
    await service.start();
    const base = `http://127.0.0.1:${service.port()}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'ok', platforms: { terminal: 'ok' } });

    reachable = false;
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not ready', platforms: { terminal: 'unreachable' } });

    service.metrics.observeCommand({ platform: 'slack', command: 'digest', ms: 120, ok: true });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('newsdigest_digests_posted_total{channel="daily",platform="terminal"} 1');
    expect(text).toMatch(/newsdigest_articles_ingested_total\{source="seeds"\} [1-9]/);
    expect(text).toContain('newsdigest_command_duration_seconds_count{platform="slack",command="digest",ok="true"} 1');

    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    await service.stop();
    await db.dispose();
  });
});

describe('a real process killed with SIGKILL between claim and post', () => {
  it('leaves a claim that the next start settles with one post', async () => {
    const dir = tempDir();
    const sqlitePath = join(dir, 'shared.sqlite');
    const script = fileURLToPath(new URL('./crashing-service.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, sqlitePath, resolve('seeds'), '2025-04-26T05:00:05Z'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    let out = '';
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('posting')) done();
      });
      child.once('exit', (code) => fail(new Error(`the child exited (${code}) before posting`)));
    });
    child.kill('SIGKILL');
    await once(child, 'exit');

    const posts: RecordedPost[] = [];
    const db = {
      kind: 'sqlite' as const,
      open: () => import('../../src/store/open.js').then((m) => m.openStore({ sqlitePath })),
      dispose: async () => undefined,
    };
    const { service } = await startableService(db, new TestClock(new Date('2025-04-26T05:20:00Z')), posts, { canCheck: true });
    services.push(service);
    const before = await service.store.getDelivery({ channelId: 'daily', date: '2025-04-26' });
    expect(before).toMatchObject({ status: 'claimed', owner: 'doomed-process' });
    const report = await service.start();
    expect(report.stale).toEqual([{ channel: 'daily', date: '2025-04-26', resolution: 'not-posted' }]);
    expect(posts).toHaveLength(1);
    expect(await service.store.getDelivery({ channelId: 'daily', date: '2025-04-26' })).toMatchObject({ status: 'posted', messageIds: ['m1'] });
  }, 60_000); // the child loads the whole service under tsx: seconds on a busy 2-core machine
});
