import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, feedItemText, fetchFeed, parseFeedText } from '../../src/sources/feed.js';
import { FetchError, HttpClient } from '../../src/sources/http.js';
import { WebServer } from '../fakes/web-server.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

let web: WebServer;
let client: HttpClient;

beforeAll(async () => {
  web = await WebServer.start();
  client = new HttpClient({ allowLoopback: true, timeoutMs: 5000 });
  web.route('/rss.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: fixture('rss2.xml') });
  web.route('/rdf.xml', { headers: { 'content-type': 'application/rdf+xml' }, body: fixture('rdf.xml') });
  web.route('/atom.xml', { headers: { 'content-type': 'application/atom+xml' }, body: fixture('atom.xml') });
  web.route('/feed.json', { headers: { 'content-type': 'application/feed+json' }, body: fixture('feed.json') });
  web.route('/invalid.xml', { headers: { 'content-type': 'application/xml' }, body: fixture('invalid.xml') });
  web.route('/bomb.xml', { headers: { 'content-type': 'application/xml' }, body: fixture('entity-bomb.xml') });
  web.route('/page.html', { headers: { 'content-type': 'text/html' }, body: fixture('not-a-feed.html') });
});
afterAll(async () => {
  await client.close();
  await web.close();
});

async function feedAt(path: string) {
  const result = await fetchFeed(web.url(path), client);
  if (result.notModified) throw new Error('unexpected 304');
  return result.feed;
}

describe('RSS 2.0', () => {
  it('reads content:encoded as paragraphs, with entities and CDATA decoded and scripts dropped', async () => {
    const feed = await feedAt('/rss.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbor Town Gazette & Courier');
    const [ferry] = feed.items;
    expect(ferry).toMatchObject({
      title: 'Ferry service to Gull Island resumes after storm – council confirms',
      link: 'https://gazette.example/2025/06/ferry-resumes/',
      guid: 'https://gazette.example/?p=1001',
      author: 'Mara Ellison',
      publishedAt: '2025-06-10T06:30:00.000Z',
      categories: ['Transport', 'Local & Regional'],
      publication: 'Harbor Town Gazette & Courier',
      textFrom: 'content',
    });
    expect(ferry!.paragraphs).toEqual([
      'Ferry service between Harbor Town and Gull Island resumed on Tuesday morning, four days after a storm damaged the eastern pier.',
      '“We are glad to have the boats running again,” said council member Ilse Varga. Repairs cost an estimated 2.4 million dollars.',
      'The repaired pier on Monday.',
      'Timetables return to normal next week.',
    ]);
    expect(feedItemText(ferry!)).toBe(`Ferry service to Gull Island resumes after storm – council confirms\n\n${ferry!.paragraphs.join('\n\n')}\n`);
  });

  it('falls back to the escaped description, keeps a bad date as undefined, resolves relative links', async () => {
    const feed = await feedAt('/rss.xml');
    const library = feed.items[1]!;
    expect(library.textFrom).toBe('description');
    expect(library.publishedAt).toBeUndefined();
    expect(library.paragraphs).toEqual([
      'The town library will open until 9 pm on weekdays from July.',
      'Staff say evening visits doubled last winter & demand keeps growing.',
    ]);
    const festival = feed.items[2]!;
    expect(festival).toMatchObject({ link: 'https://gazette.example/2025/06/festival/', textFrom: 'none', paragraphs: [] });
    expect(feedItemText(festival)).toBeNull();
  });

  it('keeps an item without a headline and skips one with nothing in it, saying why', async () => {
    const feed = await feedAt('/rss.xml');
    expect(feed.items).toHaveLength(4);
    expect(feed.items[3]).toMatchObject({ title: '', publishedAt: '2025-06-11T09:00:00.000Z' });
    expect(feed.skipped).toEqual([`item #5 in ${web.url('/rss.xml')} has no title, text or link`]);
  });
});

describe('RSS 1.0 (RDF), Atom and JSON Feed', () => {
  it('reads RDF items with Dublin Core author, date and subject', async () => {
    const feed = await feedAt('/rdf.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      title: 'Engineers begin dam inspection',
      author: 'Tomas Reyes',
      publishedAt: '2025-06-09T06:15:00.000Z',
      categories: ['Infrastructure'],
      publication: 'Valley Daily',
      paragraphs: ['Inspectors started a two-week review of the North Valley dam on Monday.'],
    });
    expect(feed.items[1]).toMatchObject({ publishedAt: undefined, textFrom: 'none' });
  });

  it('reads Atom html, xhtml and text content, the alternate link and bad dates', async () => {
    const feed = await feedAt('/atom.xml');
    expect(feed.format).toBe('atom');
    const [wind, school, plain] = feed.items;
    expect(wind).toMatchObject({
      title: 'Wind farm approved by regional board',
      link: 'https://ledger.example/news/wind-farm-approved',
      guid: 'tag:ledger.example,2025:wind-farm',
      author: 'Priya Nandakumar',
      categories: ['Energy'],
      publishedAt: '2025-06-10T07:00:00.000Z',
      textFrom: 'content',
    });
    expect(wind!.paragraphs).toHaveLength(2);
    expect(school).toMatchObject({
      publishedAt: undefined,
      paragraphs: ['Pupils will return on 8 September.', 'The delay follows building work at three schools.'],
    });
    // type="text" is text: "<tag>" is words, not markup.
    expect(plain).toMatchObject({ title: 'Plain & simple summary', paragraphs: ['Text with a <tag> that is not markup.'], textFrom: 'description' });
  });

  it('reads JSON Feed html, text and summary-only items, with the feed author as fallback', async () => {
    const feed = await feedAt('/feed.json');
    expect(feed.format).toBe('json');
    const [seawall, tides, beach] = feed.items;
    expect(seawall).toMatchObject({ author: 'Dana Whitfield', publishedAt: '2025-06-08T19:00:00.000Z', categories: ['Coast', 'Works'] });
    expect(seawall!.paragraphs).toEqual(['Work on the seawall finished on Friday.', 'The project came in under budget.']);
    expect(tides).toMatchObject({ guid: '502', author: 'Coastline Desk', publishedAt: undefined });
    expect(tides!.paragraphs).toEqual([
      'The harbour office published new tide tables.',
      'They cover the next twelve months & include storm warnings.',
    ]);
    expect(beach).toMatchObject({ textFrom: 'description', paragraphs: ['Volunteers meet at 9 am.'] });
  });
});

