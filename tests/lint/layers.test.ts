import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules in .dependency-cruiser.cjs, run by dependency-cruiser itself on a small tree with one
 * deliberate back-reference per rule: each must be reported, and the clean files beside them must not.
 */

const repo = resolve(import.meta.dirname, '../..');

/** Files of the small tree: a clean core and edge, then one file per broken rule. */
const cleanTree: Record<string, string> = {
  'src/errors.ts': 'export class UserError extends Error {}\n',
  'src/article/types.ts': 'export interface Article { text: string }\n',
  'src/summarize/index.ts': "import type { Article } from '../article/types.js';\nexport const summarize = (a: Article) => a.text;\n",
  'src/digest/build.ts': "import { summarize } from '../summarize/index.js';\nexport const build = summarize;\n",
  'src/commands/digest.ts':
    "import { build } from '../digest/build.js';\nimport { UserError } from '../errors.js';\nexport const run = [build, UserError];\n",
  'src/sources/files.ts':
    "import { readFileSync } from 'node:fs';\nimport type { Article } from '../article/types.js';\nexport const read = (p: string): Article => ({ text: readFileSync(p, 'utf8') });\n",
  'src/config/schema.ts': "import { UserError } from '../errors.js';\nexport const check = UserError;\n",
  'src/store/sqlite.ts':
    "import Database from 'better-sqlite3';\nimport { build } from '../digest/build.js';\nexport const open = [Database, build];\n",
  'src/platforms/slack/app.ts':
    "import { App } from '@slack/bolt';\nimport { run } from '../../commands/digest.js';\nexport const app = [App, run];\n",
  'src/service/service.ts':
    "import { app } from '../platforms/slack/app.js';\nimport { open } from '../store/sqlite.js';\nexport const service = [app, open];\n",
  'src/cli.ts':
    "import { service } from './service/service.js';\nimport { read } from './sources/files.js';\nimport { check } from './config/schema.js';\nexport const cli = [service, read, check];\n",
  'tests/helper.ts': "import { cli } from '../src/cli.js';\nexport const helper = cli;\n",
};

/** Each rule with a file that breaks it: [rule, file, its text, the module it must name]. */
const backReferences: [rule: string, file: string, text: string, to: string][] = [
  [
    'article-imports-only-inward',
    'src/article/up.ts',
    "import { run } from '../commands/digest.js';\nexport const up = run;\n",
    'src/commands/digest.ts',
  ],
  [
    'summarize-imports-only-inward',
    'src/summarize/up.ts',
    "import { build } from '../digest/build.js';\nexport const up = build;\n",
    'src/digest/build.ts',
  ],
  [
    'digest-imports-only-inward',
    'src/digest/up.ts',
    "import { run } from '../commands/digest.js';\nexport const up = run;\n",
    'src/commands/digest.ts',
  ],
  [
    'commands-imports-only-inward',
    'src/commands/up.ts',
    "import { app } from '../platforms/slack/app.js';\nexport const up = app;\n",
    'src/platforms/slack/app.ts',
  ],
  ['core-does-no-io', 'src/article/disk.ts', "import { readFileSync } from 'node:fs';\nexport const disk = readFileSync;\n", 'fs'],
  ['core-does-no-io', 'src/summarize/net.ts', "import { connect } from 'node:net';\nexport const net = connect;\n", 'net'],
  ['core-does-no-io', 'src/digest/db.ts', "import pg from 'pg';\nexport const db = pg;\n", 'pg'],
  ['core-does-no-io', 'src/commands/fetch.ts', "import { request } from 'undici';\nexport const fetch = request;\n", 'undici'],
  ['core-does-no-io', 'src/commands/discord.ts', "import { Client } from 'discord.js';\nexport const client = Client;\n", 'discord.js'],
  [
    'sources-only-make-articles',
    'src/sources/describe.ts',
    "import { build } from '../digest/build.js';\nexport const describe = build;\n",
    'src/digest/build.ts',
  ],
  [
    'config-stands-alone',
    'src/config/cron.ts',
    "import { service } from '../service/service.js';\nexport const cron = service;\n",
    'src/service/service.ts',
  ],
  [
    'store-does-not-import-what-wires-it',
    'src/store/up.ts',
    "import { app } from '../platforms/slack/app.js';\nexport const up = app;\n",
    'src/platforms/slack/app.ts',
  ],
  [
    'platforms-does-not-import-what-wires-it',
    'src/platforms/up.ts',
    "import { service } from '../service/service.js';\nexport const up = service;\n",
    'src/service/service.ts',
  ],
  [
    'scheduler-does-not-import-what-wires-it',
    'src/scheduler/up.ts',
    "import { service } from '../service/service.js';\nexport const up = service;\n",
    'src/service/service.ts',
  ],
  ['only-the-cli-imports-the-cli', 'src/service/up.ts', "import { cli } from '../cli.js';\nexport const up = cli;\n", 'src/cli.ts'],
  [
    'product-does-not-import-tests-scripts-or-eval',
    'src/service/helper.ts',
    "import { helper } from '../../tests/helper.js';\nexport const up = helper;\n",
    'tests/helper.ts',
  ],
  [
    'product-does-not-import-tests-scripts-or-eval',
    'src/service/score.ts',
    "import { score } from '../../eval/score.js';\nexport const up = score;\n",
    'eval/score.ts',
  ],
  ['no-circular', 'src/store/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n", 'src/store/b.ts'],
];

const extraFiles: Record<string, string> = {
  'eval/score.ts': "import { summarize } from '../src/summarize/index.js';\nexport const score = summarize;\n",
  'src/store/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let dir: string;

/** Runs dependency-cruiser with the project's config on the tree in `dir`; returns what it reports. */
async function cruise(): Promise<Violation[]> {
  const cli = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const args = [cli, 'src', 'tests', 'eval', '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json'];
  // The CLI exits non-zero when it finds violations; the JSON on stdout is what the test reads.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`dependency-cruiser failed: ${error.stderr ?? error}`);
      return { stdout: error.stdout };
    },
  );
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

let violations: Violation[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-layers-'));
  const files = { ...cleanTree, ...extraFiles, ...Object.fromEntries(backReferences.map(([, file, text]) => [file, text])) };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  cpSync(join(repo, 'package.json'), join(dir, 'package.json'));
  cpSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  violations = await cruise();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it.each(backReferences)('%s: reports %s', (rule, file, _text, to) => {
    const found = violations.filter((v) => v.rule.name === rule && v.from === file);
    expect(found.map((v) => v.to.replace(/^.*node_modules\/([^/]+).*$/, '$1'))).toContain(to);
  });

  it('reports nothing else: the clean files and the evaluation code pass', () => {
    const expected = new Set(backReferences.map(([rule, file]) => `${rule} ${file}`));
    expected.add('no-circular src/store/b.ts');
    const unexpected = violations.filter((v) => !expected.has(`${v.rule.name} ${v.from}`));
    expect(unexpected).toEqual([]);
  });
});
