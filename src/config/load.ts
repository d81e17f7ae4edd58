import { UserError } from '../errors.js';
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
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

export function loadConfig(path: string): Config {
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
  return parseConfig(value, path);
}
