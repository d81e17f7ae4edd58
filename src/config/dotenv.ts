import { UserError } from '../errors.js';

/**
 * Reads `.env` from the working directory when there is one. Variables already set in the
 * environment win over the file, so a deployment can always override it.
 */
export function loadDotEnv(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // Never echo the file's contents: it holds secrets.
    throw new UserError(`cannot read ${path}: ${code ?? (error as Error).message}`);
  }
}
