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
  return full
    ? terminal.renderView({ kind: 'item', item, part: 'full', visibility: 'private' }, style)
    : terminal.renderDigest(digestOf(item), style);
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

/** A story followed for a week, reported by many outlets, with many disagreeing figures: the largest a renderer meets. */
function developingStory(): DigestItem {
  const base = merged();
  const outlets = Array.from({ length: 30 }, (_, i) => `Regional Outlet Number ${i + 1}`);
  const figures = Array.from({ length: 12 }, (_, i) => ({ ...base.figures[0]!, count: 700 + i * 10, qualifier: null, outlets }));
  const days = Array.from({ length: 7 }, (_, i) => ({ date: `2026-11-${String(21 + i).padStart(2, '0')}`, figures, outlets }));
  return {
    ...base,
    figures,
    sources: outlets.map((publication, i) => ({ ...base.sources[0]!, articleId: `a${i}`, publication })),
    outletCount: 30,
    // More quotes than a Discord embed has fields: the timeline must still show.
    quotes: Array.from({ length: 40 }, (_, i) => ({ ...base.quotes[i % base.quotes.length]!, rank: i + 1, outlets, isNew: i < 2 })),
    development: {
      firstDate: '2026-11-21',
      previousDate: '2026-11-27',
      newFigures: [{ figure: figures[11]!, previous: { figure: figures[0]!, date: '2026-11-27' } }],
      newQuotes: 2,
      newOutlets: outlets.slice(0, 5),
    },
    timeline: [...days, { date: '2026-11-28', figures, outlets }],
  };
}

describe.each(renderers)('the %s renderer, for a developing story', (_platform, render) => {
  it('says what changed in a digest and shows the timeline in /article, within the platform’s limits', () => {
    const item = developingStory();
    const digest = render(item, false);
    expect(digest).toContain(
      'Developing since 21 Nov: 810 people killed, up from 700 on 27 Nov; 2 new quotes; new sources: Regional Outlet Number 1',
    );
    expect(digest).toContain('30 sources');
    const full = render(item, true);
    expect(full).toContain('Timeline');
    expect(full).toContain('21 Nov: 700 people killed (Regional Outlet Number 1, Regional Outlet Number 2, Regional Outlet Number 3 +27 more)');
  });
});

describe('the Slack renderer, for a story whose text fills a section', () => {
  it('gives the figures with their sources a section of their own rather than cutting them', () => {
    const item = developingStory();
    // A long link and long texts: together more than one section holds.
    const sources = [{ ...item.sources[0]!, url: `https://coastherald.example/${'quake-'.repeat(150)}` }, ...item.sources.slice(1)];
    const long = {
      ...item,
      sources,
      headline: 'Quake '.repeat(60),
      summary: ['Rescue work went on. '.repeat(60)],
      quotes: item.quotes.map((quote) => ({ ...quote, text: 'We will rebuild every school. '.repeat(20), key: true })),
    };
    const [message] = slack.renderDigest(digestOf(long));
    expect(checkMessage(message!)).toEqual([]);
    const sections = message!.blocks.filter((block) => block.type === 'section').map((block) => JSON.stringify(block));
    expect(sections.some((text) => text.includes('*Figures:* 700 people killed (Regional Outlet Number 1'))).toBe(true);
  });
});

describe('the terminal renderer, for a story of many outlets', () => {
  it('names the first five sources under the headline and says how many more', () => {
    const text = terminalText(developingStory(), false);
    expect(text).toContain('Regional Outlet Number 5 · +25 more (30 sources)');
    expect(text).not.toContain('Regional Outlet Number 6 ·');
  });
});
