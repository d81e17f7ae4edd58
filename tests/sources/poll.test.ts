import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/sources/http.js';
import { itemKeys, pollFeed, readFeedItems, type PollOptions, type PollResult } from '../../src/sources/poll.js';
import { MemoryFeedStateStore } from '../../src/sources/state.js';
import { WebServer } from '../fakes/web-server.js';

interface TestItem {
  guid: string;
  title: string;
  body?: string;
  date?: string;
}

function rss(items: TestItem[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><link>https://town.example/${item.guid}</link><guid isPermaLink="false">${item.guid}</guid>
        ${item.date ? `<pubDate>${item.date}</pubDate>` : ''}${item.body ? `<description><![CDATA[<p>${item.body}</p>]]></description>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Town Crier</title><link>https://town.example/</link>${entries}</channel></rss>`;
}

const first: TestItem[] = [
  { guid: 'c', title: 'Bridge reopens after repairs', body: 'The old bridge reopened on Wednesday.', date: 'Wed, 11 Jun 2025 09:00:00 GMT' },
  { guid: 'b', title: 'Market moves to the square', body: 'The weekly market moves on Saturday.', date: 'Tue, 10 Jun 2025 09:00:00 GMT' },
  { guid: 'a', title: 'Council meets on budget', body: 'Councillors meet to discuss the budget.', date: 'Mon, 09 Jun 2025 09:00:00 GMT' },
];

let web: WebServer;
let client: HttpClient;
let feed: { etag: string; xml: string; status?: number; headers?: Record<string, string> };
let clock: Date;
let store: MemoryFeedStateStore;

const source = { id: 'town', url: '', backfill: 0, pollMinutes: 15 };
const options = (extra: Partial<PollOptions> = {}): PollOptions => ({ client, store, now: () => clock, ...extra });
const titles = (result: PollResult): string[] => (result.status === 'ok' ? result.items.map((item) => item.title) : []);

function serve(items: TestItem[], etag: string): void {
  feed = { etag, xml: rss(items) };
}

beforeAll(async () => {
  web = await WebServer.start();
  client = new HttpClient({ allowLoopback: true, timeoutMs: 5000 });
  source.url = web.url('/feed.xml');
  web.route('/feed.xml', (req, res) => {
    if (feed.status) return void res.writeHead(feed.status, feed.headers).end('trouble');
    if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(feed.xml);
  });
});
afterAll(async () => {
  await client.close();
  await web.close();
});
beforeEach(() => {
  store = new MemoryFeedStateStore();
  clock = new Date('2025-06-11T10:00:00Z');
  web.requests.length = 0;
  serve(first, '"v1"');
});

const later = (minutes: number): void => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe('pollFeed: new items only', () => {
  it('posts nothing old on the first poll, then only what is new; uses a conditional GET', async () => {
    const one = await pollFeed(source, options());
    expect(one).toMatchObject({ status: 'ok', firstPoll: true, items: [], nextPollAt: '2025-06-11T10:15:00.000Z' });

    later(15);
    const two = await pollFeed(source, options());
    expect(two.status).toBe('not-modified');
    expect(web.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');

    later(15);
    serve([{ guid: 'd', title: 'Library wins award', body: 'The library won a national award.' }, ...first], '"v2"');
    const three = await pollFeed(source, options());
    expect(three).toMatchObject({ status: 'ok', firstPoll: false });
    expect(titles(three)).toEqual(['Library wins award']);

    later(15);
    serve([{ guid: 'd', title: 'Library wins award', body: 'The library won a national award.' }, ...first], '"v3"');
    expect(titles(await pollFeed(source, options()))).toEqual([]);
  });

  it('takes the newest N items when the config asks for a backfill', async () => {
    const shuffled = [first[2]!, first[0]!, first[1]!];
    serve(shuffled, '"v1"');
    const result = await pollFeed({ ...source, backfill: 2 }, options());
    expect(titles(result)).toEqual(['Bridge reopens after repairs', 'Market moves to the square']);
    later(15);
    serve(shuffled, '"v1b"');
    expect(titles(await pollFeed({ ...source, backfill: 2 }, options()))).toEqual([]);
  });

  it('knows an item by its content too: a republished story under a new guid is not new, nor an edit under the old guid', async () => {
    await pollFeed(source, options());
    later(15);
    serve(
      [
        { ...first[0]!, guid: 'c-republished' },
        { ...first[1]!, body: 'The weekly market moves on Saturday, organisers confirmed.' },
        { guid: 'e', title: 'Pool opens for summer', body: 'The outdoor pool opens on Friday.' },
        { guid: 'e-copy', title: 'Pool opens for summer', body: 'The outdoor pool opens on Friday.' },
        ...first.slice(2),
      ],
      '"v2"',
    );
    expect(titles(await pollFeed(source, options()))).toEqual(['Pool opens for summer']);
  });

  it('says in skipped which items of a long feed were left out, poll after poll', async () => {
    const many = Array.from({ length: 503 }, (_, i) => ({ guid: `n${i + 1}`, title: `Notice ${i + 1}`, body: `Notice number ${i + 1} was posted.` }));
    serve(many, '"many"');
    const result = await pollFeed({ ...source, backfill: 1 }, options());
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.skipped).toEqual([
      `${source.url} has 503 items, more than the 500 newsdigest reads from one feed: the last 3 (#501 to #503) were left out`,
    ]);
    expect(titles(result)).toEqual(['Notice 1']);
  });

  it('gives each item a guid key and a content key', () => {
    const keys = itemKeys({ guid: 'x', title: 'T', paragraphs: ['Body'], categories: [], textFrom: 'description' });
    expect(keys[0]).toBe('id:x');
    expect(keys[1]).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(itemKeys({ link: 'https://l.example/1', title: 'T', paragraphs: [' body '], categories: [], textFrom: 'description' })[1]).toBe(
      itemKeys({ title: 't', paragraphs: ['BODY'], categories: [], textFrom: 'description' })[0],
    );
  });
});

describe('pollFeed: failures and back-off', () => {
  it('backs off exponentially, persists it, reports the feed once after 3 failures, and recovers', async () => {
    feed.status = 500;
    const results: PollResult[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await pollFeed(source, options());
      results.push(result);
      expect(result.status).toBe('failed');
      clock = new Date(result.nextPollAt);
    }
    const start = Date.parse('2025-06-11T10:00:00Z');
    const waits: number[] = [];
    let at = start;
    for (const result of results) {
      waits.push((Date.parse(result.nextPollAt) - at) / 60_000);
      at = Date.parse(result.nextPollAt);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    const problems = results.map((r) => (r.status === 'failed' ? r.problem : undefined));
    expect(problems.filter(Boolean)).toHaveLength(1);
    expect(problems[2]).toEqual({
      sourceId: 'town',
      url: source.url,
      consecutiveFailures: 3,
      message: `Feed "town" failed 3 polls in a row (${source.url} answered HTTP 500); next try in 2 h.`,
    });
    const state = await store.getFeedState(source.url);
    expect(state).toMatchObject({ consecutiveFailures: 4, lastError: `${source.url} answered HTTP 500`, nextPollAt: results[3]!.nextPollAt });

    feed.status = undefined;
    const back = await pollFeed({ ...source, backfill: 1 }, options());
    // A feed whose first polls all failed still gets its first-poll backfill, and says it works again.
    expect(back).toMatchObject({ status: 'ok', firstPoll: true, recovered: true });
    expect(titles(back)).toEqual(['Bridge reopens after repairs']);
    expect(await store.getFeedState(source.url)).toMatchObject({ consecutiveFailures: 0, etag: '"v1"' });
  });

  it('waits out the back-off without a request, unless forced', async () => {
    feed.status = 503;
    const failed = await pollFeed(source, options());
    const requests = web.requests.length;
    later(5);
    expect(await pollFeed(source, options())).toMatchObject({ status: 'waiting', nextPollAt: failed.nextPollAt });
    expect(web.requests.length).toBe(requests);
    expect((await pollFeed(source, options({ force: true }))).status).toBe('failed');
    expect(web.requests.length).toBe(requests + 1);
  });

  it('honours a longer Retry-After', async () => {
    feed.status = 429;
    feed.headers = { 'retry-after': '7200' };
    const result = await pollFeed(source, options());
    expect(result.nextPollAt).toBe('2025-06-11T12:00:00.000Z');
  });

  it('counts a feed that is not a feed as a failure, with the reason', async () => {
    feed.xml = '<html><body>Moved</body></html>';
    const result = await pollFeed(source, options());
    expect(result).toMatchObject({ status: 'failed', error: `${source.url} is not an RSS, Atom, RDF or JSON feed`, consecutiveFailures: 1 });
  });
});

describe('readFeedItems', () => {
  it('reads items with text, fetches the page for items without, and reports the ones it cannot read', async () => {
    web.route('/story', {
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>Harbour dredging starts</title></head><body><article>${'<p>Dredging of the harbour entrance started on Monday and will take three weeks, the port authority said in a statement.</p>'.repeat(4)}</article></body></html>`,
    });
    const { articles, errors } = await readFeedItems(
      [
        { title: 'With text', paragraphs: ['The feed had the text.'], categories: [], textFrom: 'description', publication: 'Town Crier' },
        { title: 'Harbour dredging starts', link: web.url('/story'), paragraphs: [], categories: [], textFrom: 'none' },
        { title: 'Broken link', link: web.url('/missing'), paragraphs: [], categories: [], textFrom: 'none' },
      ],
      source.url,
      client,
    );
    expect(articles.map((a) => a.title)).toEqual(['With text', 'Harbour dredging starts']);
    expect(articles[0]!.source).toMatchObject({ origin: source.url, publication: 'Town Crier' });
    expect(articles[1]!.text).toContain('Dredging of the harbour entrance');
    expect(errors).toEqual([`${web.url('/missing')} answered HTTP 404`]);
  });
});
