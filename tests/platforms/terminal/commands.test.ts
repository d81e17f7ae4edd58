import { describe, expect, it } from 'vitest';
import { findCommand, type CommandContext } from '../../../src/commands/index.js';
import { MemoryLibrary } from '../../../src/digest/library.js';
import { runTerminalCommand } from '../../../src/platforms/terminal/commands.js';
import { renderDigest } from '../../../src/platforms/terminal/render.js';
import { storyDigest } from '../../fakes/stories.js';

const plain = { color: false, width: 80 };

function context(library = new MemoryLibrary([storyDigest()])): CommandContext {
  return { library, now: () => new Date('2026-11-27T10:00:00Z'), timeZone: 'UTC', fetchArticle: () => Promise.reject(new Error('offline')) };
}

describe('terminal binding of the platform-neutral commands', () => {
  it.each([
    ['', 3],
    ['2', 2],
    ['today', 3],
  ])('/digest %j prints the digest View as the renderer prints a digest', async (text, stories) => {
    const { view, text: printed } = await runTerminalCommand(findCommand('digest')!, text, context(), plain);
    expect(view).toMatchObject({ kind: 'digest', visibility: 'private' });
    const shown = storyDigest();
    shown.items = shown.items.slice(0, stories);
    expect(printed).toBe(renderDigest(shown, plain));
  });

  it.each([
    ['tomorrow', 'usage', /^Usage: \/digest \[today\|yesterday\|N\]/],
    ['yesterday', 'info', /^There is no digest for 2026-11-26 yet\.\n$/],
  ])('/digest %j answers with the same notice as on Slack and Discord', async (text, tone, printed) => {
    const { view, text: out } = await runTerminalCommand(findCommand('digest')!, text, context(), plain);
    expect(view).toMatchObject({ kind: 'notice', tone });
    expect(out).toMatch(printed);
  });
});
