import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { starterConfig } from '../../src/cli/init.js';
import { runCli, type CliResult } from './run-cli.js';

/** Runs the CLI from its source in `cwd`, as a user would in a folder of their own. */
function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { cwd, env });
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsdigest-init-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('newsdigest outside the project', () => {
  it('prints its version', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli(dir, ['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('says how to start when there is neither a config nor articles', { timeout: 60_000 }, async () => {
    const { code, stderr } = await cli(dir, ['preview']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'newsdigest: no newsdigest.yaml here and no articles/ folder to preview; run `newsdigest init` to create both, or give --config FILE\n',
    );
  });

  it('init writes a valid commented config and an example article that preview digests', { timeout: 60_000 }, async () => {
    const init = await cli(dir, ['init']);
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, 'newsdigest.yaml'), 'utf8')).toBe(starterConfig);
    expect(parseConfig(parse(starterConfig), 'newsdigest.yaml').sources).toEqual([{ id: 'articles', type: 'files', path: 'articles' }]);
    const preview = await cli(dir, ['preview']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('(1 story)');
    expect(preview.stdout).toContain('Flood barrier holds as river Olvenna reaches record height');
    expect(preview.stdout).toContain('— Petra Lindqvist');
    expect(preview.stdout).toContain('At least 40 people');
  });

  it('init keeps files that exist unless given --force', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'newsdigest.yaml'), 'timeZone: Europe/Oslo\n');
    const refused = await cli(dir, ['init']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('newsdigest: newsdigest.yaml already exists; keep your own, or use --force to overwrite\n');
    expect(readFileSync(join(dir, 'newsdigest.yaml'), 'utf8')).toBe('timeZone: Europe/Oslo\n');
    expect(existsSync(join(dir, 'articles'))).toBe(false);
    const forced = await cli(dir, ['init', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'newsdigest.yaml'), 'utf8')).toBe(starterConfig);
  });

  it('previews articles/ on built-in defaults when there is no config', { timeout: 60_000 }, async () => {
    mkdirSync(join(dir, 'articles'));
    writeFileSync(
      join(dir, 'articles', 'one.txt'),
      'Bridge reopens in Tessaly\n\nThe Tessaly bridge reopened on Friday after a year of repairs, the council said.\n',
    );
    const { code, stdout } = await cli(dir, ['preview']);
    expect(code).toBe(0);
    expect(stdout).toContain('Bridge reopens in Tessaly');
  });

  it('reads a config path relative to the config file, from any working directory', { timeout: 60_000 }, async () => {
    mkdirSync(join(dir, 'site', 'news'), { recursive: true });
    writeFileSync(join(dir, 'site', 'digest.yaml'), 'sources:\n  - { id: news, type: files, path: news }\n');
    writeFileSync(
      join(dir, 'site', 'news', 'one.txt'),
      'Ferry timetable changes in Korsvik\n\nThe Korsvik ferry will run every 40 minutes from Monday, the operator said.\n',
    );
    mkdirSync(join(dir, 'elsewhere'));
    const { code, stdout } = await cli(join(dir, 'elsewhere'), ['--config', '../site/digest.yaml', 'preview']);
    expect(code).toBe(0);
    expect(stdout).toContain('Ferry timetable changes in Korsvik');
  });

  it('reads .env from the working directory, and the environment wins over it', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, '.env'), 'DISCORD_APPLICATION_ID=not-an-id\n');
    const fromFile = await cli(dir, ['discord', 'invite']);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe('newsdigest: DISCORD_APPLICATION_ID "not-an-id" is not an application id (17 to 20 digits)\n');
    const fromEnv = await cli(dir, ['discord', 'invite'], { DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toContain('123456789012345678');
  });
});
