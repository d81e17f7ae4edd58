import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInConfig, ConfigError, findConfigPath, loadConfig, parseConfig, resolveConfigPaths } from '../../src/config/load.js';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'newsdigest-config-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('config', () => {
  it('loads the shipped default config', () => {
    const config = loadConfig('config/default.yaml');
    expect(config.sources[0]).toEqual({ id: 'seeds', type: 'files', path: 'seeds' });
    expect(config.channels[0]).toMatchObject({ platform: 'terminal', schedule: '0 8 * * *', timeZone: 'Africa/Cairo' });
  });

  it('fills defaults for an empty file', () => {
    const config = parseConfig(null, 'empty.yaml');
    expect(config.summary.sentences).toBe(2);
    expect(config.http.port).toBe(3000);
  });

  it('names every wrong field and what is wrong', () => {
    const path = write(
      'bad.yaml',
      `timeZone: Mars/Olympus
summary: { sentences: 0 }
sources:
  - { id: news, type: feed, url: "ftp://example.com/feed" }
channels:
  - { id: c1, platform: telegram, channel: x, schedule: "61 8 * * *" }
  - { id: c2, platform: slack, channel: C1, timeZone: Europe/Nowhere, sources: [missing] }
colour: blue
`,
    );
    let message = '';
    try {
      loadConfig(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(`${path} is not a valid newsdigest config:`);
    expect(message).toMatch(/timeZone: is not an IANA time zone/);
    expect(message).toMatch(/summary\.sentences: .*>=1/);
    expect(message).toMatch(/sources\[0\]\.url: /);
    expect(message).toMatch(/channels\[0\]\.platform: /);
    expect(message).toMatch(/channels\[0\]\.schedule: "61 8 \* \* \*" is not a cron schedule/);
    expect(message).toMatch(/channels\[1\]\.timeZone: is not an IANA time zone/);
    expect(message).toMatch(/(top level|colour)/);
  });

  it('names a channel source that does not exist and duplicate ids', () => {
    expect(() =>
      parseConfig(
        {
          sources: [
            { id: 'a', type: 'files', path: 'x' },
            { id: 'a', type: 'files', path: 'y' },
          ],
          channels: [{ id: 'c', platform: 'terminal', channel: 'stdout', sources: ['b'] }],
        },
        'inline',
      ),
    ).toThrow(/channels\[0\]\.sources\[0\]: names source "b", which is not in "sources"[\s\S]*sources\[1\]\.id: "a" is used twice/);
  });

  it('keeps ids starting with "chat-" for what is set up from chat', () => {
    expect(() =>
      parseConfig(
        {
          sources: [{ id: 'Chat-wire', type: 'feed', url: 'https://wire.example/rss' }],
          channels: [{ id: 'chat-room', platform: 'terminal', channel: 'stdout' }],
        },
        'inline',
      ),
    ).toThrow(/sources\[0\]\.id: ids starting with "chat-" are kept for what is set up from chat[\s\S]*channels\[0\]\.id: ids starting with "chat-"/);
  });

  it('reports unreadable and unparsable files in one line', () => {
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml does not exist$/);
    expect(() => loadConfig(write('broken.yaml', 'sources: [unclosed'))).toThrow(/broken\.yaml is not valid YAML: /);
    expect(() => loadConfig(write('broken.json', '{"a":'))).toThrow(/broken\.json is not valid JSON: /);
  });
});

describe('where the config comes from', () => {
  it.each([
    { name: 'the file given', given: 'mine.yaml' as string | undefined, present: ['newsdigest.yaml'], expected: 'mine.yaml' },
    { name: 'newsdigest.yaml first', given: undefined, present: ['newsdigest.yaml', 'config/default.yaml'], expected: 'newsdigest.yaml' },
    { name: 'then the project config', given: undefined, present: ['config/default.yaml'], expected: 'config/default.yaml' },
    { name: 'else none (built-in defaults)', given: undefined, present: [] as string[], expected: undefined },
  ])('$name', ({ given, present, expected }) => {
    expect(findConfigPath(given, (path) => present.includes(path))).toBe(expected);
  });

  it('uses the articles/ folder when there is no config file', () => {
    const config = parseConfig(builtInConfig, 'the built-in config');
    expect(config.sources).toEqual([{ id: 'articles', type: 'files', path: 'articles' }]);
  });

  it.each([
    { name: 'a relative folder moves next to the config', path: 'news', expected: join('site', 'news') },
    { name: 'a parent folder too', path: '../seeds', expected: 'seeds' },
    { name: 'an absolute folder stays', path: '/srv/news', expected: '/srv/news' },
  ])('source path: $name', ({ path, expected }) => {
    const value = resolveConfigPaths(
      {
        sources: [
          { id: 'n', type: 'files', path },
          { id: 'f', type: 'feed', url: 'https://news.example/feed' },
        ],
      },
      join('site', 'digest.yaml'),
    );
    expect(value).toEqual({
      sources: [
        { id: 'n', type: 'files', path: expected },
        { id: 'f', type: 'feed', url: 'https://news.example/feed' },
      ],
    });
  });

  it.each([
    { path: 'data/n.sqlite', expected: join('site', 'data', 'n.sqlite') },
    { path: ':memory:', expected: ':memory:' },
    { path: 'file:n?mode=memory', expected: 'file:n?mode=memory' },
  ])('storage.sqlitePath $path', ({ path, expected }) => {
    expect(resolveConfigPaths({ storage: { sqlitePath: path } }, join('site', 'digest.yaml'))).toEqual({ storage: { sqlitePath: expected } });
  });

  it('leaves defaults relative to the working directory', () => {
    const config = loadConfig(write('only-zone.yaml', 'timeZone: Europe/Oslo\n'));
    expect(config.storage.sqlitePath).toBe('data/newsdigest.sqlite');
    expect(config.sources[0]).toMatchObject({ path: 'seeds' });
  });
});
