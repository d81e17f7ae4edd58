import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { readPage } from '../../src/sources/page.js';
import { htmlToParagraphs } from '../../src/sources/html.js';
import { createService, type Service } from '../../src/service/service.js';
import { RecordingPublisher, type RecordedPost } from '../fakes/recording-publisher.js';
import { WebServer } from '../fakes/web-server.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';

/**
 * Hostile sources read by the running service (feeds and pages served on 127.0.0.1): an
 * entity-expansion bomb, a gzip bomb behind Content-Encoding, deeply nested and malformed HTML.
 * The service stays up, memory stays bounded, and each failure is logged naming the source and
 * its URL with the reason. (The parsers' own unit tests are in tests/sources.)
 */

const MB = 1024 * 1024;
const nested = (depth: number, inner: string) => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;
const story =
  '<h1>Harbour bridge reopens</h1><article><p>The harbour bridge reopened on Friday after six months of repairs, city officials said.</p><p>Traffic is expected to return to normal by Monday, the officials added.</p></article>';
const PAGES: Record<string, string> = {
  // Deeper than real pages nest (see the skipped test below for far deeper).
  '/deep.html': `<html><head><title>Deep</title></head><body>${nested(100, story)}</body></html>`,
  '/malformed.html': `<html><head><title>Broken <b>page</title><body><article><p>The harbour bridge reopened on Friday after six months of repairs, officials said.<p>Traffic <i>returns <b>to normal</i> by Monday.</b></div></span><p attr="unterminated>Third paragraph with a stray &bogus; entity and a <script>alert(1)</p></article></html>`,
  '/tags-only.html': `<html><body>${'<span><em></em></span>'.repeat(10_000)}</body></html>`,
};

let web: WebServer;
let dir: string;
let service: Service;
let posts: RecordedPost[];
let lines: ReturnType<typeof recordingLogger>['lines'];
const clock = new TestClock(new Date('2025-04-26T06:00:00Z'));

beforeAll(async () => {
  web = await WebServer.start();
  web.route('/bomb.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: readFileSync(join(import.meta.dirname, '../sources/fixtures/entity-bomb.xml')),
  });
  // 64 MB of feed-shaped text packed into well under 1 MB.
  const inflated = `<?xml version="1.0"?><rss version="2.0"><channel><title>Zip</title>${'<item><title>again</title></item>'.repeat((64 * MB) / 34)}</channel></rss>`;
  const bomb = gzipSync(inflated, { level: 9 });
  web.route('/gzip-bomb.xml', { headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, body: bomb });
  for (const [path, html] of Object.entries(PAGES)) web.route(path, { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
  web.route('/moved.html', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });

  dir = mkdtempSync(join(tmpdir(), 'newsdigest-hostile-'));
  posts = [];
  const recorded = recordingLogger();
  lines = recorded.lines;
  const config = parseConfig(
    {
      sources: [
        { id: 'laughs', type: 'feed', url: web.url('/bomb.xml'), backfill: 5 },
        { id: 'zipped', type: 'feed', url: web.url('/gzip-bomb.xml'), backfill: 5 },
        { id: 'deep', type: 'page', url: web.url('/deep.html') },
        { id: 'broken', type: 'page', url: web.url('/malformed.html') },
        { id: 'empty', type: 'page', url: web.url('/tags-only.html') },
        { id: 'moved', type: 'page', url: web.url('/moved.html') },
      ],
      channels: [{ id: 'newsroom', platform: 'terminal', channel: 'stdout', schedule: '0 8 * * *', timeZone: 'UTC' }],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      // Reading the 10,000-tag page can hold the event loop for seconds; the feeds' time limit must outlast it.
      fetch: { maxBytes: 2 * MB, timeoutMs: 30_000 },
      scheduler: { catchUpHours: 0 },
    },
    'hostile sources config',
  );
  service = await createService(
    config,
    {},
    {
      clock,
      logger: recorded.logger,
      cron: false,
      http: false,
      allowLoopbackFetch: true,
      publishers: { terminal: new RecordingPublisher(posts) },
    },
  );
  await service.start();
}, 60_000);

