import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const SEED = 'seeds/000_64716e510a3de195.txt';
// What only the service, the platforms and the config need: a command that needs none of it must not pay for it at start.
const HEAVY = ['zod', 'yaml', '@slack/bolt', '@slack/web-api', 'discord.js', '@discordjs/rest', 'pg', 'better-sqlite3', 'pino', 'node-cron'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-lazy-'));
  // A module resolve hook that writes down every module the process imports, one URL a line, and
  // at exit the CommonJS modules it required (which the hook does not see on every Node).
  writeFileSync(
    join(dir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.NEWSDIGEST_LOADED_FILE, result.url + '\\n');\n  return result;\n}\n",
  );
  writeFileSync(
    join(dir, 'record.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      "import { createRequire, register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`,
      'const required = createRequire(import.meta.url).cache;',
      "process.on('exit', () => appendFileSync(process.env.NEWSDIGEST_LOADED_FILE, Object.keys(required).join('\\n') + '\\n'));",
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from its source and returns the npm packages it loaded. */
async function packagesLoadedBy(args: string[]): Promise<string[]> {
  const loadedFile = join(dir, `${args[0]}.txt`);
  writeFileSync(loadedFile, '');
  await exec(process.execPath, ['--import', 'tsx', '--import', join(dir, 'record.mjs'), 'src/cli.ts', ...args], {
    env: { ...process.env, NO_COLOR: '1', NEWSDIGEST_LOADED_FILE: loadedFile },
  });
  const urls = readFileSync(loadedFile, 'utf8').trim().split('\n');
  const packages = urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []);
  return [...new Set(packages)].sort();
}

describe('start-up loads only what the command needs', () => {
  it('summarize loads the summarizer and none of the config, service or platform packages', { timeout: 60_000 }, async () => {
    const packages = await packagesLoadedBy(['summarize', SEED]);
    // The hook sees the loads: the CLI parser is there. The seed has no doubtful sentence end, so
    // the wink sentence model is never needed.
    expect(packages).toEqual(expect.arrayContaining(['commander', 'entities']));
    expect(packages.filter((name) => [...HEAVY, 'wink-nlp', 'wink-eng-lite-web-model'].includes(name))).toEqual([]);
  });

  it('summarize loads the wink sentence model when an article has a doubtful sentence end', { timeout: 60_000 }, async () => {
    const article = join(dir, 'doubtful.txt');
    writeFileSync(article, 'Council meets\n\nThe council met in the U.S. capital on Monday. Ms Ortega said the bridge would reopen in May.\n');
    const packages = await packagesLoadedBy(['summarize', article]);
    expect(packages).toEqual(expect.arrayContaining(['wink-nlp', 'wink-eng-lite-web-model']));
  });

  it('preview loads the config code but no service or platform packages', { timeout: 60_000 }, async () => {
    const packages = await packagesLoadedBy(['preview']);
    expect(packages).toEqual(expect.arrayContaining(['commander', 'zod', 'yaml']));
    expect(packages.filter((name) => HEAVY.includes(name) && !['zod', 'yaml', 'node-cron'].includes(name))).toEqual([]);
  });

  it('post to a terminal channel from article files loads no platform, PostgreSQL, feed or page-reading package', { timeout: 60_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'newsdigest-lazy-post-'));
    try {
      writeFileSync(join(work, 'today.txt'), 'Harbour wall repaired\n\nWorkers in Lune finished the harbour wall on Monday, the council said.\n');
      writeFileSync(
        join(work, 'newsdigest.yaml'),
        [
          'sources: [{ id: notes, type: files, path: . }]',
          'channels: [{ id: desk, platform: terminal, channel: stdout }]',
          'storage: { sqlitePath: ledger.sqlite }',
          '',
        ].join('\n'),
      );
      const packages = await packagesLoadedBy(['--config', join(work, 'newsdigest.yaml'), 'post', '--channel', 'desk']);
      expect(packages).toContain('pino');
      const unneeded = ['@slack/bolt', '@slack/web-api', 'discord.js', '@discordjs/rest', 'pg', 'feedsmith', 'linkedom', '@mozilla/readability'];
      expect(packages.filter((name) => unneeded.includes(name))).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('--version loads neither the language model nor the config code', { timeout: 60_000 }, async () => {
    const packages = await packagesLoadedBy(['--version']);
    expect(packages).toContain('commander');
    expect(packages.filter((name) => ['wink-nlp', 'wink-eng-lite-web-model', 'entities', ...HEAVY].includes(name))).toEqual([]);
  });
});
