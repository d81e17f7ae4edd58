import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedsOfOpml } from '../../src/sources/opml.js';
import { runCli, type CliResult } from './run-cli.js';

/** Runs the real CLI as an operator would, on a SQLite file of its own. */
function cli(args: string[]): Promise<CliResult> {
  return runCli(['--config', join(dir, 'newsdigest.yaml'), ...args], { env: { DATABASE_URL: '' } });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-channels-'));
  writeFileSync(
    join(dir, 'newsdigest.yaml'),
    [
      'storage:',
      `  sqlitePath: ${join(dir, 'newsdigest.sqlite')}`,
      'sources:',
      '  - { id: gazette, type: feed, url: https://gazette.example/rss.xml }',
      '  - { id: archive, type: files, path: archive }',
      'channels:',
      '  - { id: harbour, platform: slack, channel: C0HARBOUR, schedule: "30 7 * * 1-5", timeZone: Europe/Paris, sources: [gazette] }',
      '',
    ].join('\n'),
  );
  // A reader's export: a folder, a feed twice, and an address that is not public.
  writeFileSync(
    join(dir, 'reader.opml'),
    `<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="Coast"><outline text="Bay Post" type="rss" xmlUrl="https://bay-post.example/feed"/><outline text="Hill Weekly" type="rss" xmlUrl="https://hill-weekly.example/atom.xml"/></outline>
  <outline text="Bay Post again" type="rss" xmlUrl="https://bay-post.example/feed"/>
  <outline text="Router" type="rss" xmlUrl="http://192.168.0.1/feed"/>
</body></opml>
`,
  );
  writeFileSync(join(dir, 'broken.opml'), '<opml version="2.0"><body><outline text="cut off');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts the CLI afresh (a few seconds on a busy machine); a test runs it up to seven times.
describe('newsdigest channels and sources', { timeout: 90_000 }, () => {
  it('channels lists the config file’s channel with its schedule, zone, sources and next run', async () => {
    const { code, stdout } = await cli(['channels']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('harbour  slack C0HARBOUR  (config file)');
    expect(lines[1]).toMatch(/^ {2}schedule: 30 7 \* \* 1-5 {2}zone: Europe\/Paris {2}next run: \d{4}-\d{2}-\d{2} 07:30 Europe\/Paris$/);
    expect(lines[2]).toBe('  sources: gazette (https://gazette.example/rss.xml)');
  });

  it('sources import subscribes a chat channel to each feed once, and says what it skipped', async () => {
    const { code, stdout } = await cli(['sources', 'import', join(dir, 'reader.opml'), '--channel', 'chat-slack-C0BAY']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'subscribed https://bay-post.example/feed',
      'subscribed https://hill-weekly.example/atom.xml',
      'skipped https://bay-post.example/feed: already a source of chat-slack-C0BAY',
      'skipped http://192.168.0.1/feed: 192.168.0.1 is not a public address: newsdigest only reads public sites',
      'chat-slack-C0BAY: 2 feeds added, 2 skipped, 2 in all',
    ]);
    // A second import adds nothing: every feed is already there.
    const again = await cli(['sources', 'import', join(dir, 'reader.opml'), '--channel', 'chat-slack-C0BAY']);
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe('chat-slack-C0BAY: 0 feeds added, 4 skipped, 2 in all');

    const listed = await cli(['channels']);
    expect(listed.stdout).toContain('chat-slack-C0BAY  slack C0BAY  (set up from chat)\n');
    expect(listed.stdout).toMatch(/ {2}schedule: 0 8 \* \* \* {2}zone: UTC {2}next run: \d{4}-\d{2}-\d{2} 08:00 UTC\n/);
    expect(listed.stdout).toContain('  sources: https://bay-post.example/feed, https://hill-weekly.example/atom.xml\n');
  });

  it('sources export prints OPML 2.0 of every feed, or of one channel, that reads back the same', async () => {
    const all = await cli(['sources', 'export']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('<opml version="2.0">');
    expect(feedsOfOpml(all.stdout).map((feed) => feed.xmlUrl)).toEqual([
      'https://gazette.example/rss.xml',
      'https://bay-post.example/feed',
      'https://hill-weekly.example/atom.xml',
    ]);
    const harbour = await cli(['sources', 'export', '--channel', 'harbour']);
    expect(feedsOfOpml(harbour.stdout)).toEqual([{ xmlUrl: 'https://gazette.example/rss.xml', title: 'gazette' }]);
    const bay = await cli(['sources', 'export', '--channel', 'chat-slack-C0BAY']);
    expect(feedsOfOpml(bay.stdout).map((feed) => feed.xmlUrl)).toEqual(['https://bay-post.example/feed', 'https://hill-weekly.example/atom.xml']);
  });

  it('bad input gets one line each and changes nothing', async () => {
    const files = { BROKEN: join(dir, 'broken.opml'), MISSING: join(dir, 'missing.opml'), READER: join(dir, 'reader.opml') };
    const resolve = (text: string) => text.replace(/BROKEN|MISSING|READER/, (name) => files[name as keyof typeof files]);
    const cases: [string[], string][] = [
      [
        ['sources', 'import', 'BROKEN', '--channel', 'chat-slack-C0BAY'],
        'newsdigest: BROKEN is not an OPML file a feed reader exports (<opml><body><outline xmlUrl="…"/>…)\n',
      ],
      [['sources', 'import', 'MISSING', '--channel', 'chat-slack-C0BAY'], 'newsdigest: cannot read MISSING: no such file\n'],
      [['sources', 'import', 'READER', '--channel', 'harbour'], 'newsdigest: "harbour" is managed in the config file: add its sources there\n'],
      [
        ['sources', 'import', 'READER', '--channel', 'C0BAY'],
        'newsdigest: "C0BAY" is not a chat channel: give chat-slack-<channel id> or chat-discord-<channel id> (see `newsdigest channels`)\n',
      ],
      [['sources', 'export', '--channel', 'nowhere'], 'newsdigest: no channel "nowhere": `newsdigest channels` lists them\n'],
    ];
    const before = await cli(['channels']);
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(args.map(resolve));
      expect({ args, code, stdout, stderr }).toEqual({ args, code: 1, stdout: '', stderr: resolve(message) });
    }
    expect((await cli(['channels'])).stdout).toBe(before.stdout);
  });
});
