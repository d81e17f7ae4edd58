#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { register as registerCore } from './cli/core.js';
import { register as registerSlack } from './cli/slack.js';
import { register as registerDiscord } from './cli/discord.js';
import { register as registerService } from './cli/service.js';
import { register as registerFetch } from './cli/fetch.js';
import { UserError } from './errors.js';

const program = new Command()
  .name('newsdigest')
  .description('Short, trustworthy news digests for Slack, Discord and the terminal.')
  .option('-c, --config <file>', 'configuration file', 'config/default.yaml')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerCore, registerService, registerFetch, registerSlack, registerDiscord]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Problems a user can fix get one plain line; anything else is a bug and keeps its stack.
  if (error instanceof UserError) {
    process.stderr.write(`newsdigest: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
