import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import { createContainer, type Container } from '../../src/service/container.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { databases, recordingLogger, TestClock, testConfig, type TestDatabase } from '../scheduler/harness.js';

const SEED_HEADLINE = 'Kerry and Lavrov discuss Syria peace talks';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(databases)('the container on %s', (_name, makeDatabase) => {
  let db: TestDatabase;

  async function container(posts: RecordedPost[]): Promise<Container> {
    db = await makeDatabase();
    cleanups.push(() => db.dispose());
    const wired = await createContainer(
      testConfig(),
      {},
      {
        store: await db.open(),
        clock: new TestClock(new Date('2025-04-26T05:00:00Z')),
        logger: recordingLogger().logger,
        cron: false,
        publishers: { terminal: new RecordingPublisher(posts) },
      },
    );
    cleanups.push(() => wired.close());
    return wired;
  }

  it('hands out the small stores of its one database, which ingestion, commands and the scheduler share', async () => {
    const posts: RecordedPost[] = [];
    const wired = await container(posts);
    expect(wired.store.stores).toBe(wired.stores);

    await wired.ingest();
    const stored = await wired.stores.articles.articlesSince(new Date(0));
    expect(stored.map((article) => article.title)).toEqual([SEED_HEADLINE]);
    expect((await wired.context.library.search('Lavrov', 5)).map((item) => item.headline)).toEqual([SEED_HEADLINE]);

    const outcome = await wired.scheduler.postNow('daily', { date: '2025-04-26' });
    expect(outcome.status).toBe('posted');
    expect(posts.map((post) => post.digest.items.map((item) => item.headline))).toEqual([[SEED_HEADLINE]]);
    expect(await wired.stores.ledger.getDelivery({ channelId: 'daily', date: '2025-04-26' })).toMatchObject({ status: 'posted' });
    expect((await wired.stores.digests.getDigest({ channelId: 'daily' }))?.items.map((item) => item.headline)).toEqual([SEED_HEADLINE]);
    // The commands read the digest as it was posted.
    expect((await wired.context.library.digest('2025-04-26'))?.items).toHaveLength(1);
  });

  it('closes the store once, however often it is closed', async () => {
    const wired = await container([]);
    expect(await wired.store.ping()).toBe(true);
    await Promise.all([wired.close(), wired.close()]);
    await wired.close();
    expect(await wired.store.ping()).toBe(false);
  });
});

describe('createContainer', () => {
  it('refuses a bad config with the field named, before opening the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdigest-container-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = testConfig({
      storage: { sqlitePath: join(dir, 'never.sqlite') },
      channels: [{ id: 'newsroom', platform: 'slack', channel: 'C0123456789' }],
    });
    const error = await createContainer(config, {}, { logger: recordingLogger().logger, origin: 'config/newsroom.yaml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/config\/newsroom\.yaml/);
    expect((error as Error).message).toMatch(/SLACK_BOT_TOKEN/);
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  });
});
