import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyParagraphs } from '../../src/article/types.js';
import { FetchError, HttpClient } from '../../src/sources/http.js';
import { articleText, extractArticle, htmlToParagraphs, toIsoDate } from '../../src/sources/html.js';
import { feedItemArticle, fetchArticle, PageError, readPage } from '../../src/sources/page.js';
import { parseFeedText, type FeedItem } from '../../src/sources/feed.js';
import { WebServer } from '../fakes/web-server.js';

const articleHtml = readFileSync(new URL('./fixtures/article.html', import.meta.url), 'utf8');

describe('htmlToParagraphs', () => {
  it('keeps blocks apart and collapses whitespace inside them', () => {
    expect(htmlToParagraphs('<p>One &amp;\n  two</p><p>Three <b>bold</b> four</p>Loose<br><br>After<ul><li>a</li><li>b</li></ul>')).toEqual([
      'One & two',
      'Three bold four',
      'Loose',
      'After',
      'a',
      'b',
    ]);
  });

  it('drops scripts, styles and forms', () => {
    expect(htmlToParagraphs('<p>Story</p><script>alert(1)</script><style>p{}</style><form><input value="x"><button>Go</button></form>')).toEqual([
      'Story',
    ]);
  });

  it('reads plain text with entities and blank-line paragraphs', () => {
    expect(htmlToParagraphs('Plain &ldquo;text&rdquo; here.\n\nSecond   para.')).toEqual(['Plain “text” here.', 'Second para.']);
  });

  it('survives deeply nested markup', () => {
    const deep = '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000);
    expect(htmlToParagraphs(deep)).toEqual(['deep text']);
  });
});

describe('extractArticle', () => {
  it('finds the article paragraphs, title, byline, date and site, without the page chrome', () => {
    const page = extractArticle(articleHtml, 'https://post.example/travel/night-trains')!;
    expect(page.title).toBe('Night trains return to the coast line');
    expect(page.byline).toBe('Lena Okafor');
    expect(page.siteName).toBe('Riverside Post');
    expect(page.publishedAt).toBe('2025-06-12T04:45:00.000Z');
    expect(page.paragraphs[0]).toMatch(/^Overnight passenger trains will run again/);
    expect(page.paragraphs).toContain('New carriages');
    expect(page.paragraphs).toContain('Tickets go on sale on 1 August.');
    expect(page.paragraphs).toContain('Prices start at 49 euros for a seat.');
    expect(page.paragraphs).toContain('Journey time: 8 hours 20 minutes');
    const all = page.paragraphs.join('\n');
    for (const chrome of ['cookies', 'Related', 'All rights reserved', 'analytics', 'By Lena Okafor']) expect(all).not.toContain(chrome);
  });

  it('returns null for a page with no article', () => {
    expect(extractArticle('<html><body></body></html>')).toBeNull();
  });
});

describe('articleText and toIsoDate', () => {
  it('writes the plain-text article format', () => {
    expect(articleText('  A  title ', ['One.', 'Two.'])).toBe('A title\n\nOne.\n\nTwo.\n');
  });

  it('reads dates or gives undefined', () => {
    expect(toIsoDate('Tue, 10 Jun 2025 06:30:00 +0000')).toBe('2025-06-10T06:30:00.000Z');
    expect(toIsoDate('32 Foo 2025')).toBeUndefined();
    expect(toIsoDate('0002-01-01T00:00:00Z')).toBeUndefined();
    expect(toIsoDate(undefined)).toBeUndefined();
  });
});

