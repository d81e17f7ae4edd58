import { UserError } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parseYaml, YAMLParseError, type z } from './deps.js';
import { configSchema, type Config } from './schema.js';

/** A configuration problem a user can fix; the CLI prints `message` without a stack trace. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** One line per problem, each naming the field: `channels[0].timeZone: is not an IANA time zone`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  ${describePath(issue.path) || '(top level)'}: ${issue.message}`).join('\n');
}

export function parseConfig(value: unknown, origin: string): Config {
  const result = configSchema.safeParse(value ?? {});
  if (!result.success) {
    throw new ConfigError(`${origin} is not a valid newsdigest config:\n${describeIssues(result.error.issues)}`);
  }
  return result.data;
}

/** Where a config is looked for when `--config` is not given, in this order. */
export const configCandidates = ['newsdigest.yaml', 'config/default.yaml'] as const;

/** Used when no config file exists: one folder of article files, `articles/` (what `init` creates). */
export const builtInConfig = { sources: [{ id: 'articles', type: 'files', path: 'articles' }] } as const;

/** The config file to read: the one given, else the first candidate that exists, else none. */
export function findConfigPath(given?: string, exists: (path: string) => boolean = existsSync): string | undefined {
  return given ?? configCandidates.find((candidate) => exists(candidate));
}

/**
 * A path written in a config file means a place next to that file, wherever newsdigest runs from.
 * Only paths the user wrote are moved; defaults stay relative to the working directory.
 */
export function resolveConfigPaths(value: unknown, configPath: string): unknown {
  if (!isRecord(value)) return value;
  const base = dirname(configPath);
  const relocate = (path: unknown) =>
    typeof path === 'string' && path !== '' && !isAbsolute(path) && path !== ':memory:' && !path.startsWith('file:') ? join(base, path) : path;
  const out: Record<string, unknown> = { ...value };
  if (Array.isArray(value.sources)) {
    out.sources = value.sources.map((source: unknown) =>
      isRecord(source) && source.type === 'files' ? { ...source, path: relocate(source.path) } : source,
    );
  }
  if (isRecord(value.storage)) out.storage = { ...value.storage, sqlitePath: relocate(value.storage.sqlitePath) };
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the config at `path`, or finds one (see `configCandidates`), or uses the built-in defaults. */
export function loadConfig(path?: string): Config {
  const found = findConfigPath(path);
  if (found === undefined) return parseConfig(builtInConfig, 'the built-in config');
  return loadConfigFile(found);
}

function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `config file ${path} does not exist` : `cannot read config file ${path}: ${code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = error instanceof YAMLParseError || error instanceof SyntaxError ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`);
  }
  return parseConfig(resolveConfigPaths(value, path), path);
}
