import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type APIApplicationCommandInteractionDataOption,
  type REST,
} from 'discord.js';
import { DISCORD_PUBLIC_KEY_HEX } from '../../config/env.js';
import { UserError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { CommandArgs } from '../../commands/types.js';
import { RecentSignatures } from '../recent-signatures.js';
import type { HttpRoute } from '../types.js';
import type { DiscordCaller, IncomingInteraction, InteractionHandler, Responder } from './interactions.js';
import type { DiscordMessage } from './render.js';

export const interactionsPath = '/discord/interactions';

/** Interactions are small; anything bigger is not from Discord. */
const maxBodyBytes = 256 * 1024;
/** Signed requests older (or newer) than this are refused, so a captured request cannot be replayed later. */
const maxClockSkewSeconds = 5 * 60;

/** A public key as the Developer Portal shows it (64 hex characters) → a Node KeyObject. */
export function discordPublicKey(hex: string): KeyObject {
  // The service checks this before starting; this guards other callers with the same plain words.
  if (!DISCORD_PUBLIC_KEY_HEX.test(hex))
    throw new UserError('DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Discord signs timestamp + body with Ed25519; see "Security and Authorization" in its interactions docs. */
export function verifySignature(key: KeyObject, signatureHex: string, timestamp: string, body: Buffer): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function optionArgs(options: APIApplicationCommandInteractionDataOption[] | undefined): CommandArgs {
  const args: CommandArgs = {};
  for (const option of options ?? []) {
    // A native subcommand arrives as the `subcommand` argument beside its own options.
    if (option.type === ApplicationCommandOptionType.Subcommand) Object.assign(args, { subcommand: option.name }, optionArgs(option.options));
    else if ('value' in option && option.type !== ApplicationCommandOptionType.Attachment)
      args[option.name] = option.value as string | number | boolean;
  }
  return args;
}

/** Manage Channels (1 << 4) or Administrator (1 << 3) in the member's permissions in this channel. */
const MANAGES_CHANNEL = (1n << 4n) | (1n << 3n);
/** View Channel (1 << 10), Send Messages (1 << 11) and Embed Links (1 << 14): what posting a digest needs. */
const POSTS_DIGESTS = (1n << 10n) | (1n << 11n) | (1n << 14n);
const ADMINISTRATOR = 1n << 3n;

function botCanPost(appPermissions: string | undefined): boolean | undefined {
  if (appPermissions === undefined) return undefined;
  const bits = BigInt(appPermissions);
  return (bits & ADMINISTRATOR) !== 0n || (bits & POSTS_DIGESTS) === POSTS_DIGESTS;
}

function readCaller(interaction: APIInteraction): DiscordCaller | undefined {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) return undefined;
  if (!interaction.member) return { id: user.id, canManageChannel: null };
  return {
    id: user.id,
    canManageChannel: (BigInt(interaction.member.permissions) & MANAGES_CHANNEL) !== 0n,
    botCanPost: botCanPost(interaction.app_permissions),
  };
}

/** Reads a raw interaction into the platform-neutral shape; null for kinds newsdigest does not handle. */
export function readInteraction(interaction: APIInteraction): IncomingInteraction | null {
  const read = readKind(interaction);
  if (!read) return null;
  const channelId = interaction.channel?.id ?? interaction.channel_id;
  const guildId = interaction.guild_id;
  return { ...read, ...(channelId ? { channelId } : {}), ...(guildId ? { guildId } : {}), caller: readCaller(interaction) };
}

function readKind(interaction: APIInteraction): IncomingInteraction | null {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      if (interaction.data.type !== ApplicationCommandType.ChatInput) return null;
      return { kind: 'command', name: interaction.data.name, args: optionArgs(interaction.data.options) };
    case InteractionType.ApplicationCommandAutocomplete: {
      // A subcommand's options are one level down.
      const top = interaction.data.options ?? [];
      const options = top[0]?.type === ApplicationCommandOptionType.Subcommand ? (top[0].options ?? []) : top;
      const focused = options.find((o) => 'focused' in o && o.focused);
      if (!focused || !('value' in focused)) return null;
      return { kind: 'autocomplete', name: interaction.data.name, option: focused.name, partial: String(focused.value) };
    }
    case InteractionType.MessageComponent:
      return { kind: 'button', customId: interaction.data.custom_id };
    default:
      return null;
  }
}

function withFlags(message: DiscordMessage, ephemeral: boolean): DiscordMessage & { flags?: number } {
  return ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message;
}

/**
 * Answers over HTTP: the first answer is the HTTP response itself; edits and follow-ups go to the
 * interaction's webhook (which needs no bot token, only the interaction's own token).
 */
function httpResponder(res: ServerResponse, rest: REST, applicationId: string, token: string): Responder {
  return {
    async reply(message, ephemeral) {
      send(res, 200, { type: InteractionResponseType.ChannelMessageWithSource, data: withFlags(message, ephemeral) });
    },
    async defer(ephemeral) {
      send(res, 200, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} });
    },
    async editReply(message) {
      await rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { body: message, auth: false });
    },
    async followUp(message, ephemeral) {
      await rest.post(Routes.webhook(applicationId, token), { body: withFlags(message, ephemeral), auth: false });
    },
    async choices(choices) {
      send(res, 200, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
    },
  };
}

/**
 * `POST /discord/interactions`: Discord's "Interactions Endpoint URL", for running without a
 * gateway connection (serverless). Verifies the Ed25519 signature, answers PING, and hands
 * commands, autocomplete and buttons to the same handler the gateway uses.
 */
export function interactionsRoute(options: {
  publicKey: string;
  applicationId: string;
  rest: REST;
  handle: InteractionHandler;
  logger: Logger;
  now: () => Date;
}): HttpRoute {
  const key = discordPublicKey(options.publicKey);
  const recent = new RecentSignatures(maxClockSkewSeconds);
  return {
    path: interactionsPath,
    method: 'POST',
    async handler(req, res) {
      const signature = String(req.headers['x-signature-ed25519'] ?? '');
      const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
      const body = await readBody(req);
      if (!body) return send(res, 413, { error: 'request body too large' });
      const age = Math.abs(options.now().getTime() / 1000 - Number(timestamp));
      if (!/^\d+$/.test(timestamp) || !(age <= maxClockSkewSeconds) || !verifySignature(key, signature, timestamp, body)) {
        return send(res, 401, { error: 'invalid request signature' });
      }
      // A captured request sent again within the window must not run its command twice.
      if (recent.seen(signature.toLowerCase(), Number(timestamp), Math.floor(options.now().getTime() / 1000))) {
        options.logger.warn({ path: interactionsPath }, 'refused a Discord interaction: replayed request (this signature was already accepted)');
        return send(res, 401, { error: 'replayed request' });
      }
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      if (interaction.type === InteractionType.Ping) return send(res, 200, { type: InteractionResponseType.Pong });
      const incoming = readInteraction(interaction);
      if (!incoming) return send(res, 400, { error: `interaction type ${interaction.type} is not handled` });
      await options.handle(incoming, httpResponder(res, options.rest, options.applicationId, interaction.token));
      // The handler always answers; this only guards against a bug leaving Discord waiting.
      if (!res.headersSent) {
        options.logger.error({ interaction: incoming.kind }, 'discord interaction got no answer');
        send(res, 500, { error: 'no answer' });
      }
    },
  };
}
