#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { register as registerCore } from './cli/core.js';
import { register as registerInit } from './cli/init.js';
import { register as registerSlack } from './cli/slack.js';
import { register as registerDiscord } from './cli/discord.js';
import { register as registerService } from './cli/service.js';
import { register as registerFetch } from './cli/fetch.js';
import { register as registerChannels } from './cli/channels.js';
import { loadDotEnv } from './config/dotenv.js';
import { UserError } from './errors.js';

// package.json sits one folder up from both src/cli.ts and the compiled dist/cli.js.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('newsdigest')
  .description('Short, trustworthy news digests for Slack, Discord and the terminal.')
  .version(version, '-V, --version', 'print the version')
  .option('-c, --config <file>', 'configuration file (default: ./newsdigest.yaml, else ./config/default.yaml, else built-in defaults)')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerCore, registerInit, registerService, registerFetch, registerChannels, registerSlack, registerDiscord])
  register(program);

try {
  loadDotEnv();
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
