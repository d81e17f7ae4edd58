import { TIMED_OUT, within } from '../../timing.js';
import type { Logger } from '../../log.js';
import type { Choice, CommandArgs, CommandContext, CommandDefinition, ItemPart, View } from '../../commands/types.js';
import type { Caller, CommandObserver, ContextFor } from '../types.js';
import { MessageLimits, truncate } from './limits.js';
import { decodeStoryButton } from '../../commands/buttons.js';
import { renderView, type DiscordMessage } from './render.js';

/**
 * An interaction, read the same way from a gateway dispatch and an HTTP request; `channelId` is
 * where it happened (a server channel or a DM), when Discord says, and `guildId` the server it
 * happened in (none in a DM): the tenant whose channels the answer reads.
 */
export type IncomingInteraction = (
  | { kind: 'command'; name: string; args: CommandArgs }
  | { kind: 'autocomplete'; name: string; option: string; partial: string }
  | { kind: 'button'; customId: string }
) & { channelId?: string; guildId?: string; caller?: DiscordCaller };

/** Who sent an interaction: their id and, in a server, whether they may manage the channel (null in a DM). */
export interface DiscordCaller {
  id: string;
  canManageChannel: boolean | null;
  /** Whether the bot may view, send and embed in the channel (the interaction's app permissions); undefined when not told. */
  botCanPost?: boolean;
}

/** A Discord member as a caller: Manage Channels in that channel (or Administrator) allows set-up changes. */
function asCaller(caller: DiscordCaller): Caller {
  return {
    id: caller.id,
    async refusal() {
      if (caller.canManageChannel === null) return 'A direct message has no digest to set up; type /newsdigest in a server channel.';
      return caller.canManageChannel
        ? null
        : 'Only members who can manage this channel (Manage Channels) can change its digest; /newsdigest status shows it to everyone.';
    },
    async postingProblem() {
      return caller.botCanPost === false
        ? 'newsdigest cannot post in this channel: give its role View Channel, Send Messages and Embed Links here, then try again.'
        : null;
    },
  };
}

/**
 * How an answer reaches Discord. The gateway answers through discord.js's interaction methods,
 * the HTTP endpoint through its HTTP response and the interaction webhook.
 */
export interface Responder {
  /** The first answer, within Discord's 3 seconds. */
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  /** "Thinking…" now; the answer follows through editReply. */
  defer(ephemeral: boolean): Promise<void>;
  editReply(message: DiscordMessage): Promise<void>;
  followUp(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  choices(choices: Choice[]): Promise<void>;
}

/** Opens one part of a story (the buttons under a digest); the platform-neutral commands provide it. */
export type ItemPartView = (ctx: CommandContext, itemId: string, part: ItemPart) => Promise<View>;

export interface InteractionHandlerOptions {
  commands: CommandDefinition[];
  itemPartView: ItemPartView;
  context: CommandContext;
  /** The context of the channel an interaction came from; default `context` everywhere. */
  contextFor?: ContextFor;
  logger: Logger;
  observe?: CommandObserver;
  /**
   * Work that takes longer than this is deferred ("thinking…") and the answer edited in after;
   * well inside Discord's 3 seconds, leaving time for the round trip.
   */
  deferAfterMs?: number;
}

export type InteractionHandler = (interaction: IncomingInteraction, responder: Responder) => Promise<void>;

const defaultDeferAfterMs = 1500;

function notice(text: string): View {
  return { kind: 'notice', tone: 'error', text, visibility: 'private' };
}

/** Autocomplete answers within Discord's limits: 25 choices, names and values of at most 100 characters. */
export function toDiscordChoices(choices: Choice[]): Choice[] {
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= MessageLimits.choiceValue)
    .slice(0, MessageLimits.choices)
    .map((c) => ({ name: truncate(c.name.trim() || c.value, MessageLimits.choiceName), value: c.value }));
}

