import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type REST,
  type RepliableInteraction,
} from 'discord.js';
import { commands as allCommands, itemPartView as defaultItemPartView } from '../../commands/index.js';
import type { CommandContext, CommandDefinition } from '../../commands/types.js';
import { UserError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { platformsInUse, type Secrets } from '../../config/env.js';
import type { Config } from '../../config/schema.js';
import type { CommandObserver, ContextFor, HttpRoute, PlatformAdapter, PlatformServices, PostedParts, PostOptions, PostResult } from '../types.js';
import type { Digest } from '../../digest/types.js';
import { interactionsRoute } from './http.js';
import {
  createInteractionHandler,
  type DiscordCaller,
  type IncomingInteraction,
  type InteractionHandler,
  type ItemPartView,
  type Responder,
} from './interactions.js';
import { apiVersion, channelLost, createRest, findPostedMessage, findPostedParts, postMessages } from './post.js';
import { renderDigest, renderView, type DiscordMessage } from './render.js';

export interface DiscordPlatformOptions {
  /** DISCORD_TOKEN: the bot token. Never logged. */
  token: string;
  /** DISCORD_APPLICATION_ID. */
  applicationId: string;
  /** DISCORD_PUBLIC_KEY: required in http mode, to verify Discord's signatures. */
  publicKey?: string;
  /** gateway: a websocket connection receives interactions; http: Discord POSTs them to /discord/interactions. */
  mode: 'gateway' | 'http';
  /** DISCORD_API_URL: REST base URL (a proxy or a test double); the gateway URL then comes from its /gateway/bot. */
  apiUrl?: string;
  context: CommandContext;
  /** The context of the channel an interaction came from (default `context` everywhere). */
  contextFor?: ContextFor;
  logger: Logger;
  observe?: CommandObserver;
  /** The command definitions to bind; default the platform-neutral `commands`. */
  commands?: CommandDefinition[];
  itemPartView?: ItemPartView;
  /** Work slower than this is deferred, then edited in (default 1500 ms, inside Discord's 3 s). */
  deferAfterMs?: number;
  /** How long start() waits for the gateway's READY before giving up with a clear error (default 60 s). */
  readyTimeoutMs?: number;
  /** Told when the bot leaves or is removed from a server (GUILD_DELETE) or loses a channel (403/404 posting). */
  channelsGone?(where: { tenant: string } | { channel: string }, reason: string): Promise<void>;
}

export interface DiscordPlatform extends PlatformAdapter {
  readonly platform: 'discord';
  /** The HTTP interactions endpoint in http mode; none in gateway mode. */
  readonly routes: HttpRoute[];
  /** discord.js's REST client (rate limits, retries), shared by posting and answering. */
  readonly rest: REST;
  /** The gateway client in gateway mode (null in http mode). */
  readonly client: Client | null;
}

/**
 * Interactions arrive whatever the intents; Guilds is the one discord.js expects for its
 * channel and guild structures. No privileged intents, no message content.
 */
export const intents = [GatewayIntentBits.Guilds];

/**
 * newsdigest reads nothing from Discord's caches: commands and buttons carry all they need and
 * posting goes straight through REST. So every cache discord.js lets us limit holds nothing,
 * except the bot's own user and member.
 */
function makeCache() {
  const self = <T extends { id: string; client: Client }>(entry: T) => entry.id === entry.client.user?.id;
  return Options.cacheWithLimits({
    ApplicationCommandManager: 0,
    ApplicationEmojiManager: 0,
    AutoModerationRuleManager: 0,
    BaseGuildEmojiManager: 0,
    DMMessageManager: 0,
    EntitlementManager: 0,
    GuildBanManager: 0,
    GuildEmojiManager: 0,
    GuildForumThreadManager: 0,
    GuildInviteManager: 0,
    GuildMemberManager: { maxSize: 0, keepOverLimit: self },
    GuildMessageManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    GuildTextThreadManager: 0,
    MessageManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    StageInstanceManager: 0,
    ThreadManager: 0,
    ThreadMemberManager: 0,
    UserManager: { maxSize: 0, keepOverLimit: self },
    VoiceStateManager: 0,
  });
}

export function createDiscordClient(options: { token: string; apiUrl?: string }): Client {
  const client = new Client({
    intents,
    makeCache: makeCache(),
    // Nothing is cached, so there is nothing to sweep but the odd thread a guild create brings.
    sweepers: { ...Options.DefaultSweeperSettings },
    partials: [],
    allowedMentions: { parse: [] },
    rest: { version: apiVersion, ...(options.apiUrl ? { api: options.apiUrl.replace(/\/+$/, '') } : {}) },
  });
  // Set now so that posting works through this client's REST before (or without) a gateway login.
  client.rest.setToken(options.token);
  return client;
}

function toReplyOptions(message: DiscordMessage) {
  return { content: message.content, embeds: message.embeds, components: message.components, allowedMentions: message.allowed_mentions };
}

const ephemeralFlags = (ephemeral: boolean) => (ephemeral ? MessageFlags.Ephemeral : undefined);

/** Answers through discord.js's interaction methods (reply, deferReply, editReply, followUp, respond). */
function gatewayResponder(interaction: RepliableInteraction | AutocompleteInteraction): Responder {
  const repliable = (): RepliableInteraction => {
    if (interaction.isAutocomplete()) throw new Error('an autocomplete interaction can only answer with choices');
    return interaction;
  };
  return {
    async reply(message, ephemeral) {
      await repliable().reply({ ...toReplyOptions(message), flags: ephemeralFlags(ephemeral) });
    },
    async defer(ephemeral) {
      await repliable().deferReply({ flags: ephemeralFlags(ephemeral) });
    },
    async editReply(message) {
      await repliable().editReply(toReplyOptions(message));
    },
    async followUp(message, ephemeral) {
      await repliable().followUp({ ...toReplyOptions(message), flags: ephemeralFlags(ephemeral) });
    },
    async choices(choices) {
      if (!interaction.isAutocomplete()) throw new Error('only an autocomplete interaction answers with choices');
      await interaction.respond(choices);
    },
  };
}

/** Who sent it, their permissions in the channel and the bot's there (null in a DM). */
function gatewayCaller(interaction: ChatInputCommandInteraction | AutocompleteInteraction): DiscordCaller {
  return {
    id: interaction.user.id,
    canManageChannel: interaction.inGuild()
      ? (interaction.memberPermissions?.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.Administrator]) ?? false)
      : null,
    botCanPost: interaction.inGuild()
      ? interaction.appPermissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks])
      : undefined,
  };
}

