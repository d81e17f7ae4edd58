import cron from 'node-cron';

/**
 * A problem with a cron expression in words, or null when node-cron accepts it. The config checks
 * each channel's schedule with it before anything starts; the scheduler checks again when it builds one.
 */
export function scheduleProblem(expression: string): string | null {
  const result = cron.validateDetailed(expression);
  if (result.valid) return null;
  return result.errors.map((e) => e.message).join('; ') || 'is not a cron expression';
}
