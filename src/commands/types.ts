import type { NewsLibrary } from '../digest/library.js';
import type { Digest, DigestItem } from '../digest/types.js';
import type { Article } from '../article/types.js';
import type { ChannelSetup } from './setup.js';

/**
 * A View is what a command answers with. Each platform renders a View its own way
 * (terminal text, Block Kit, embeds); commands never know which platform asked.
 */
export type ItemPart = 'full' | 'quotes' | 'figures' | 'source';

export type View =
  | { kind: 'digest'; digest: Digest; visibility: Visibility }
  | { kind: 'item'; item: DigestItem; part: ItemPart; visibility: Visibility }
  | { kind: 'notice'; tone: 'info' | 'usage' | 'error'; text: string; visibility: Visibility };

/** `private`: only the caller sees the answer (Slack ephemeral, Discord ephemeral). */
export type Visibility = 'private' | 'channel';

export interface CommandOption {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required: boolean;
  /** Offer suggestions while the user types (Discord autocomplete). */
  autocomplete?: boolean;
  choices?: readonly { name: string; value: string }[];
}

/** Arguments as a platform hands them over (Slack's parsed text, Discord's option values), not yet checked. */
export type CommandArgs = Record<string, string | number | boolean | undefined>;

/** The value one declared option gives its handler: its choices' values, or its type. */
export type OptionValue<Option extends CommandOption> = Option['choices'] extends readonly { value: infer Value }[]
  ? Value
  : Option['type'] extends 'integer'
    ? number
    : Option['type'] extends 'boolean'
      ? boolean
      : string;

/**
 * A handler's arguments, derived from the command's options declared `as const`: a required
 * option is always there, an optional one may be missing.
 */
export type ArgsOf<Options extends readonly CommandOption[]> = {
  [Option in Options[number] as Option['required'] extends true ? Option['name'] : never]: OptionValue<Option>;
} & {
  [Option in Options[number] as Option['required'] extends true ? never : Option['name']]?: OptionValue<Option>;
};

export interface Choice {
  name: string;
  value: string;
}

export interface CommandContext {
  library: NewsLibrary;
  /** Fetches and reads an article page (public addresses only, size and time limits). */
  fetchArticle(url: string): Promise<Article>;
  /** The current time; injected so tests and schedules need no real clock. */
  now(): Date;
  /** Time zone for "today" / "yesterday" (IANA), default UTC. */
  timeZone: string;
  /**
   * The digest channel (its id in the set-up) where the command was typed, as the platform tells:
   * null in a DM or a channel with no digest set up, where `/digest` answers with a hint; undefined
   * where there is no such place (terminal, CLI), which reads any channel's digests.
   */
  digestChannel?: string | null;
  /** The set-up of the chat channel the command was typed in, for `/newsdigest`; undefined outside a chat channel. */
  setup?: ChannelSetup;
}

/**
 * A command, defined once; each platform binds it (slash command, application command, CLI).
 * `Args` are what its handler reads; platforms hand over plain CommandArgs, which `defineCommand`
 * checks against the declared options first.
 */
export interface CommandDefinition<Args = CommandArgs> {
  name: string;
  description: string;
  /** One-line usage shown for empty or unknown arguments, e.g. "/article <number|words>". */
  usage: string;
  options: readonly CommandOption[];
  /**
   * Platforms with native subcommands (Discord) show these, each with its own options; the chosen
   * one arrives as the `subcommand` argument beside its options. Slack reads them from the text.
   */
  subcommands?: readonly { name: string; description: string; options: readonly CommandOption[] }[];
  /** Changes a channel's set-up: Discord offers it by default only to members who can manage channels. */
  managesChannel?: boolean;
  /** Reads the free text of a Slack slash command or terminal line into named arguments. */
  parseText(text: string): CommandArgs;
  run(args: Args, ctx: CommandContext): Promise<View>;
  autocomplete?(option: string, partial: string, ctx: CommandContext): Promise<Choice[]>;
}