/**
 * Binds the platform-neutral commands to Discord interactions: slash commands, autocomplete and
 * the Quotes / Figures / Source buttons. Answers are ephemeral unless the command's View says
 * otherwise; slow work is deferred and edited in, long digests continue in follow-ups.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const byName = new Map(options.commands.map((c) => [c.name, c]));
  const deferAfterMs = options.deferAfterMs ?? defaultDeferAfterMs;
  const { logger } = options;
  const contextIn = (interaction: IncomingInteraction) =>
    options.contextFor?.(interaction.channelId, interaction.caller ? asCaller(interaction.caller) : undefined, interaction.guildId) ??
    options.context;

  async function viewFor(interaction: Exclude<IncomingInteraction, { kind: 'autocomplete' }>): Promise<{ view: View; ok: boolean }> {
    try {
      if (interaction.kind === 'command') {
        const command = byName.get(interaction.name);
        if (!command)
          return { view: notice(`/${interaction.name} is not a newsdigest command: run "newsdigest discord register" again.`), ok: false };
        return { view: await command.run(interaction.args, contextIn(interaction)), ok: true };
      }
      const button = decodeStoryButton(interaction.customId);
      if (!button) return { view: notice('This button is not from newsdigest, or from an older version of it.'), ok: false };
      return { view: await options.itemPartView(contextIn(interaction), button.itemId, button.part), ok: true };
    } catch (error) {
      logger.error(
        { err: error, interaction: interaction.kind === 'command' ? interaction.name : interaction.customId },
        'discord interaction failed',
      );
      return { view: notice('Something went wrong while answering; the error was logged.'), ok: false };
    }
  }

  async function answer(interaction: Exclude<IncomingInteraction, { kind: 'autocomplete' }>, responder: Responder): Promise<boolean> {
    const work = viewFor(interaction);
    const quick = await within(work, deferAfterMs);
    if (quick !== TIMED_OUT) {
      const ephemeral = quick.view.visibility !== 'channel';
      const [first, ...rest] = renderView(quick.view);
      await responder.reply(first!, ephemeral);
      for (const message of rest) await responder.followUp(message, ephemeral);
      return quick.ok;
    }
    // A deferred answer's visibility is fixed when deferring, before the View is known: private.
    // A View meant for the channel then goes out as follow-ups, which carry their own visibility.
    await responder.defer(true);
    const { view, ok } = await work;
    const messages = renderView(view);
    if (view.visibility === 'channel') {
      await responder.editReply(renderView({ kind: 'notice', tone: 'info', text: 'Shared in the channel.', visibility: 'private' })[0]!);
      for (const message of messages) await responder.followUp(message, false);
    } else {
      const [first, ...rest] = messages;
      await responder.editReply(first!);
      for (const message of rest) await responder.followUp(message, true);
    }
    return ok;
  }

  async function suggest(interaction: Extract<IncomingInteraction, { kind: 'autocomplete' }>, responder: Responder): Promise<boolean> {
    const command = byName.get(interaction.name);
    let choices: Choice[] = [];
    let ok = true;
    try {
      if (command?.autocomplete) choices = await command.autocomplete(interaction.option, interaction.partial, contextIn(interaction));
    } catch (error) {
      ok = false;
      logger.error({ err: error, command: interaction.name }, 'discord autocomplete failed');
    }
    await responder.choices(toDiscordChoices(choices));
    return ok;
  }

  return async (interaction, responder) => {
    const started = performance.now();
    const label =
      interaction.kind === 'button'
        ? `button:${decodeStoryButton(interaction.customId)?.part ?? 'unknown'}`
        : interaction.kind === 'autocomplete'
          ? `${interaction.name}:autocomplete`
          : interaction.name;
    let ok = false;
    try {
      ok = interaction.kind === 'autocomplete' ? await suggest(interaction, responder) : await answer(interaction, responder);
    } catch (error) {
      // Discord refused the answer (expired token, network): nothing left to tell the user. Only the
      // message is logged: the error's url would carry the interaction's token.
      logger.warn({ error: error instanceof Error ? error.message : String(error), command: label }, 'could not answer a discord interaction');
    } finally {
      options.observe?.({ platform: 'discord', command: label, ms: performance.now() - started, ok });
    }
  };
}
