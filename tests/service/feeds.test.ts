import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createService, type Service } from '../../src/service/service.js';
import { plainFeedFailure, sourceName } from '../../src/service/feeds.js';
import { HttpClient } from '../../src/sources/http.js';
import { pollFeed } from '../../src/sources/poll.js';
import { MemoryFeedStateStore } from '../../src/sources/state.js';
import { subscribedEarlier } from '../fakes/chat-channels.js';
import type { RouteHandler } from '../fakes/web-server.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger, sqliteDatabase, TestClock, testConfig, type TestDatabase } from '../scheduler/harness.js';

function rss(items: { title: string; guid: string; body: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Times</title><link>https://valley.example</link>
${items.map((item) => `<item><title>${item.title}</title><guid>${item.guid}</guid><link>https://valley.example/${item.guid}</link><content:encoded><![CDATA[${item.body}]]></content:encoded></item>`).join('\n')}
</channel></rss>`;
}

const FERRY = {
  title: 'Ferry service resumes after storm',
  guid: 'ferry',
  body: '<p>The island ferry resumed service on Thursday after a three-day halt caused by the storm, the operator Blue Line said.</p><p>"Passengers can travel normally again," said Blue Line director Sara Holm.</p>',
};
const MARKET = {
  title: 'Farmers market moves to the harbour',
  guid: 'market',
  body: '<p>The weekly farmers market will move to the harbour square from next month, the council said on Thursday.</p><p>Stall holders welcomed the larger space.</p>',
};

let web: WebServer | undefined;
let db: TestDatabase | undefined;
let service: Service | undefined;
afterEach(async () => {
  await service?.stop();
  await db?.dispose();
  await web?.close();
  service = db = web = undefined;
});

const DAILY = { id: 'daily', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'UTC', sources: ['valley'] } as const;

async function feedService(clock: TestClock, channels: { id: string; sources?: readonly string[] }[] = [DAILY]) {
  web = await WebServer.start();
  db = await sqliteDatabase();
  const printed: string[] = [];
  const stdout = new Writable({
    write: (chunk, _encoding, done) => {
      printed.push(chunk.toString());
      done();
    },
  });
  const { logger, lines } = recordingLogger();
  const config = testConfig({
    sources: [{ id: 'valley', type: 'feed', url: web.url('/feed.xml'), backfill: 5, pollMinutes: 10 }],
    channels: channels.map((channel) => ({ ...DAILY, ...channel })),
  });
  service = await createService(config, {}, { store: await db.open(), clock, logger, cron: false, http: false, stdout, allowLoopbackFetch: true });
  return { printed, lines, service, web };
}

describe('feeds in the service', () => {
  it('stores new feed items and posts them in the channel digest', async () => {
    const clock = new TestClock(new Date('2026-11-27T07:00:00Z'));
    const { printed, service, web } = await feedService(clock);
    web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss([FERRY, MARKET]) });
    await service.ingest();
    clock.advance(60 * 60_000);
    const outcome = await service.postNow('daily');
    expect(outcome).toMatchObject({ status: 'posted' });
    const text = printed.join('');
    expect(text).toContain('Ferry service resumes after storm');
    expect(text).toContain('Farmers market moves to the harbour');
    expect(text).toContain('Valley Times');
  });

  it('tells the channel, the log and the metrics when a feed keeps failing', async () => {
    const clock = new TestClock(new Date('2026-11-27T07:00:00Z'));
    const { printed, lines, service, web } = await feedService(clock);
    web.route('/feed.xml', { status: 503, body: 'down for maintenance' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await service.ingest();
      clock.advance(7 * 60 * 60_000); // past any back-off
    }
    expect(printed.join('')).toMatch(
      /^newsdigest notice: Feed “valley” is failing: the site had an error, 3 times in a row\. newsdigest keeps trying/m,
    );
    // The channel gets plain words; the address and the server's answer stay in the log.
    expect(printed.join('')).not.toMatch(/127\.0\.0\.1|HTTP 503|maintenance/);
    expect(lines.some((line) => line.level === 50 && /^source valley: /.test(line.msg) && line.source === 'valley')).toBe(true);
    expect(await service.metrics.registry.getSingleMetricAsString('newsdigest_feed_failures_total')).toMatch(
      /newsdigest_feed_failures_total\{source="valley"\} 3/,
    );
    // Recovery is announced once.
    web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss([FERRY]) });
    await service.ingest();
    expect(printed.join('')).toMatch(/newsdigest notice: Feed “valley” works again\./);
  });

  it('tells a channel naming no sources about the config file’s failing feeds, never about a feed a tenant subscribed from chat', async () => {
    const clock = new TestClock(new Date('2026-11-27T07:00:00Z'));
    const { printed, service, web } = await feedService(clock, [{ id: 'daily', sources: [] }]);
    web.route('/feed.xml', { status: 503 });
    web.route('/tenant.xml', { status: 503 });
    await subscribedEarlier(
      service.store.stores.chatChannels,
      { platform: 'discord', channel: '1300000000000000400', tenant: '1300000000000000100', sources: [web.url('/tenant.xml')] },
      clock.now(),
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      await service.pollFeeds();
      clock.advance(7 * 60 * 60_000); // past any back-off
    }
    // Both feeds failed three polls in a row; only the config file's is the operator channel's business.
    expect(web.requestsFor('/tenant.xml')).toHaveLength(3);
    const notices = printed.join('').match(/^newsdigest notice: .*$/gm) ?? [];
    expect(notices).toEqual([expect.stringMatching(/^newsdigest notice: Feed “valley” is failing: the site had an error, 3 times in a row/)]);
  });

  it('reads a feed once when several channels reading it are due at the same time', async () => {
    const clock = new TestClock(new Date('2026-11-27T08:00:00Z'));
    const { printed, service, web } = await feedService(clock, [{ id: 'daily' }, { id: 'desk' }, { id: 'newsroom' }]);
    // A feed that takes a moment to answer, so the three digests' reads overlap.
    web.route('/feed.xml', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([FERRY, MARKET]));
    });
    const { runs } = await service.scheduler.sweep();
    expect(runs.map((run) => run.outcome.status)).toEqual(['posted', 'posted', 'posted']);
    expect(web.requests.filter((request) => request.path === '/feed.xml')).toHaveLength(1);
    expect(printed.join('').match(/Ferry service resumes after storm/g)).toHaveLength(3);
  });
});

describe('a failed feed read in plain words', () => {
  const never: RouteHandler = () => undefined;
  const redirectLoop: RouteHandler = (_req, res) => void res.writeHead(302, { location: '/loop.xml' }).end();

  /** What the real client and poller record for each way a feed server on 127.0.0.1 can fail, and what a channel is told of it. */
  it.each<[string, string, string, Parameters<WebServer['route']>[1]]>([
    ['never answers', 'timed out', '/slow.xml', never],
    ['answers 503', 'the site had an error', '/down.xml', { status: 503, body: 'upstream pool 10.0.0.7 exhausted' }],
    ['answers 404', 'the site no longer has it at its address', '/gone.xml', { status: 404 }],
    ['answers 403', 'the site refused access', '/private.xml', { status: 403 }],
    ['answers 429', 'the site asked for fewer requests', '/busy.xml', { status: 429, headers: { 'retry-after': '60' } }],
    [
      'sends a web page',
      'what it sent is not a feed',
      '/page.xml',
      { headers: { 'content-type': 'text/html' }, body: '<html><body><p>Our news</p></body></html>' },
    ],
    [
      'sends broken XML',
      'what it sent is not a feed',
      '/broken.xml',
      { headers: { 'content-type': 'application/rss+xml' }, body: '<rss><channel><title>Cut' },
    ],
    [
      'sends more than the size limit',
      'it was larger than newsdigest reads',
      '/huge.xml',
      { headers: { 'content-type': 'application/rss+xml' }, body: 'x'.repeat(5000) },
    ],
    ['redirects in a loop', 'it redirected too many times', '/loop.xml', redirectLoop],
  ])('a feed that %s reads as “%s”', async (_case, words, path, response) => {
    const web = await WebServer.start();
    const client = new HttpClient({ timeoutMs: 1000, maxBytes: 2000, maxRedirects: 2, allowLoopback: true });
    try {
      web.route(path, response);
      const result = await pollFeed({ id: 'city-news', url: web.url(path) }, { client, store: new MemoryFeedStateStore() });
      expect(result.status).toBe('failed');
      const error = result.status === 'failed' ? result.error : '';
      expect(plainFeedFailure(error)).toBe(words);
    } finally {
      await client.close();
      await web.close();
    }
  });

  it('names no address: a refused loopback address, a closed port, and what no row knows', async () => {
    const web = await WebServer.start();
    const url = web.url('/feed.xml');
    await web.close();
    const guarded = new HttpClient({ timeoutMs: 1000 });
    const loopback = new HttpClient({ timeoutMs: 1000, allowLoopback: true });
    try {
      const refused = await pollFeed({ id: 'internal', url }, { client: guarded, store: new MemoryFeedStateStore() });
      expect(plainFeedFailure(refused.status === 'failed' ? refused.error : '')).toBe('its address is not one newsdigest fetches');
      const closed = await pollFeed({ id: 'closed', url }, { client: loopback, store: new MemoryFeedStateStore() });
      expect(plainFeedFailure(closed.status === 'failed' ? closed.error : '')).toBe('the site refused the connection');
    } finally {
      await guarded.close();
      await loopback.close();
    }
    expect(plainFeedFailure('https://news.example/feed.xml: the host news.example was not found (check the address)')).toBe('its site was not found');
    expect(plainFeedFailure('https://news.example/feed.xml sent its body in an encoding newsdigest cannot read (x-custom)')).toBe(
      'what it sent could not be decoded',
    );
    // Words of the address never count: a path saying "timed out" is not a timeout.
    expect(plainFeedFailure('https://news.example/timed%20out/answered HTTP 503x could not be polled: socket hang up')).toBe(
      'it could not be fetched',
    );
    expect(plainFeedFailure(undefined)).toBe('it could not be fetched');
  });

  it('names a feed by its config id, or a feed subscribed from chat by its site and path', () => {
    expect(sourceName({ id: 'city-news', url: 'http://10.0.0.7/internal/feed.xml' })).toBe('city-news');
    expect(sourceName({ id: 'chat-0123456789abcdef', url: 'https://user:secret@news.example/world.rss?token=abc' })).toBe('news.example/world.rss');
    expect(sourceName({ id: 'chat-0123456789abcdef', url: 'https://news.example/' })).toBe('news.example');
  });
});