function bindGateway(client: Client, handle: InteractionHandler): void {
  client.on(Events.InteractionCreate, (interaction) => {
    let incoming: IncomingInteraction | null = null;
    if (interaction.isChatInputCommand()) {
      // A native subcommand arrives as the `subcommand` argument beside its own options.
      const subcommand = interaction.options.getSubcommand(false);
      const given = subcommand ? (interaction.options.data[0]?.options ?? []) : interaction.options.data;
      const args = Object.fromEntries(given.map((o) => [o.name, o.value]));
      incoming = {
        kind: 'command',
        name: interaction.commandName,
        args: subcommand ? { subcommand, ...args } : args,
        channelId: interaction.channelId,
        guildId: interaction.guildId ?? undefined,
        caller: gatewayCaller(interaction),
      };
    } else if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      incoming = {
        kind: 'autocomplete',
        name: interaction.commandName,
        option: focused.name,
        partial: String(focused.value),
        channelId: interaction.channelId ?? undefined,
        guildId: interaction.guildId ?? undefined,
        caller: gatewayCaller(interaction),
      };
    } else if (interaction.isButton()) {
      incoming = { kind: 'button', customId: interaction.customId, channelId: interaction.channelId, guildId: interaction.guildId ?? undefined };
    }
    if (incoming) void handle(incoming, gatewayResponder(interaction as RepliableInteraction | AutocompleteInteraction));
  });
}

/**
 * Discord for newsdigest: posts digests as embeds to channel ids, and answers /digest, /article,
 * /summary and the digest buttons, over a gateway connection or the HTTP interactions endpoint.
 */
