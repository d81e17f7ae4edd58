import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { pollOrder, type TenantFeeds } from '../../src/service/feeds.js';
import { chatFeedSource } from '../../src/service/setup.js';
import { createService, type Service } from '../../src/service/service.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { rssFeed } from '../fakes/rss-feed.js';
import { WebServer } from '../fakes/web-server.js';
import { postgresDatabase, recordingLogger, TestClock, type TestDatabase } from '../scheduler/harness.js';
import { subscribedEarlier } from '../fakes/chat-channels.js';

/**
 * Polite polling: a feed read by channels of several tenants is fetched once per interval by one
 * of the replicas ticking together (two services on one PostgreSQL database, the feed on a fake
 * web server), and its items reach every channel; each tenant's feeds take turns within a cap.
 */

const feed = (tenant: string, n: number) => chatFeedSource(`https://${tenant}.example/feed-${n}.xml`);
const group = (tenant: string, count: number, capped = true): TenantFeeds => ({
  tenant,
  feeds: Array.from({ length: count }, (_, i) => feed(tenant, i)),
  capped,
});
const hosts = (order: { url: string }[]) => order.map((f) => new URL(f.url).hostname.split('.')[0]);

describe('the order of a tick’s polls', () => {
  it.each([
    ['tenants take turns, one feed each', [group('a', 3), group('b', 1), group('c', 2)], 0, 10, ['a', 'b', 'c', 'a', 'c', 'a']],
    ['the first turn moves on at each tick', [group('a', 2), group('b', 2)], 1, 10, ['b', 'a', 'b', 'a']],
    [
      'a tenant with many feeds polls its cap, the others all theirs',
      [group('big', 500), group('small', 2)],
      0,
      3,
      ['big', 'small', 'big', 'small', 'big'],
    ],
    [
      'the config file’s feeds are never held back',
      [group('config', 4, false), group('b', 4)],
      0,
      2,
      ['config', 'b', 'config', 'b', 'config', 'config'],
    ],
    ['no feeds, no polls', [], 3, 5, []],
  ])('%s', (_name, groups, turn, perTenant, expected) => {
    expect(hosts(pollOrder(groups, { perTenant, turn }))).toEqual(expected);
  });

  it('polls a feed several tenants read once, in the turn of the first to reach it', () => {
    const shared = chatFeedSource('https://shared.example/feed.xml');
    const order = pollOrder(
      [
        { tenant: 'a', feeds: [shared, feed('a', 0)], capped: true },
        { tenant: 'b', feeds: [shared], capped: true },
      ],
      { perTenant: 5, turn: 0 },
    );
    expect(order.map((f) => f.url)).toEqual([shared.url, feed('a', 0).url]);
  });
});

describe('two replicas on one PostgreSQL database', () => {
  const NORTH = { channel: '1300000000000000200', tenant: '1300000000000000100' };
  const SOUTH = { channel: '1300000000000000201', tenant: '1300000000000000101' };
  let db: TestDatabase;
  let web: WebServer;
  const posts: RecordedPost[] = [];
  const clock = new TestClock(new Date('2026-03-10T06:00:00Z'));
  const replicas: Service[] = [];

  async function replica(): Promise<Service> {
    const service = await createService(
      parseConfig({ sources: [], scheduler: { catchUpHours: 0 } }, 'replicas test config'),
      {},
      {
        store: await db.open(),
        clock,
        logger: recordingLogger().logger,
        cron: false,
        http: false,
        allowLoopbackFetch: true,
        publishers: { discord: new RecordingPublisher(posts) },
      },
    );
    replicas.push(service);
    await service.start();
    return service;
  }

  beforeEach(async () => {
    db = await postgresDatabase();
    web = await WebServer.start();
    web.route('/shared.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed('Coast Wire', {
        title: 'Lighthouse keepers return to Cape Morrow',
        paragraphs: [
          'Keepers returned to the Cape Morrow lighthouse on Tuesday, the coast authority said.',
          'The light had run unattended for ten years.',
        ],
      }),
    });
  });
  afterEach(async () => {
    for (const service of replicas.splice(0)) await service.stop();
    await web.close();
    await db.dispose();
    posts.length = 0;
  });

  it('ticking together, they fetch a feed two servers read once per interval, and both servers’ digests carry its story', async () => {
    const [first, second] = [await replica(), await replica()];
    for (const place of [NORTH, SOUTH]) {
      await subscribedEarlier(
        first.store.stores.chatChannels,
        { platform: 'discord', channel: place.channel, tenant: place.tenant, sources: [web.url('/shared.xml')] },
        clock.now(),
      );
    }

    await Promise.all([first.pollFeeds(), second.pollFeeds()]);
    expect(web.requestsFor('/shared.xml')).toHaveLength(1);
    // Within its interval, neither fetches it again.
    clock.set('2026-03-10T06:10:00Z');
    await Promise.all([first.pollFeeds(), second.pollFeeds()]);
    expect(web.requestsFor('/shared.xml')).toHaveLength(1);
    // The next interval: fetched once more, by one of them.
    clock.set('2026-03-10T06:16:00Z');
    await Promise.all([second.pollFeeds(), first.pollFeeds()]);
    expect(web.requestsFor('/shared.xml')).toHaveLength(2);

    clock.set('2026-03-10T08:01:00Z');
    await Promise.all([first.scheduler.sweep(), second.scheduler.sweep()]);
    expect(posts.map((post) => post.channel).sort()).toEqual([NORTH.channel, SOUTH.channel]);
    for (const post of posts) expect(post.digest.items.map((item) => item.headline)).toEqual(['Lighthouse keepers return to Cape Morrow']);
    // Both digests read their sources first: the feed was due again, and one replica fetched it for both.
    expect(web.requestsFor('/shared.xml')).toHaveLength(3);
  });
});
