import { writeSync } from 'node:fs';
import { pino, type DestinationStream, type Logger } from 'pino';
import { createColors } from 'picocolors';
import { redactPaths } from './config/env.js';
import { UserError } from './errors.js';

export type { Logger };

export type LogFormat = 'json' | 'pretty';

/**
 * `LOG_FORMAT=json|pretty`; without it, pretty on a terminal and JSON everywhere else
 * (services, containers, pipes), so log collectors always get one JSON object a line.
 */
export function logFormat(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stderr.isTTY)): LogFormat {
  const value = env.LOG_FORMAT?.trim().toLowerCase();
  if (!value) return isTerminal ? 'pretty' : 'json';
  if (value === 'json' || value === 'pretty') return value;
  throw new UserError(`LOG_FORMAT must be "json" or "pretty", not "${env.LOG_FORMAT}"`);
}

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields every pino line carries; the pretty line shows them in its own way or not at all. */
const shownApart = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'err']);

function showValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One pino JSON line as one readable line: `08:00:01.250 WARN  message key=value …`.
 * An error's stack follows on indented lines, since that is what a person needs to act on it.
 */
export function prettyLine(json: string, color = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const c = createColors(color);
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const levelName = (levelNames[level] ?? String(level)).padEnd(5);
  const paint = level >= 50 ? c.red : level >= 40 ? c.yellow : level >= 30 ? c.green : c.dim;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !shownApart.has(key))
    .map(([key, value]) => `${c.dim(`${key}=`)}${showValue(value)}`);
  const err = entry.err as { message?: string; stack?: string } | undefined;
  if (err?.message) fields.push(`${c.dim('err=')}${showValue(err.message)}`);
  const line = [c.dim(time), paint(levelName), String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ');
  const stack =
    level >= 50 && err?.stack
      ? `\n${err.stack
          .split('\n')
          .slice(1)
          .map((frame) => `    ${frame.trim()}`)
          .join('\n')}`
      : '';
  return `${line}${stack}\n`;
}

/** Writes straight to stderr: synchronous, so nothing is lost when the process exits. */
const writeStderr = (text: string) => void writeSync(2, text);

/** A destination that prints each line pretty, in this thread (no transport worker to start). */
function prettyDestination(write: (text: string) => void, color: boolean): DestinationStream {
  return { write: (json: string) => write(prettyLine(json.trimEnd(), color)) };
}

/** Logs on stderr (stdout stays free for digests and --json output), JSON or pretty (see `logFormat`). */
export function createLogger(options: { level?: string; name?: string; format?: LogFormat; write?: (text: string) => void } = {}): Logger {
  const format = options.format ?? logFormat();
  const color = format === 'pretty' && !options.write && Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  const write = options.write ?? writeStderr;
  return pino(
    {
      name: options.name ?? 'newsdigest',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    format === 'pretty' ? prettyDestination(write, color) : options.write ? { write } : pino.destination(2),
  );
}

/** A logger that drops everything, for tests and quiet CLI runs. */
export const silentLogger: Logger = pino({ level: 'silent' });
