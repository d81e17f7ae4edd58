import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from './run-cli.js';
import { museum, strikeCourier, strikeHerald } from '../digest/same-story.fixtures.js';

const SEED = 'seeds/000_64716e510a3de195.txt';

/** Runs the real CLI as a user would. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { env });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'bad.yaml'), 'channels:\n  - { id: x, platform: fax, channel: y }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsdigest CLI', () => {
  it('summarize --json prints one record per article in the evaluation shape', async () => {
    const { code, stdout } = await cli(['summarize', '--json', '--sentences', '3', SEED]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      file: SEED,
      headline: 'Kerry and Lavrov discuss Syria peace talks',
      source: { publication: 'Daily News Egypt', agency: 'AFP' },
    });
    expect(record.summary).toHaveLength(3);
    // The editor's expectation for the seed: all 7 quotes with their speakers, exactly 2 figures.
    const expected = JSON.parse(readFileSync('tests/fixtures/seed.expected.json', 'utf8'));
    expect(record.quotes.map((q: { text: string; speaker: string }) => [q.text, q.speaker])).toEqual(
      expected.quotes.map((q: { text: string; speaker: string }) => [q.text, q.speaker]),
    );
    expect(
      record.casualties.map((f: { count: number; min: number; qualifier: string; kind: string }) => [f.count, f.min, f.qualifier, f.kind]),
    ).toEqual(expected.casualties.map((f: { count: number; min: number; qualifier: string; kind: string }) => [f.count, f.min, f.qualifier, f.kind]));
  });

  it('summarize --json gives each record the story it belongs to among the files of the run', async () => {
    const files = [strikeHerald, museum, strikeCourier].map((article) => {
      const file = join(dir, `${article.id}.txt`);
      writeFileSync(file, `${article.title}\n\n${article.body}\n`);
      return file;
    });
    const { code, stdout } = await cli(['summarize', '--json', ...files]);
    expect(code).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; id: string; story: string });
    expect(records.map((r) => r.file)).toEqual(files);
    // Both strike reports belong to the story led by the first; the museum is a story of its own.
    expect(records.map((r) => r.story)).toEqual([records[0]!.id, records[1]!.id, records[0]!.id]);
    expect(records[0]!.id).not.toBe(records[2]!.id);
  });

  it('reports a bad file in one line and still summarizes the others', async () => {
    const { code, stdout, stderr } = await cli(['summarize', '--json', join(dir, 'empty.txt'), SEED, join(dir, 'missing.txt')]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim().split('\n')).toEqual([
      `newsdigest: ${join(dir, 'empty.txt')} is empty`,
      `newsdigest: ${join(dir, 'missing.txt')} does not exist`,
    ]);
  });

  it('refuses a bad config without a stack trace', async () => {
    const { code, stderr } = await cli(['--config', join(dir, 'bad.yaml'), 'preview']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.yaml is not a valid newsdigest config:\n {2}channels\[0\]\.platform: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("post puts a channel's digest out once through the ledger; a second post says it was posted", async () => {
    const sqlitePath = join(dir, 'post', 'newsdigest.sqlite');
    const config = join(dir, 'post.yaml');
    writeFileSync(
      config,
      [
        `storage: { sqlitePath: ${JSON.stringify(sqlitePath)} }`,
        `sources: [{ id: seeds, type: files, path: ${JSON.stringify(join(process.cwd(), 'seeds'))} }]`,
        'channels: [{ id: desk, platform: terminal, channel: stdout, sources: [seeds] }]',
        '',
      ].join('\n'),
    );
    const first = await cli(['--config', config, 'post', '--channel', 'desk']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Kerry and Lavrov discuss Syria peace talks');
    const again = await cli(['--config', config, 'post', '--channel', 'desk']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('newsdigest: the digest for desk was already posted; use --force to post it again\n');
    expect(again.stdout).not.toContain('Kerry and Lavrov');
  });

  it('run refuses a malformed DISCORD_PUBLIC_KEY or DISCORD_APPLICATION_ID in one line, before opening the database', async () => {
    const sqlitePath = join(dir, 'discord.sqlite');
    const config = join(dir, 'discord.yaml');
    writeFileSync(
      config,
      [
        `storage: { sqlitePath: ${JSON.stringify(sqlitePath)} }`,
        'discord: { mode: http }',
        'channels:',
        '  - { id: community, platform: discord, channel: "123456789012345679" }',
        '',
      ].join('\n'),
    );
    const env = { DISCORD_TOKEN: 'cli-token', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: 'not-a-key', PORT: '0' };
    // Both at once: each child loads the whole service under tsx, seconds on a busy machine.
    const [badKey, badId] = await Promise.all([
      cli(['--config', config, 'run'], env),
      cli(['--config', config, 'run'], { ...env, DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_APPLICATION_ID: '-1' }),
    ]);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toBe(
      `newsdigest: ${config} cannot post digests: DISCORD_PUBLIC_KEY: must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal\n`,
    );
    expect(badId.code).toBe(1);
    expect(badId.stderr).toMatch(
      /^newsdigest: .* cannot post digests: DISCORD_APPLICATION_ID: "-1" is not an application id \(17 to 20 digits\): copy the Application ID/,
    );
    expect(badId.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(sqlitePath)).toBe(false);
  }, 60_000);

  it('preview prints the seed digest without debris', async () => {
    const { code, stdout } = await cli(['preview']);
    expect(code).toBe(0);
    expect(stdout).toContain('Kerry and Lavrov discuss Syria peace talks');
    expect(stdout).toContain('Daily News Egypt / AFP');
    expect(stdout).toMatch(/Top US diplomat John Kerry meets his Russian counterpart Monday/);
    expect(stdout).not.toMatch(/AFP PHOTO|appeared first on|AFP –|attend a meeting dedicated/);
    // The editor's key quotes (at least two, with their speakers) and both figures with "at least".
    const keyQuotes = [
      /“I am confident that he and others will be in Geneva\.[\s\S]*?” — John Kerry/,
      /“If we receive an invitation[\s\S]*?” — Mohammad Javad Zarif/,
      /“This is going to put the Assad regime on the spot[\s\S]*?” — William Hague/,
      /“Assad and his close associates[\s\S]*?” — Friends of Syria group/,
    ];
    expect(keyQuotes.filter((quote) => quote.test(stdout)).length).toBeGreaterThanOrEqual(2);
    expect(stdout).toContain('at least 130,000 people killed');
    expect(stdout).toContain('at least 700 people killed');
  });

  it('rejects a bad --sentences value', async () => {
    const { code, stderr } = await cli(['summarize', '--sentences', 'many', SEED]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/give a whole number from 1 to 10/);
  });
});
