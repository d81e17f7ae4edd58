import type { Command } from 'commander';

/** Adds the `slack` subcommands to the CLI. */
export function register(_program: Command): void {}
