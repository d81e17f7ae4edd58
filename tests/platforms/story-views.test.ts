import { describe, expect, it } from 'vitest';
import { EmbedBuilder, embedLength } from 'discord.js';
import { toDigestItem } from '../../src/digest/item.js';
import type { Digest, DigestItem } from '../../src/digest/types.js';
import * as discord from '../../src/platforms/discord/render.js';
import { EmbedLimits } from '../../src/platforms/discord/limits.js';
import { checkMessage } from '../../src/platforms/slack/limits.js';
import * as slack from '../../src/platforms/slack/render.js';
import * as terminal from '../../src/platforms/terminal/render.js';
import { entry } from '../digest/stories.fixtures.js';

/** Every renderer shows the same facts of a story: the text each one gives a reader, flattened. */
function terminalText(item: DigestItem, full: boolean): string {
  const style = { color: false, width: 400 };
  return full ? terminal.renderView({ kind: 'item', item, part: 'full', visibility: 'private' }, style) : terminal.renderDigest(digestOf(item), style);
}

function slackText(item: DigestItem, full: boolean): string {
  const messages = full ? [slack.renderItem(item, 'full')] : slack.renderDigest(digestOf(item));
  for (const message of messages) expect(checkMessage(message)).toEqual([]);
  return JSON.stringify(messages.map((message) => message.blocks));
}

function discordText(item: DigestItem, full: boolean): string {
  const messages = full ? [discord.renderItem(item, 'full')] : discord.renderDigest(digestOf(item));
  for (const embed of messages.flatMap((message) => message.embeds)) {
    expect(embedLength(embed)).toBeLessThanOrEqual(EmbedLimits.totalPerMessage);
    expect(() => new EmbedBuilder().setFields(embed.fields ?? [])).not.toThrow();
  }
  // Discord escapes markdown with backslashes; readers do not see them.
  return JSON.stringify(messages).replace(/\\\\/g, '');
}

function digestOf(item: DigestItem): Digest {
  return { date: '2026-11-27', title: 'News digest for 2026-11-27', items: [item], generatedAt: '2026-11-27T08:00:00Z' };
}

const renderers = [
  ['terminal', terminalText],
  ['Slack', slackText],
  ['Discord', discordText],
] as const;

const merged = () =>
  toDigestItem(entry('quakeHerald', { publication: 'Coast Herald', url: 'https://coastherald.example/quake' }), [
    entry('quakeWireValley', { publication: 'Valley Post', agency: 'Northwire', url: 'https://valleypost.example/quake' }),
    entry('quakeWireHarbor', { publication: 'Harbor Times', agency: 'Northwire', url: 'https://harbortimes.example/quake' }),
  ]);

describe.each(renderers)('the %s renderer', (_platform, render) => {
  it.each([
    ['a digest', false],
    ['/article', true],
  ])('shows in %s each figure and quote of a story from several outlets with its outlets, and how many outlets', (_view, full) => {
    const text = render(merged(), full);
    expect(text).toContain('750 people killed (Coast Herald)');
    expect(text).toContain('at least 700 people killed (Valley Post, Harbor Times)');
    expect(text).toContain('Coast Herald, Valley Post, Harbor Times');
    expect(text).toContain('2 sources');
  });

  it('shows a story from one article without outlets per fact', () => {
    const text = render(toDigestItem(entry('quakeHerald', { publication: 'Coast Herald' })), false);
    expect(text).toContain('750 people killed');
    expect(text).not.toContain('(Coast Herald)');
    expect(text).not.toContain('sources');
  });

  it('shows the quotes the digest selection picks: key ones only', () => {
    // Without its summary, which repeats the quote.
    const item = { ...toDigestItem(entry('ferry', { publication: 'Kalda Daily' })), summary: [] };
    const unkeyed = { ...item, quotes: item.quotes.map((quote) => ({ ...quote, key: false })) };
    expect(render(item, false)).toContain('Islanders can finally get to their jobs');
    expect(render(unkeyed, false)).not.toContain('Islanders can finally get to their jobs');
    // In full, every quote.
    expect(render(unkeyed, true)).toContain('Islanders can finally get to their jobs');
  });
});
