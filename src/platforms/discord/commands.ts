import {
  DiscordAPIError,
  HTTPError,
  InteractionContextType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  SlashCommandBuilder,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import type { CommandDefinition, CommandOption } from '../../commands/types.js';
import { truncate } from './limits.js';
import { UserError } from '../../errors.js';

/** Discord wants 1–100 characters of description. */
const description = (text: string) => truncate(text.trim() || '-', 100);

type OptionBuilder = Pick<SlashCommandBuilder, 'addStringOption' | 'addIntegerOption' | 'addBooleanOption'>;

function addOption(builder: OptionBuilder, option: CommandOption): void {
  const apply = <T extends { setName(n: string): T; setDescription(d: string): T; setRequired(r: boolean): T }>(o: T): T =>
    o.setName(option.name).setDescription(description(option.description)).setRequired(option.required);
  switch (option.type) {
    case 'string':
      builder.addStringOption((o) => {
        apply(o);
        if (option.choices?.length) o.addChoices(...option.choices.slice(0, 25));
        else if (option.autocomplete) o.setAutocomplete(true);
        return o;
      });
      break;
    case 'integer':
      builder.addIntegerOption((o) => {
        apply(o);
        if (option.autocomplete && !option.choices?.length) o.setAutocomplete(true);
        return o;
      });
      break;
    case 'boolean':
      builder.addBooleanOption((o) => apply(o));
      break;
  }
}

/**
 * The platform-neutral command definitions as Discord application commands, built (and so
 * validated) by discord.js's SlashCommandBuilder. Usable in servers and in DMs with the bot.
 */
export function applicationCommands(commands: CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(description(command.description))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
    // Shown by default only to members who can manage channels; each change checks again.
    if (command.managesChannel) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels);
    // Discord requires required options before optional ones.
    const requiredFirst = (options: readonly CommandOption[]) => [...options].sort((a, b) => Number(b.required) - Number(a.required));
    if (command.subcommands?.length) {
      for (const subcommand of command.subcommands) {
        builder.addSubcommand((sub) => {
          sub.setName(subcommand.name).setDescription(description(subcommand.description));
          for (const option of requiredFirst(subcommand.options)) addOption(sub as unknown as OptionBuilder, option);
          return sub;
        });
      }
      return builder.toJSON();
    }
    for (const option of requiredFirst(command.options)) addOption(builder, option);
    return builder.toJSON();
  });
}

/**
 * Replaces the application's commands with these (bulk overwrite). A guild's commands update at
 * once, which suits testing; global ones reach every server the bot is in.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  commands: CommandDefinition[],
  guildId?: string,
): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    return (await rest.put(route, { body: applicationCommands(commands) })) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    throw new UserError(
      `could not register the Discord commands ${guildId ? `in server ${guildId}` : 'globally'}: ${registerFailure(error, guildId)}`,
      { cause: error },
    );
  }
}

function registerFailure(error: unknown, guildId: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord rejected the bot token; check DISCORD_TOKEN';
    if (Number(error.code) === RESTJSONErrorCodes.MissingAccess)
      return `the bot is not in server ${guildId} or was invited without the applications.commands scope; invite it with the URL in docs/discord.md`;
    if (Number(error.code) === RESTJSONErrorCodes.UnknownGuild) return `server ${guildId} does not exist; check the --guild id`;
    if (Number(error.code) === RESTJSONErrorCodes.UnknownApplication) return 'the application does not exist; check DISCORD_APPLICATION_ID';
    return `${error.message} (Discord error ${error.code}, HTTP ${error.status})`;
  }
  if (error instanceof HTTPError) return `Discord failed (HTTP ${error.status}); try again later`;
  return `could not reach Discord: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * What the bot needs in a channel: View Channel, Send Messages and Embed Links to post, and Read
 * Message History so that findPosted can look for a digest already posted (84992).
 */
export const invitePermissions =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory;

/** The URL that adds the bot to a server, with the bot and applications.commands scopes. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: String(invitePermissions) });
  return `https://discord.com/oauth2/authorize?${query}`;
}
