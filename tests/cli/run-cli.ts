import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const cliSource = resolve('src/cli.ts');
// tsx by its full address, so the CLI also runs from folders that have no node_modules.
const tsxLoader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI from its TypeScript source as a user would (tests/package/ checks the compiled
 * bin), with NO_COLOR set and `env` over the test's environment; a failing exit is a result, not a throw.
 */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', tsxLoader, cliSource, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      timeout: options.timeout,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
