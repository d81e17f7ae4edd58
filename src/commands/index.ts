import { articleCommand, itemPartView } from './article.js';
import { digestCommand } from './digest.js';
import { newsdigestCommand } from './newsdigest.js';
import { summaryCommand } from './summary.js';
import type { CommandDefinition } from './types.js';

export { itemPartView };
export * from './types.js';
export type * from './setup.js';
export { NEWSDIGEST_SUBCOMMANDS } from './newsdigest.js';

/** Every command, defined once; Slack, Discord and the CLI bind these. */
export const commands: CommandDefinition[] = [digestCommand, articleCommand, summaryCommand, newsdigestCommand];

export function findCommand(name: string): CommandDefinition | undefined {
  const bare = name.replace(/^\//, '').toLowerCase();
  return commands.find((command) => command.name === bare);
}