describe('fetchArticle', () => {
  let web: WebServer;
  let client: HttpClient;
  beforeAll(async () => {
    web = await WebServer.start();
    client = new HttpClient({ allowLoopback: true, timeoutMs: 5000 });
    web.route('/night-trains', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: articleHtml });
    web.route('/short-link', { status: 301, headers: { location: '/night-trains' } });
    web.route('/notes.txt', {
      headers: { 'content-type': 'text/plain' },
      body: 'Plain title\n\nFirst paragraph of a plain article.\n\nSecond paragraph.\n',
    });
    web.route('/image.png', { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    web.route('/empty', { headers: { 'content-type': 'text/html' }, body: '<html><body><nav>Home</nav></body></html>' });
  });
  afterAll(async () => {
    await client.close();
    await web.close();
  });

  it('reads a page into an Article with its metadata, following a redirect', async () => {
    const article = await fetchArticle(web.url('/short-link'), { client });
    expect(article.title).toBe('Night trains return to the coast line');
    expect(article.source).toMatchObject({
      origin: web.url('/short-link'),
      url: web.url('/night-trains'),
      author: 'Lena Okafor',
      publishedAt: '2025-06-12T04:45:00.000Z',
      publication: 'Riverside Post',
    });
    const body = bodyParagraphs(article).map((p) => article.text.slice(p.start, p.end));
    expect(body[0]).toMatch(/^Overnight passenger trains/);
    expect(body.length).toBeGreaterThanOrEqual(6);
  });

  it('makes its own client when none is given, and still refuses loopback by default', async () => {
    await expect(fetchArticle(web.url('/night-trains'))).rejects.toBeInstanceOf(FetchError);
    const article = await fetchArticle(web.url('/night-trains'), { allowLoopback: true });
    expect(article.title).toBe('Night trains return to the coast line');
  });

  it('reads text/plain as a plain-text article', async () => {
    const article = await fetchArticle(web.url('/notes.txt'), { client });
    expect(article.title).toBe('Plain title');
    expect(bodyParagraphs(article)).toHaveLength(2);
  });

  it('names a page asked for with user:pass@ without them', async () => {
    const error = await fetchArticle(web.url('/empty').replace('http://', 'http://reader:hunter2@'), { client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageError);
    expect((error as Error).message).toBe(`${web.url('/empty')} has no article text newsdigest can find`);
  });

  it('refuses what is not an article, naming the URL', async () => {
    await expect(fetchArticle(web.url('/image.png'), { client })).rejects.toThrow(
      `${web.url('/image.png')} is image/png, not a web page with an article`,
    );
    const error = await fetchArticle(web.url('/empty'), { client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageError);
    expect((error as Error).message).toBe(`${web.url('/empty')} has no article text newsdigest can find`);
  });

  it('reads a feed item from its own text, or from its linked page when it has none', async () => {
    const base: FeedItem = {
      title: 'Night trains are back',
      categories: [],
      publication: 'Rail Weekly',
      paragraphs: [],
      textFrom: 'none',
      link: web.url('/night-trains'),
    };
    const fromPage = await feedItemArticle(base, 'https://rail.example/feed', client);
    expect(fromPage.title).toBe('Night trains are back');
    expect(fromPage.source).toMatchObject({ origin: 'https://rail.example/feed', publication: 'Rail Weekly', author: 'Lena Okafor' });
    expect(bodyParagraphs(fromPage).length).toBeGreaterThanOrEqual(6);

    const requestsBefore = web.requests.length;
    const own = await feedItemArticle(
      { ...base, paragraphs: ['The feed carried this text.'], textFrom: 'description' },
      'https://rail.example/feed',
      client,
    );
    expect(own.text).toContain('The feed carried this text.');
    expect(web.requests.length).toBe(requestsBefore);

    await expect(feedItemArticle({ ...base, link: undefined }, 'https://rail.example/feed', client)).rejects.toThrow(
      'item "Night trains are back" in https://rail.example/feed has no text and no link to read it from',
    );
  });
});

describe('readPage', () => {
  it('marks figcaption text as a caption, so it is not story text', () => {
    const caption = 'Passengers board the morning ferry at the Gull Island pier on Tuesday.';
    const html = `<html><head><title>Ferry service to Gull Island resumes</title></head><body><article><h1>Ferry service to Gull Island resumes</h1>
      <p>The ferry to Gull Island sailed again on Tuesday after a storm closed the crossing for nine days, the harbour office said.</p>
      <figure><img src="/ferry.jpg" alt=""><figcaption>${caption}</figcaption></figure>
      <p>Captain Idris Vantongeren said the first crossing carried 84 passengers and two supply trucks.</p></article></body></html>`;
    const article = readPage(html, 'https://gazette.example/ferry');
    const roles = article.paragraphs.map((p) => [p.role, article.text.slice(p.start, p.end)]);
    expect(roles).toEqual([
      ['title', 'Ferry service to Gull Island resumes'],
      ['body', 'The ferry to Gull Island sailed again on Tuesday after a storm closed the crossing for nine days, the harbour office said.'],
      ['caption', caption],
      ['body', 'Captain Idris Vantongeren said the first crossing carried 84 passengers and two supply trucks.'],
    ]);
  });
});

describe('feed items with figures', () => {
  it('marks the figcaption in a feed item’s own content as a caption', async () => {
    const caption = 'Volunteers stack sandbags along the Marrow river on Sunday.';
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Courier</title>
      <item><title>Marrow river expected to crest on Monday</title><link>https://courier.example/marrow</link>
      <content:encoded><![CDATA[<p>The Marrow river is expected to crest on Monday, the valley flood office said.</p><figure><img src="/bags.jpg"><figcaption>${caption}</figcaption></figure><p>About 300 homes near the river were asked to prepare to leave.</p>]]></content:encoded></item></channel></rss>`;
    const [item] = parseFeedText(xml, 'https://courier.example/feed').items;
    expect(item?.captions).toEqual([caption]);
    const unused = new HttpClient(); // the item carries its text: nothing is fetched
    const article = await feedItemArticle(item!, 'https://courier.example/feed', unused);
    await unused.close();
    const captions = article.paragraphs.filter((p) => p.role === 'caption').map((p) => article.text.slice(p.start, p.end));
    expect(captions).toEqual([caption]);
    expect(bodyParagraphs(article).map((p) => article.text.slice(p.start, p.end))).toEqual([
      'The Marrow river is expected to crest on Monday, the valley flood office said.',
      'About 300 homes near the river were asked to prepare to leave.',
    ]);
  });
});
