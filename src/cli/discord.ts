import type { Command } from 'commander';

/** Adds the `discord` subcommands to the CLI. */
export function register(_program: Command): void {}
