import { describe, expect, it } from 'vitest';
import { EmbedBuilder, embedLength } from 'discord.js';
import { EmbedLimits, MessageLimits, inert, truncate } from '../../../src/platforms/discord/limits.js';
import { decodeStoryButton } from '../../../src/commands/buttons.js';
import { buttonCustomId, renderDigest, renderItem, renderView } from '../../../src/platforms/discord/render.js';
import { digestOf, hostileStory, story } from './stories.js';

/** Every message a renderer makes must pass Discord's limits, checked through discord.js's own validators. */
function expectWithinLimits(messages: ReturnType<typeof renderDigest>): void {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds.length).toBeLessThanOrEqual(EmbedLimits.embedsPerMessage);
    expect(message.components.length).toBeLessThanOrEqual(MessageLimits.actionRows);
    expect((message.content ?? '').length).toBeLessThanOrEqual(MessageLimits.content);
    expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(EmbedLimits.totalPerMessage);
    for (const embed of message.embeds) {
      expect(() => new EmbedBuilder(embed).toJSON()).not.toThrow();
      // EmbedBuilder validates in its setters; run them on the rendered values.
      const check = new EmbedBuilder();
      if (embed.title) check.setTitle(embed.title);
      if (embed.description) check.setDescription(embed.description);
      if (embed.fields) check.setFields(embed.fields);
      if (embed.footer) check.setFooter(embed.footer);
      expect((embed.fields ?? []).length).toBeLessThanOrEqual(EmbedLimits.fields);
    }
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(MessageLimits.buttonsPerRow);
      for (const button of row.components) expect('custom_id' in button && button.custom_id.length).toBeLessThanOrEqual(MessageLimits.customId);
    }
  }
}

