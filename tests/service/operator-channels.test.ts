import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createService, type Service } from '../../src/service/service.js';
import { subscribedEarlier } from '../fakes/chat-channels.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { rssFeed } from '../fakes/rss-feed.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';

/**
 * The operator's own channel (in the config file, naming no sources) beside a tenant's channel
 * set up from chat: the operator's digest reads the config file's sources, never the feeds a
 * tenant subscribed; the tenant's reads its own feed, and the config file's feed when it names
 * that URL too (one source, so neither misses an item).
 */

const TENANT_CHANNEL = '1300000000000000400';
const clock = new TestClock(new Date('2026-03-10T06:00:00Z'));
let web: WebServer;
let service: Service;
let dir: string;
const posts: RecordedPost[] = [];

const feed = (outlet: string, title: string) =>
  rssFeed(outlet, { title, paragraphs: [`${title}, officials said on Tuesday.`, 'More details are expected later this week.'] });

beforeEach(async () => {
  web = await WebServer.start();
  web.route('/wire.xml', { headers: { 'content-type': 'application/rss+xml' }, body: feed('Coast Wire', 'Ferry line to Brenna reopens') });
  web.route('/tenant.xml', { headers: { 'content-type': 'application/rss+xml' }, body: feed('Valley Post', 'Orchard growers count frost damage') });
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-operator-'));
  const config = parseConfig(
    {
      sources: [{ id: 'wire', type: 'feed', url: web.url('/wire.xml'), backfill: 5 }],
      channels: [{ id: 'operator', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'UTC' }],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      scheduler: { catchUpHours: 0 },
    },
    'operator channels test config',
  );
  const recorded = new RecordingPublisher(posts);
  service = await createService(
    config,
    {},
    {
      clock,
      logger: recordingLogger().logger,
      cron: false,
      http: false,
      allowLoopbackFetch: true,
      publishers: { terminal: recorded, discord: recorded },
    },
  );
  await service.start();
});

afterEach(async () => {
  await service.stop();
  await web.close();
  rmSync(dir, { recursive: true, force: true });
  posts.length = 0;
});

it('the operator’s channel shows no tenant’s feed; the tenant’s shows its own and the wire it also names', async () => {
  await subscribedEarlier(
    service.store.stores.chatChannels,
    { platform: 'discord', channel: TENANT_CHANNEL, tenant: '1300000000000000100', sources: [web.url('/tenant.xml'), web.url('/wire.xml')] },
    clock.now(),
  );
  await service.pollFeeds();
  // One source per URL: the tick fetched the wire once, not once as the config file's and once as the tenant's.
  expect(web.requestsFor('/wire.xml')).toHaveLength(1);
  clock.set('2026-03-10T08:01:00Z');
  await service.scheduler.sweep();

  const headlines = (channel: string) =>
    posts
      .find((post) => post.channel === channel)
      ?.digest.items.map((item) => item.headline)
      .sort();
  expect(headlines('stdout')).toEqual(['Ferry line to Brenna reopens']);
  expect(headlines(TENANT_CHANNEL)).toEqual(['Ferry line to Brenna reopens', 'Orchard growers count frost damage']);
});
