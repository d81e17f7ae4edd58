import type { Command } from 'commander';
import type { Secrets } from '../config/env.js';
import { UserError } from '../errors.js';

// The environment's checks (zod) load only when a discord command runs, so every other command starts without them.
const loadEnv = () => import('../config/env.js');

async function applicationId(secrets: Secrets): Promise<string> {
  const { SNOWFLAKE } = await loadEnv();
  const id = secrets.discordApplicationId;
  if (!id)
    throw new UserError(
      'DISCORD_APPLICATION_ID is not set: copy the Application ID from the General Information page of your app in the Discord Developer Portal',
    );
  if (!SNOWFLAKE.test(id)) throw new UserError(`DISCORD_APPLICATION_ID "${id}" is not an application id (17 to 20 digits)`);
  return id;
}

/** Adds the `discord` subcommands to the CLI. */
export function register(program: Command): void {
  const discord = program.command('discord').description('set up the Discord bot');

  discord
    .command('register')
    .description('register /digest, /article and /summary with Discord (replaces the commands registered before)')
    .option('--guild <id>', 'register in one server only: shows at once, for testing (default: every server)')
    .option('--clear', 'remove the commands instead (from the server given with --guild, or the global ones)')
    .action(async (options: { guild?: string; clear?: boolean }) => {
      const { readSecrets, SNOWFLAKE } = await loadEnv();
      const secrets = readSecrets();
      const appId = await applicationId(secrets);
      if (!secrets.discordToken)
        throw new UserError('DISCORD_TOKEN is not set: copy the bot token from the Bot page of your app in the Discord Developer Portal');
      if (options.guild !== undefined && !SNOWFLAKE.test(options.guild)) {
        throw new UserError(`--guild "${options.guild}" is not a server id: in Discord, turn on Developer Mode and use "Copy Server ID"`);
      }
      const [{ registerCommands }, { createRest }, { commands }] = await Promise.all([
        import('../platforms/discord/commands.js'),
        import('../platforms/discord/post.js'),
        import('../commands/index.js'),
      ]);
      const rest = createRest({ token: secrets.discordToken, apiUrl: secrets.discordApiUrl });
      const registered = await registerCommands(rest, appId, options.clear ? [] : commands, options.guild);
      if (options.clear) {
        process.stdout.write(options.guild ? `Removed the commands from server ${options.guild}.\n` : 'Removed the global commands.\n');
        return;
      }
      const names = registered.map((command) => `/${command.name}`).join(', ');
      process.stdout.write(
        options.guild ? `Registered ${names} in server ${options.guild}.\n` : `Registered ${names} globally, for every server the bot is in.\n`,
      );
    });

  discord
    .command('invite')
    .description('print the URL that adds the bot to a server, with the scopes and permissions it needs')
    .action(async () => {
      const [{ inviteUrl }, { readSecrets }] = await Promise.all([import('../platforms/discord/commands.js'), loadEnv()]);
      process.stdout.write(`${inviteUrl(await applicationId(readSecrets()))}\n`);
    });
}
