import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/config/schema.js';
import { chatChannelConfig, chatFeedSource } from '../../src/service/setup.js';
import type { ChatChannel } from '../../src/store/chat-channels.js';

/** How a URL subscribed from chat becomes a source, beside the config file's own sources. */
describe('a subscribed URL as a source', () => {
  const wire: SourceConfig = { id: 'wire', type: 'feed', url: 'https://wire.example/rss.xml', backfill: 5, pollMinutes: 10 };
  const folder: SourceConfig = { id: 'seeds', type: 'files', path: 'seeds' };

  it.each([
    ['a URL nobody else reads gets its own id, the same on every replica', 'https://harbour.example/feed.xml', [], 'chat-'],
    [
      'a URL the config file reads is the config file’s source (one seen-list per URL, so no item goes to one and not the other)',
      wire.url,
      [wire, folder],
      'wire',
    ],
    ['a config source of another URL changes nothing', 'https://harbour.example/feed.xml', [wire, folder], 'chat-'],
  ] as const)('%s', (_name, url, configSources, idStart) => {
    const source = chatFeedSource(url, configSources);
    expect(source.id.startsWith(idStart)).toBe(true);
    expect(source.url).toBe(url);
    expect(chatFeedSource(url, configSources).id).toBe(source.id);
  });

  it('a chat channel reads the config file’s source for a URL both name', () => {
    const channel: ChatChannel = {
      platform: 'discord',
      channel: '1300000000000000300',
      sources: [wire.url, 'https://harbour.example/feed.xml'],
      schedule: '0 8 * * *',
      timeZone: 'UTC',
      keywords: [],
      maxItems: 5,
      paused: false,
      updatedAt: '2026-03-10T06:00:00.000Z',
      updatedBy: 'discord:U1',
    };
    const config = chatChannelConfig(channel, [wire]);
    expect(config.sources).toEqual(['wire', chatFeedSource('https://harbour.example/feed.xml').id]);
  });
});
