import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';

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
        { sources: [{ id: 'a', type: 'files', path: 'x' }, { id: 'a', type: 'files', path: 'y' }], channels: [{ id: 'c', platform: 'terminal', channel: 'stdout', sources: ['b'] }] },
        'inline',
      ),
    ).toThrow(/channels\[0\]\.sources\[0\]: names source "b", which is not in "sources"[\s\S]*sources\[1\]\.id: "a" is used twice/);
  });

  it('reports unreadable and unparsable files in one line', () => {
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml does not exist$/);
    expect(() => loadConfig(write('broken.yaml', 'sources: [unclosed'))).toThrow(/broken\.yaml is not valid YAML: /);
    expect(() => loadConfig(write('broken.json', '{"a":'))).toThrow(/broken\.json is not valid JSON: /);
  });
});