export function createDiscordPlatform(options: DiscordPlatformOptions): DiscordPlatform {
  const { logger } = options;
  const handle = createInteractionHandler({
    commands: options.commands ?? allCommands,
    itemPartView: options.itemPartView ?? defaultItemPartView,
    context: options.context,
    contextFor: options.contextFor,
    logger,
    observe: options.observe,
    deferAfterMs: options.deferAfterMs,
  });
  const client = options.mode === 'gateway' ? createDiscordClient({ token: options.token, apiUrl: options.apiUrl }) : null;
  const rest = client?.rest ?? createRest({ token: options.token, apiUrl: options.apiUrl });
  let routes: HttpRoute[] = [];
  if (options.mode === 'http') {
    if (!options.publicKey)
      throw new UserError('discord.mode is "http" but DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Discord Developer Portal');
    routes = [
      interactionsRoute({
        publicKey: options.publicKey,
        applicationId: options.applicationId,
        rest,
        handle,
        logger,
        now: () => options.context.now(),
      }),
    ];
  }
  if (client) {
    bindGateway(client, handle);
    client.on(Events.Error, (error) => logger.error({ error: error.message }, 'discord client error'));
    client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'discord gateway disconnected'));
    client.on(Events.ShardResume, (shard) => logger.info({ shard }, 'discord gateway resumed'));
    // Only a removal or a leave: discord.js reports a server outage as GuildUnavailable instead.
    client.on(Events.GuildDelete, (guild) => void options.channelsGone?.({ tenant: guild.id }, `the bot was removed from server ${guild.id}`));
  }
  /** A post or notice that failed because the channel is gone pauses it, then fails as before. */
  const pausingLost = async <T>(channel: string, work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (channelLost(error))
        await options.channelsGone?.(
          { channel },
          `the bot cannot reach channel ${channel} (${error instanceof Error ? error.message : String(error)})`,
        );
      throw error;
    }
  };

  return {
    platform: 'discord',
    routes,
    rest,
    client,
    async start() {
      if (!client) return;
      // A gateway that never sends READY must not hold the service's start forever.
      const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 60_000) });
      try {
        // login() itself may wait for the gateway; whichever fails first ends the wait.
        await Promise.all([client.login(options.token), ready]);
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') {
          // Stop the login's reconnect attempts; don't wait on a gateway that isn't answering.
          void client.destroy().catch(() => undefined);
          throw new UserError(
            `Discord accepted the login but the gateway was not ready within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)} s: check the network to Discord${options.apiUrl ? ` and DISCORD_API_URL ${options.apiUrl}` : ''}`,
            { cause: error },
          );
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new UserError(
          `could not connect to Discord: ${reason} (check DISCORD_TOKEN${options.apiUrl ? ` and DISCORD_API_URL ${options.apiUrl}` : ''})`,
          { cause: error },
        );
      }
      logger.info({ user: client.user?.tag, mode: 'gateway' }, 'discord connected');
    },
    async stop() {
      await client?.destroy();
    },
    async close() {
      await client?.destroy();
    },
    async ready() {
      return client ? client.isReady() : true;
    },
    async post(channel: string, digest: Digest, postOptions?: PostOptions): Promise<PostResult> {
      const result = await pausingLost(channel, postMessages(rest, channel, renderDigest(digest), postOptions?.deliveryKey, postOptions));
      logger.info({ channel, messages: result.messageIds.length, date: digest.date }, 'discord digest posted');
      return result;
    },
    async notify(channel: string, text: string): Promise<void> {
      await pausingLost(channel, postMessages(rest, channel, renderView({ kind: 'notice', tone: 'error', text, visibility: 'channel' })));
    },
    async findPosted(channel: string, deliveryKey: string): Promise<string | null> {
      return findPostedMessage(rest, channel, deliveryKey, client?.user?.id);
    },
    async findPostedParts(channel: string, deliveryKey: string): Promise<PostedParts | null> {
      return findPostedParts(rest, channel, deliveryKey, client?.user?.id);
    },
  };
}

/**
 * The Discord platform from the config and the environment, or undefined when this run does not
 * use Discord: no channel posts there and DISCORD_TOKEN and DISCORD_APPLICATION_ID are not both
 * set (the service names missing secrets of a Discord channel before this runs).
 */
export function discordPlatformFromConfig(config: Config, secrets: Secrets, services: PlatformServices): DiscordPlatform | undefined {
  const inUse = platformsInUse(config, secrets).discord;
  if (!inUse && (secrets.discordToken || secrets.discordApplicationId)) {
    // Half the pair set is a set-up step left undone; say which, rather than stay silent.
    const missing = secrets.discordToken ? 'DISCORD_APPLICATION_ID' : 'DISCORD_TOKEN';
    services.logger.warn(
      { platform: 'discord' },
      `discord: not started, ${missing} is not set (both DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed; see docs/discord.md)`,
    );
  }
  if (!inUse || !secrets.discordToken || !secrets.discordApplicationId) return undefined;
  if (!config.channels.some((channel) => channel.platform === 'discord')) {
    services.logger.info({ platform: 'discord' }, 'discord: answering commands; no channel in the config posts digests to Discord');
  }
  return createDiscordPlatform({
    token: secrets.discordToken,
    applicationId: secrets.discordApplicationId,
    publicKey: secrets.discordPublicKey,
    mode: config.discord.mode,
    apiUrl: secrets.discordApiUrl,
    context: services.context,
    contextFor: services.channelContext ? (channelId, caller, guildId) => services.channelContext!('discord', channelId, caller, guildId) : undefined,
    logger: services.logger,
    observe: services.observe,
    channelsGone: services.channelsGone ? (where, reason) => services.channelsGone!('discord', where, reason) : undefined,
  });
}
