import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/fetch.js';
import { describeUrl } from '../../src/cli/describe.js';
import { FetchError, HttpClient } from '../../src/sources/http.js';
import { WebServer } from '../fakes/web-server.js';

const fixture = (name: string): string => readFileSync(new URL(`../sources/fixtures/${name}`, import.meta.url), 'utf8');

let web: WebServer;
let client: HttpClient;
beforeAll(async () => {
  web = await WebServer.start();
  client = new HttpClient({ allowLoopback: true, timeoutMs: 5000 });
  web.route('/rss.xml', { headers: { 'content-type': 'application/rss+xml' }, body: fixture('rss2.xml') });
  web.route('/article', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('article.html') });
  web.route('/broken.xml', { headers: { 'content-type': 'application/xml' }, body: fixture('invalid.xml') });
  web.route('/evil.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: '<rss version="2.0"><channel><title>Evil&#x1b;[31m red</title><item><title>Hi &#x1b;[2J there</title><link>https://evil.example/1</link></item></channel></rss>',
  });
});
afterAll(async () => {
  await client.close();
  await web.close();
});

describe('newsdigest fetch', () => {
  it('lists a feed item by item: headline, source, link, and what it skipped', async () => {
    const out = await describeUrl(web.url('/rss.xml'), client);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Harbor Town Gazette & Courier — RSS feed, 4 items');
    expect(lines[1]).toBe(
      '  1. Ferry service to Gull Island resumes after storm – council confirms — Harbor Town Gazette & Courier · Mara Ellison · 2025-06-10',
    );
    expect(lines[2]).toBe('      https://gazette.example/2025/06/ferry-resumes/');
    expect(out).toContain('  3. Harbor festival programme announced — Harbor Town Gazette & Courier (text from the linked page)');
    expect(out).toContain(`  skipped: item #5 in ${web.url('/rss.xml')} has no title, text or link`);
  });

  it('describes an article page by its title, source and paragraph count', async () => {
    const out = await describeUrl(web.url('/article'), client);
    expect(out).toMatch(
      /^Night trains return to the coast line — Riverside Post · Lena Okafor · 2025-06-12\n {2}\d+ paragraphs — http:\/\/127\.0\.0\.1:\d+\/article\n$/,
    );
  });

  it('names a broken feed', async () => {
    await expect(describeUrl(web.url('/broken.xml'), client)).rejects.toThrow(`${web.url('/broken.xml')} is not well-formed XML or JSON`);
  });

  it('never prints terminal control characters from a feed', async () => {
    const out = await describeUrl(web.url('/evil.xml'), client);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Hi [2J there');
  });

  it('runs as a subcommand with the configured limits, refusing loopback unless asked', async () => {
    const program = new Command().option('-c, --config <file>', 'configuration file', 'config/default.yaml').exitOverride();
    register(program);
    await expect(program.parseAsync(['fetch', web.url('/article')], { from: 'user' })).rejects.toBeInstanceOf(FetchError);

    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['fetch', '--allow-loopback', web.url('/rss.xml')], { from: 'user' });
      expect(String(write.mock.calls[0]?.[0])).toMatch(/^Harbor Town Gazette & Courier — RSS feed, 4 items\n/);
    } finally {
      write.mockRestore();
    }
    expect(web.requestsFor('/rss.xml').at(-1)?.headers['user-agent']).toMatch(/^newsdigest\//);
  });

  it('tells the user a name is not public without saying what it resolves to', async () => {
    const program = new Command().option('-c, --config <file>', 'configuration file', 'config/default.yaml').exitOverride();
    register(program);
    const url = `http://localhost:${web.port}/article`;
    const error = await program.parseAsync(['fetch', url], { from: 'user' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe(`${url}: localhost is not a public address; newsdigest only fetches public addresses`);
  });

  it('says how many items of a long feed were left out', async () => {
    const items = Array.from(
      { length: 502 },
      (_, i) => `<item><title>Tide table ${i + 1}</title><link>https://tides.example/${i + 1}</link></item>`,
    ).join('');
    web.route('/long.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: `<rss version="2.0"><channel><title>Tides</title>${items}</channel></rss>`,
    });
    const out = await describeUrl(web.url('/long.xml'), client);
    expect(out.split('\n')[0]).toBe('Tides — RSS feed, 500 items');
    expect(out).toContain(
      `  skipped: ${web.url('/long.xml')} has 502 items, more than the 500 newsdigest reads from one feed: the last 2 (#501 to #502) were left out\n`,
    );
  });
});
