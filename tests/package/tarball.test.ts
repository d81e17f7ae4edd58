import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The npm package on its own: packed as `npm publish` would, installed into an empty folder,
 * then run there with npx, far from this repository's files and node_modules.
 */
const exec = promisify(execFile);
const root = resolve('.');
const { version: packageVersion } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let work: string;
let tarball: string;
let app: string;
/** Why the package could not be installed here (no registry and nothing cached), if it could not. */
let installProblem: string | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'newsdigest-package-'));
  // Pack the current source: rebuild dist/ only when it is missing or older than src/.
  const built = join(root, 'dist', 'cli.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newestSource(join(root, 'src'))) {
    const build = await run(npm, ['run', 'build'], root);
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  const pack = await run(npm, ['pack', '--ignore-scripts', '--pack-destination', work], root);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  tarball = join(work, pack.stdout.trim().split('\n').at(-1)!);

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "newsdigest-tryout", "private": true }\n');
  // From the local npm cache when it holds everything; else the registry may fill the gaps.
  // Install scripts are skipped: only the SQLite driver has one, and these commands never open a database.
  const common = ['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund', tarball];
  let install = await run(npm, [...common, '--offline'], app);
  if (install.code !== 0) install = await run(npm, [...common, '--prefer-offline'], app);
  if (install.code !== 0) {
    installProblem = install.stderr.split('\n').find((line) => line.includes('error')) ?? install.stderr.trim();
    process.stderr.write(
      `tests/package: skipped, the tarball's dependencies could not be installed here (no registry and not in the npm cache): ${installProblem}\n`,
    );
  }
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the compiled CLI, its bin, README and LICENSE, and nothing of tests, CI, Docker or evaluation', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball], work);
    const files = stdout
      .trim()
      .split('\n')
      .map((line) => line.replace(/^package\//, ''));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'bin/newsdigest.js', 'dist/cli.js', 'dist/cli/init.js']));
    expect(
      files.filter((file) =>
        /^(src|tests|scripts|eval|seeds|docs|config|\.ci)\/|^(Dockerfile|compose\.yaml|\.env|tsconfig.*|vitest\.config\.ts)$|^dist\/eval\//.test(
          file,
        ),
      ),
    ).toEqual([]);
  });

  it('runs with npx in an empty folder: --version, init, then preview', async (context) => {
    if (installProblem) context.skip();
    const version = await run('npx', ['--offline', 'newsdigest', '--version'], app);
    expect(version).toMatchObject({ code: 0, stdout: `${packageVersion}\n` });
    const init = await run('npx', ['--offline', 'newsdigest', 'init'], app);
    expect(init.code).toBe(0);
    expect(existsSync(join(app, 'newsdigest.yaml'))).toBe(true);
    const preview = await run('npx', ['--offline', 'newsdigest', 'preview'], app);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('(1 story)');
    expect(preview.stdout).toContain('— Petra Lindqvist');
  }, 120_000);
});
