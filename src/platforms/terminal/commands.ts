import type { CommandContext, CommandDefinition, View } from '../../commands/types.js';
import { renderView, type TerminalStyle } from './render.js';

/**
 * Runs a platform-neutral command from a line of terminal text, as Slack runs a slash command's
 * text, and renders its View for the terminal. No command logic lives here.
 */
export async function runTerminalCommand(
  command: CommandDefinition,
  text: string,
  ctx: CommandContext,
  style: TerminalStyle,
): Promise<{ view: View; text: string }> {
  const view = await command.run(command.parseText(text), ctx);
  return { view, text: renderView(view, style) };
}
