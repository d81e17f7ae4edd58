import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import { MAX_TENANT_CHANNELS, MAX_TENANT_SOURCES } from '../../src/commands/newsdigest.js';
import type { ChannelSetup } from '../../src/commands/setup.js';
import type { CommandContext, View } from '../../src/commands/types.js';
import type { Caller } from '../../src/platforms/types.js';
import { channelSetup } from '../../src/service/setup.js';
import type { Store } from '../../src/store/types.js';
import { testContext, testNow } from '../platforms/discord/setup.js';
import { postgresTestStore, sqliteTestStore } from '../store/test-stores.js';

/**
 * `/newsdigest` over a real store: two admins changing one channel at once (the one who read an
 * older set-up is told, and nothing of theirs is saved), and the cap on one server's sources.
 */

const admin = (id: string): Caller => ({ id, refusal: async () => null });
const textOf = (view: View) => (view.kind === 'notice' ? view.text : view.kind);

function overAStore(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`/newsdigest over ${name}`, () => {
    let opened: { store: Store; dispose(): Promise<void> };
    const newsdigest = findCommand('newsdigest')!;
    const setupFor = (caller: Caller, place: { channel?: string; tenant?: string } = {}) =>
      channelSetup({
        platform: 'discord',
        channel: place.channel ?? 'C900',
        tenant: place.tenant,
        caller,
        configured: undefined,
        chatChannels: opened.store.stores.chatChannels,
        now: () => testNow,
      });
    const run = (text: string, setup: ChannelSetup) => {
      const ctx: CommandContext = { ...testContext([]), setup };
      return newsdigest.run(newsdigest.parseText(text), ctx).then(textOf);
    };

    beforeEach(async () => {
      opened = await open();
      await opened.store.migrate();
    });
    afterEach(async () => opened.dispose());

    it('the second admin, who read the set-up before the first one’s change, is asked to try again', async () => {
      const first = setupFor(admin('U1'));
      expect(await run('subscribe https://news.example/feed.xml', first)).toContain('Subscribed this channel');
      // Admin 2 opens the channel's set-up; admin 1 changes it before admin 2 saves.
      const readByAdmin2 = await first.load();
      expect(await run('max 5', first)).toContain('at most 5 stories');
      const second: ChannelSetup = { ...setupFor(admin('U2')), load: async () => readByAdmin2 };
      expect(await run('filter flood', second)).toBe(
        'Nothing changed: this channel’s set-up was changed by someone else meanwhile; check /newsdigest status and try again.',
      );
      expect(await first.load()).toMatchObject({ maxItems: 5, keywords: [], version: 2 });
      // Read again, the same change goes through.
      expect(await run('filter flood', setupFor(admin('U2')))).toContain('only stories with “flood”');
      expect(await first.load()).toMatchObject({ maxItems: 5, keywords: ['flood'], version: 3 });
    });

    it(`a server whose channels read ${MAX_TENANT_SOURCES} sources takes no new one; a source it already reads, or another server, still may`, async () => {
      const at = testNow.toISOString();
      const full = Array.from({ length: MAX_TENANT_SOURCES }, (_, i) => `https://feeds${i}.example/rss`);
      for (let part = 0; part < 5; part++) {
        const sources = full.slice(part * 20, part * 20 + 20);
        await opened.store.stores.chatChannels.save(
          {
            platform: 'discord',
            channel: `C${part}`,
            tenant: 'G1',
            sources,
            schedule: '0 8 * * *',
            timeZone: 'UTC',
            keywords: [],
            maxItems: 10,
            paused: part === 4,
            updatedAt: at,
            updatedBy: 'discord:U1',
          },
          { actor: 'discord:U1', at, action: 'import', detail: '' },
        );
      }
      const inG1 = setupFor(admin('U1'), { tenant: 'G1' });
      expect(await run('subscribe https://one-more.example/rss', inG1)).toBe(
        `Not subscribed: the channels of this server already read ${MAX_TENANT_SOURCES} different sources, the most one server may; unsubscribe one (here or in another channel) first.`,
      );
      expect(await run('subscribe https://feeds7.example/rss', inG1)).toContain('Subscribed this channel');
      expect(await opened.store.stores.chatChannels.get('discord', 'C900')).toMatchObject({ tenant: 'G1', sources: ['https://feeds7.example/rss'] });
      expect(await run('subscribe https://one-more.example/rss', setupFor(admin('U1'), { channel: 'C901', tenant: 'G2' }))).toContain(
        'Subscribed this channel',
      );
    });

    it(`a server with ${MAX_TENANT_CHANNELS} channels that have a digest gets no new one; those channels still take sources`, async () => {
      const at = testNow.toISOString();
      for (let i = 0; i < MAX_TENANT_CHANNELS; i++) {
        await opened.store.stores.chatChannels.save(
          {
            platform: 'discord',
            channel: `C${i}`,
            tenant: 'G1',
            sources: ['https://shared.example/rss'],
            schedule: '0 8 * * *',
            timeZone: 'UTC',
            keywords: [],
            maxItems: 10,
            paused: false,
            updatedAt: at,
            updatedBy: 'discord:U1',
          },
          { actor: 'discord:U1', at, action: 'subscribe', detail: '' },
        );
      }
      expect(await run('subscribe https://shared.example/rss', setupFor(admin('U1'), { channel: 'C900', tenant: 'G1' }))).toBe(
        `Not subscribed: ${MAX_TENANT_CHANNELS} channels of this server already have a digest, the most one server may; unsubscribe another channel from all its sources first.`,
      );
      expect(await run('subscribe https://other.example/rss', setupFor(admin('U1'), { channel: 'C3', tenant: 'G1' }))).toContain(
        'Subscribed this channel',
      );
    });
  });
}

overAStore('SQLite', sqliteTestStore);
overAStore('PostgreSQL', postgresTestStore);
