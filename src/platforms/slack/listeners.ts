import type { App, RespondFn, webApi } from '@slack/bolt';
import type { CommandContext, CommandDefinition, ItemPart, View } from '../../commands/types.js';
import type { Logger } from '../../log.js';
import type { Caller, CommandObserver, ContextFor } from '../types.js';
import { SLACK_LIMITS } from './limits.js';
import { decodeStoryButton, STORY_BUTTON_PATTERN } from '../../commands/buttons.js';
import { renderNotice, renderView } from './render.js';

/** Binds the platform-neutral commands and the story buttons; all logic stays in src/commands. */
export interface SlackBindings {
  commands: readonly CommandDefinition[];
  itemPartView(ctx: CommandContext, itemId: string, part: ItemPart): Promise<View>;
  context: CommandContext;
  /** The context of the channel a command or button came from; default `context` everywhere. */
  contextFor?: ContextFor;
  /** Who may change a channel's set-up besides workspace admins and owners. */
  setupEditors?: SetupEditors;
  logger: Logger;
  observe?: CommandObserver;
}

/** Members and user groups the operator names as set-up editors (ids as Slack gives them). */
export interface SetupEditors {
  users: readonly string[];
  userGroups: readonly string[];
}

/**
 * Runs a command and answers through the response_url. Callers ack() first: Slack wants an
 * answer within 3 s, and a digest lookup or a page fetch may take longer.
 */
async function answer(name: string, respond: RespondFn, produce: () => Promise<View>, bindings: SlackBindings): Promise<void> {
  const started = performance.now();
  let ok = true;
  let view: View;
  try {
    view = await produce();
  } catch (error) {
    ok = false;
    bindings.logger.error({ err: error, command: name }, 'slack command failed');
    view = { kind: 'notice', tone: 'error', text: `Sorry, ${name} failed; the details are in the newsdigest log.`, visibility: 'private' };
  }
  const messages = renderView(view);
  // A response_url takes at most five messages; a digest that long is cut with a note.
  if (messages.length > SLACK_LIMITS.responsesPerUrl) {
    messages.length = SLACK_LIMITS.responsesPerUrl - 1;
    messages.push(renderNotice('info', 'The rest of this digest is too long for one answer; try /digest N for the top N stories.'));
  }
  const responseType = view.visibility === 'channel' ? 'in_channel' : 'ephemeral';
  try {
    for (const message of messages) {
      await respond({ response_type: responseType, replace_original: false, text: message.text, blocks: message.blocks });
    }
  } catch (error) {
    ok = false;
    bindings.logger.error({ err: error, command: name }, 'slack answer could not be delivered to the response_url');
  }
  bindings.observe?.({ platform: 'slack', command: name, ms: performance.now() - started, ok });
}

/**
 * A Slack user as a caller: workspace admins and owners may change a channel's set-up, as
 * users.info tells, and so may the members and user groups the operator names (asked only when a
 * change is made). `client` is the request's own, with its workspace's token.
 */
export function slackCaller(client: webApi.WebClient, userId: string, channelId: string, logger: Logger, editors?: SetupEditors): Caller {
  return {
    id: userId,
    async postingProblem() {
      if (channelId.startsWith('D')) return 'a direct message has no digest; type /newsdigest in the channel that should get one.';
      try {
        // The history scopes the bot has anyway: a channel it is not in answers not_in_channel.
        await client.conversations.history({ channel: channelId, limit: 1 });
        return null;
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code === 'not_in_channel' || code === 'channel_not_found')
          return 'newsdigest is not in this channel: invite it with /invite @newsdigest, then try again.';
        logger.warn({ err: error, channel: channelId }, 'slack conversations.history failed while checking a channel set-up');
        return 'could not check with Slack that newsdigest can post here; try again in a minute.';
      }
    },
    async refusal() {
      if (editors?.users.includes(userId)) return null;
      try {
        for (const usergroup of editors?.userGroups ?? []) {
          const { users } = await client.usergroups.users.list({ usergroup });
          if (users?.includes(userId)) return null;
        }
        const { user } = await client.users.info({ user: userId });
        if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return null;
        return editors?.users.length || editors?.userGroups.length
          ? 'Only workspace admins and owners, and the people the operator named, can change this channel’s digest; /newsdigest status shows it to everyone.'
          : 'Only workspace admins and owners can change this channel’s digest; /newsdigest status shows it to everyone.';
      } catch (error) {
        logger.warn({ err: error, user: userId }, 'slack users.info failed; refusing the set-up change');
        return 'Could not check your role with Slack just now; nothing was changed. Try again in a minute.';
      }
    },
  };
}

export function registerListeners(app: App, bindings: SlackBindings): void {
  const contextIn = (channelId: string | undefined, caller?: Caller, team?: string) =>
    bindings.contextFor?.(channelId, caller, team) ?? bindings.context;
  for (const definition of bindings.commands) {
    app.command(`/${definition.name}`, async ({ command, ack, respond, client }) => {
      await ack();
      const caller = slackCaller(client, command.user_id, command.channel_id, bindings.logger, bindings.setupEditors);
      await answer(
        `/${definition.name}`,
        respond,
        () => definition.run(definition.parseText(command.text ?? ''), contextIn(command.channel_id, caller, command.team_id)),
        bindings,
      );
    });
  }

  app.action({ type: 'block_actions', action_id: STORY_BUTTON_PATTERN }, async ({ action, body, ack, respond }) => {
    await ack();
    if (action.type !== 'button') return;
    const button = decodeStoryButton(action.action_id);
    if (!button) return;
    await answer(
      `button:${button.part}`,
      respond,
      () => bindings.itemPartView(contextIn(body.channel?.id, undefined, body.team?.id), action.value ?? '', button.part),
      bindings,
    );
  });
}