describe('Discord digest rendering', () => {
  it('splits a digest of 40 stories over messages, in order, each within the limits', () => {
    const messages = renderDigest(digestOf(40));
    expectWithinLimits(messages);
    // Five stories a message: one row of three buttons each, and Discord allows five rows.
    expect(messages).toHaveLength(8);
    const titles = messages.flatMap((m) => m.embeds.map((e) => e.title));
    expect(titles).toHaveLength(40);
    expect(titles[0]).toBe('1. Harbour town 1 reopens its ferry line after the storm');
    expect(titles[39]).toBe('40. Harbour town 40 reopens its ferry line after the storm');
    expect(messages[0]!.content).toContain('News digest for 2024-05-07');
    expect(messages[0]!.content).toContain('40 stories');
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
  });

  it('builds one embed per story: linked title, summary, key quotes with speakers, casualties, footer and time', () => {
    const [message] = renderDigest(digestOf(1));
    const embed = message!.embeds[0]!;
    expect(embed.url).toBe('https://news.example/harbour/1');
    expect(embed.description).toBe(
      'The ferry line of harbour town 1 reopened on Tuesday after repairs to the pier. Officials expect traffic to return to normal within a week.',
    );
    expect(embed.fields).toEqual([
      { name: 'Mara Lind', value: '“We worked through the night to get the boats running again”' },
      { name: 'Jon Brae', value: '“Tourists are already calling to book crossings”' },
      { name: 'Casualties', value: '• at least 3 workers injured' },
    ]);
    expect(embed.footer?.text).toBe('Coastal Courier / NDA');
    expect(embed.timestamp).toBe('2024-05-07T09:30:00.000Z');
    const buttons = message!.components[0]!.components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['Quotes #1', 'Figures #1', 'Source #1']);
    expect(buttons.map((b) => ('custom_id' in b ? decodeStoryButton(b.custom_id) : null))).toEqual([
      { part: 'quotes', itemId: 'story0001abcdef' },
      { part: 'figures', itemId: 'story0001abcdef' },
      { part: 'source', itemId: 'story0001abcdef' },
    ]);
  });

  it('keeps oversized stories within every limit', () => {
    const long = 'A very long sentence about the harbour and its ferries. '.repeat(200);
    const huge = story(1, {
      headline: 'Headline '.repeat(60),
      summary: [long],
      quotes: Array.from({ length: 40 }, (_, i) => ({ text: long, start: 0, end: 1, speaker: 'Speaker '.repeat(50), key: true, rank: i + 1 })),
      figures: Array.from({ length: 200 }, () => story(1).figures[0]!),
      sources: Array.from({ length: 30 }, (_, i) => ({ ...story(i).sources[0]!, publication: 'Publication '.repeat(40) })),
    });
    expectWithinLimits(renderDigest({ ...digestOf(0), items: Array.from({ length: 12 }, () => huge) }));
    for (const part of ['full', 'quotes', 'figures', 'source'] as const) expectWithinLimits([renderItem(huge, part)]);
  });

  it('disables the buttons of parts a story does not have', () => {
    const [message] = renderDigest({ ...digestOf(0), items: [story(1, { quotes: [], figures: [] })] });
    expect(message!.components[0]!.components.map((b) => b.disabled)).toEqual([true, true, false]);
  });

  it('says so when a digest has no stories', () => {
    const messages = renderDigest(digestOf(0));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toContain('No stories yet for 2024-05-07');
  });

  it('says in the header which sources could not be read, inert, also when no story came', () => {
    const unreadSources = [
      { name: '@everyone_news', reason: 'timed out' },
      { name: 'city-news', reason: 'the site had an error' },
    ];
    const [first, ...rest] = renderDigest({ ...digestOf(2), unreadSources });
    expect(first!.content).toBe(
      '**News digest for 2024-05-07** · 2024-05-07 · 2 stories\n⚠️ Not in this digest: feeds “@\u200beveryone\\_news” (timed out) and “city-news” (the site had an error) could not be read; their latest stories follow in the next digest once they can be read.',
    );
    expect(rest).toEqual([]);
    const [empty] = renderDigest({ ...digestOf(0), unreadSources });
    expect(empty!.content).toContain('could not be read');
    expect(empty!.content).toContain('No stories yet for 2024-05-07');
    expect(renderDigest(digestOf(1))[0]!.content).not.toContain('Not in this digest');
  });

  it('makes article text inert: no mention, no masked link, no markdown', () => {
    const messages = renderDigest({ ...digestOf(0), items: [hostileStory()] });
    const text = JSON.stringify(messages);
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&|<@!|\[your prize\]\(/);
    const embed = messages[0]!.embeds[0]!;
    expect(embed.title).toBe('1. @\u200beveryone look at <\u200b@123> and @\u200bhere now');
    expect(embed.description).toContain('\\[your prize\\](https://evil.example/phish)');
    expect(inert('# Heading\n1. item\n- bullet\n-# small')).toBe('\\# Heading\n1\\. item\n\\- bullet\n\\-# small');
    expect(inert('**bold** ||spoiler|| > not a quote')).toBe('\\*\\*bold\\*\\* \\|\\|spoiler\\|\\| > not a quote');
    expect(inert('> quoted')).toBe('\\> quoted');
  });

  it('truncates without splitting a surrogate pair or leaving a dangling escape', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀def', 4)).toBe('ab…');
    expect(truncate('ab\\*def', 4)).toBe('ab…');
  });

  it('renders the parts the buttons open and notices', () => {
    const item = story(2);
    expect(renderItem(item, 'quotes').embeds[0]!.fields!.map((f) => f.name)).toEqual(['Mara Lind', 'Jon Brae', 'Unattributed']);
    expect(renderItem(item, 'figures').embeds[0]!.description).toContain('at least 3 workers injured');
    expect(renderItem(item, 'source').embeds[0]!.fields![0]!.value).toContain('<https://news.example/harbour/2>');
    expect(renderItem(story(3, { quotes: [] }), 'quotes').embeds[0]!.description).toBe('No quotes in this story.');
    const [notice] = renderView({ kind: 'notice', tone: 'error', text: 'No story @everyone', visibility: 'private' });
    expect(notice!.content).toBe('⚠️ No story @\u200beveryone');
  });

  it('refuses a story id too long for a button', () => {
    expect(buttonCustomId('quotes', 'x'.repeat(80))).toHaveLength(90);
    expect(() => buttonCustomId('quotes', 'x'.repeat(95))).toThrow(/too long/);
    expect(decodeStoryButton('other:quotes:1')).toBeNull();
    expect(decodeStoryButton('nd:delete:1')).toBeNull();
  });
});