describe('feeds that are not feeds', () => {
  it('refuses invalid XML with a clear error naming the feed', async () => {
    const error = await fetchFeed(web.url('/invalid.xml'), client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as Error).message).toBe(`${web.url('/invalid.xml')} is not well-formed XML or JSON`);
  });

  it('refuses an HTML page', async () => {
    await expect(fetchFeed(web.url('/page.html'), client)).rejects.toThrow(`${web.url('/page.html')} is not an RSS, Atom, RDF or JSON feed`);
  });

  it('never expands an entity bomb', async () => {
    const feed = await feedAt('/bomb.xml');
    const item = feed.items[0]!;
    expect(item.title.length).toBeLessThan(100);
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('skips a 10 MB item with its size, keeping the rest', () => {
    const huge = `<p>${'all work and no play '.repeat(500_000)}</p>`;
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>
      <item><title>Huge</title><link>https://big.example/1</link><content:encoded><![CDATA[${huge}]]></content:encoded></item>
      <item><title>Small</title><link>https://big.example/2</link><description>Fine.</description></item></channel></rss>`;
    const feed = parseFeedText(xml, 'https://big.example/feed');
    expect(feed.items.map((item) => item.title)).toEqual(['Small']);
    expect(feed.skipped).toEqual(['item "Huge" in https://big.example/feed is 10 MB, more than the 1 MB limit for one article']);
  });

  it.each([
    [
      'RSS',
      'item',
      (n: number) => `<item><title>Story ${n}</title><link>https://many.example/${n}</link></item>`,
      (body: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${body}</channel></rss>`,
    ],
    [
      'Atom',
      'entry',
      (n: number) => `<entry><title>Story ${n}</title><link href="https://many.example/${n}"/></entry>`,
      (body: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Many</title>${body}</feed>`,
    ],
  ])('says how many %s items past the per-poll cap were left out', (_, _element, item, feed) => {
    const xml = feed(Array.from({ length: 503 }, (_, i) => item(i + 1)).join('\n'));
    const parsed = parseFeedText(xml, 'https://many.example/feed');
    expect(parsed.items).toHaveLength(500);
    expect(parsed.items.at(-1)?.title).toBe('Story 500');
    expect(parsed.skipped).toEqual([
      'https://many.example/feed has 503 items, more than the 500 newsdigest reads from one feed: the last 3 (#501 to #503) were left out',
    ]);
  });

  it('says so for a JSON Feed past the cap too, and for one item past a smaller cap', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: Array.from({ length: 4 }, (_, i) => ({ id: String(i + 1), title: `Story ${i + 1}` })),
    });
    expect(parseFeedText(json, 'https://many.example/feed.json', { maxItems: 3 }).skipped).toEqual([
      'https://many.example/feed.json has 4 items, more than the 3 newsdigest reads from one feed: the last one (#4) was left out',
    ]);
  });

  it.each([
    ['an Atom entry holding only an empty author', 'atom', '<entry><author><name></name></author></entry>'],
    ['an Atom entry with nothing in it', 'atom', '<entry/>'],
    ['an RSS item holding only an empty author', 'rss', '<item><author> </author></item>'],
    ['an empty RSS item', 'rss', '<item></item>'],
    ['a JSON Feed item holding only an empty author', 'json', { authors: [{ name: '' }] }],
    ['an empty JSON Feed item', 'json', {}],
  ] as const)('names %s by its place, and keeps the others numbered as in the feed', (_, format, empty) => {
    const origin = `https://empty.example/${format}`;
    let text: string;
    if (format === 'json') {
      text = JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: '1', title: 'First' }, empty, { id: '3' }, { id: '4', title: 'Fourth' }],
      });
    } else if (format === 'atom') {
      text = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>First</title></entry>${empty as string}<entry><id>urn:3</id></entry><entry><title>Fourth</title></entry></feed>`;
    } else {
      text = `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><item><title>First</title></item>${empty as string}<item><guid>urn:3</guid></item><item><title>Fourth</title></item></channel></rss>`;
    }
    const feed = parseFeedText(text, origin);
    expect(feed.items.map((item) => item.title)).toEqual(['First', 'Fourth']);
    expect(feed.skipped).toEqual([`item #2 in ${origin} has no title, text or link`, `item #3 in ${origin} has no title, text or link`]);
  });

  it('still counts empty items it cannot place', () => {
    // An element newsdigest does not read is not empty to the eye, but gives the item nothing.
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><item><title>First</title></item><item><unknown>text</unknown></item><item></item></channel></rss>`;
    expect(parseFeedText(xml, 'https://odd.example/feed').skipped).toEqual(['2 items in https://odd.example/feed have no title, text or link']);
  });

  it('names a feed asked for with user:pass@ without them, in what it skipped and in the links it resolves', async () => {
    web.route('/private-feed.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><item><title>First</title><link>/stories/1</link></item><item></item></channel></rss>',
    });
    const url = web.url('/private-feed.xml').replace('http://', 'http://reader:hunter2@');
    const result = await fetchFeed(url, client);
    if (result.notModified) throw new Error('unexpected 304');
    expect(result.feed.skipped).toEqual([`item #2 in ${web.url('/private-feed.xml')} has no title, text or link`]);
    expect(result.feed.items[0]?.link).toBe(web.url('/stories/1'));
    expect(JSON.stringify(result.feed)).not.toContain('hunter2');
  });

  it('refuses a 10 MB feed over the fetch limit before parsing it', async () => {
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><item><title>Huge</title><description>${'x'.repeat(10 * 1024 * 1024)}</description></item></channel></rss>`;
    web.route('/big.xml', { headers: { 'content-type': 'application/rss+xml' }, body });
    const error = await fetchFeed(web.url('/big.xml'), client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe(`${web.url('/big.xml')} is 10 MB, more than the 5 MB limit`);
  });

  it('decodes a feed in its declared charset', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9 News</title><item><title>Cr\u00e8me br\u00fbl\u00e9e wins</title><link>https://latin.example/1</link></item></channel></rss>`;
    web.route('/latin1.xml', { headers: { 'content-type': 'application/xml' }, body: Buffer.from(xml, 'latin1') });
    const feed = await feedAt('/latin1.xml');
    expect(feed.title).toBe('Café News');
    expect(feed.items[0]!.title).toBe('Crème brûlée wins');
  });
});
