import type { App, RespondFn } from '@slack/bolt';
import type { CommandContext, CommandDefinition, ItemPart, View } from '../../commands/types.js';
import type { Logger } from '../../log.js';
import type { CommandObserver } from '../types.js';
import { SLACK_LIMITS } from './limits.js';
import { decodeStoryButton, STORY_BUTTON_PATTERN } from '../../commands/buttons.js';
import { renderNotice, renderView } from './render.js';

/** Binds the platform-neutral commands and the story buttons; all logic stays in src/commands. */
export interface SlackBindings {
  commands: readonly CommandDefinition[];
  itemPartView(ctx: CommandContext, itemId: string, part: ItemPart): Promise<View>;
  context: CommandContext;
  logger: Logger;
  observe?: CommandObserver;
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

export function registerListeners(app: App, bindings: SlackBindings): void {
  for (const definition of bindings.commands) {
    app.command(`/${definition.name}`, async ({ command, ack, respond }) => {
      await ack();
      await answer(`/${definition.name}`, respond, () => definition.run(definition.parseText(command.text ?? ''), bindings.context), bindings);
    });
  }

  app.action({ type: 'block_actions', action_id: STORY_BUTTON_PATTERN }, async ({ action, ack, respond }) => {
    await ack();
    if (action.type !== 'button') return;
    const button = decodeStoryButton(action.action_id);
    if (!button) return;
    await answer(`button:${button.part}`, respond, () => bindings.itemPartView(bindings.context, action.value ?? '', button.part), bindings);
  });
}