afterAll(async () => {
  await service.stop();
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

const warningsOf = (source: string) => lines.filter((l) => l.level >= 40 && l.source === source).map((l) => l.msg);

describe('hostile feeds and pages read by the service', () => {
  it('an entity-expansion bomb is read without expanding it', async () => {
    expect(warningsOf('laughs')).toEqual([]);
    const stored = await service.store.articlesSince(new Date(0), { sourceIds: ['laughs'] });
    expect(stored.length).toBeGreaterThan(0);
    for (const article of stored) {
      expect(article.title.length).toBeLessThan(100);
      expect(article.text.length).toBeLessThan(10_000);
    }
  });

  it('a gzip bomb behind Content-Encoding is cut at the fetch limit, and the log names the source, its URL and the limit', () => {
    expect(warningsOf('zipped')).toEqual([`source zipped: ${web.url('/gzip-bomb.xml')} unpacks to more than the 2 MB limit`]);
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 * MB);
  });

  it('keeps reporting a feed that keeps failing, and after three polls in a row says when it tries next', async () => {
    for (let i = 0; i < 2; i++) {
      clock.advance(24 * 3_600_000); // past any back-off
      await service.ingest();
    }
    const report = lines.find((l) => l.level === 50 && l.source === 'zipped');
    expect(report?.msg).toMatch(/^source zipped: Feed "zipped" failed 3 polls in a row \(.*unpacks to more than the 2 MB limit\); next try in .+\.$/);
  });

  it('deeply nested and malformed HTML pages are read, or refused with their URL, never crashing the service', async () => {
    const [deep] = await service.store.articlesSince(new Date(0), { sourceIds: ['deep'] });
    expect(deep?.text).toContain('The harbour bridge reopened on Friday');
    expect(warningsOf('deep')).toEqual([]);

    const [broken] = await service.store.articlesSince(new Date(0), { sourceIds: ['broken'] });
    expect(broken?.text).toContain('The harbour bridge reopened on Friday');
    expect(broken?.text).not.toContain('alert(1)');

    expect(warningsOf('empty')).toEqual([`source empty: ${web.url('/tags-only.html')} has no article text newsdigest can find`]);
  });

  /**
   * Readability's time grows with the cube of the nesting depth (1,000 deep: ~30 s on the event
   * loop), so the page reader scans the tags first and refuses such a page by its URL; feed
   * content that deep is read as text without a DOM.
   */
  it('the page reader refuses a page nested 1,000 deep, naming it, before parsing it', () => {
    expect(() => readPage(`<html><body>${nested(1000, story)}</body></html>`, 'https://deep.example/a')).toThrow(
      'https://deep.example/a nests elements more than 200 levels deep, more than an article page; newsdigest does not read it',
    );
    expect(() => readPage(`<html><body>${'<span></span>'.repeat(40_000)}</body></html>`, 'https://wide.example/a')).toThrow(
      /wide\.example\/a has more than 30,000 elements/,
    );
  });

  it('reads feed content nested 100,000 deep as text, without a DOM', () => {
    expect(htmlToParagraphs(nested(100_000, '<p>The bridge reopened.</p><p>Traffic flows again.</p>'))).toEqual([
      'The bridge reopened.',
      'Traffic flows again.',
    ]);
  });

  it('a page redirected to the cloud metadata address is refused by the URL it was sent to; only the log says what kind of address', () => {
    expect(warningsOf('moved')).toEqual([
      `source moved: ${web.url('/moved.html')} redirected to http://169.254.169.254/latest/meta-data/: 169.254.169.254 is not a public address; newsdigest only fetches public addresses`,
    ]);
    expect(lines.find((l) => l.msg.startsWith('fetch refused:'))).toMatchObject({
      level: 40,
      url: 'http://169.254.169.254/latest/meta-data/',
      msg: 'fetch refused: 169.254.169.254 is a cloud metadata address: newsdigest only fetches public addresses',
    });
  });

  it('the digest still goes out with what could be read', async () => {
    // The digest of the day the sources were first read.
    expect((await service.postNow('newsroom', { date: '2025-04-26' })).status).toBe('posted');
    expect(posts).toHaveLength(1);
    const headlines = posts[0]!.digest.items.map((item) => item.headline);
    // The bomb's item with its entity left as written; the two bridge pages as one story.
    expect(headlines).toEqual(expect.arrayContaining(['Innocent headline &j;']));
    expect(posts[0]!.digest.items.flatMap((item) => item.sources.map((s) => s.origin)).filter((o) => /deep|malformed/.test(o))).toHaveLength(2);
    expect(headlines.every((headline) => headline.length < 100)).toBe(true);
  });
});
