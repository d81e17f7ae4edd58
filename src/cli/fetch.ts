import type { Command } from 'commander';

/** Adds the `fetch` subcommands to the CLI. */
export function register(_program: Command): void {}
