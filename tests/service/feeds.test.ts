import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createService, type Service } from '../../src/service/service.js';
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

async function feedService(clock: TestClock, channels: (typeof DAILY | { id: string })[] = [DAILY]) {
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
    expect(printed.join('')).toMatch(/^newsdigest notice: Feed “valley” is failing: .+/m);
    expect(lines.some((line) => line.level === 50 && /^source valley: /.test(line.msg) && line.source === 'valley')).toBe(true);
    expect(await service.metrics.registry.getSingleMetricAsString('newsdigest_feed_failures_total')).toMatch(
      /newsdigest_feed_failures_total\{source="valley"\} 3/,
    );
    // Recovery is announced once.
    web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss([FERRY]) });
    await service.ingest();
    expect(printed.join('')).toMatch(/newsdigest notice: Feed “valley” works again\./);
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
