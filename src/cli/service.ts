import type { Command } from 'commander';

/** Adds the `service` subcommands to the CLI. */
export function register(_program: Command): void {}
