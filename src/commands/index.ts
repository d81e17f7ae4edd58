import { articleCommand, itemPartView } from './article.js';
import { digestCommand } from './digest.js';
import { summaryCommand } from './summary.js';
import type { CommandDefinition } from './types.js';

export { itemPartView };
export * from './types.js';

/** Every command, defined once; Slack, Discord and the CLI bind these. */
export const commands: CommandDefinition[] = [digestCommand, articleCommand, summaryCommand];

export function findCommand(name: string): CommandDefinition | undefined {
  const bare = name.replace(/^\//, '').toLowerCase();
  return commands.find((command) => command.name === bare);
}
