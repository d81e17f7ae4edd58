import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatChannel, ChatChannelStore } from '../../src/store/chat-channels.js';
import type { Store } from '../../src/store/types.js';
import { postgresTestStore, sqliteTestStore } from './test-stores.js';

/** The one suite both implementations of the chat channel store pass. */
function chatChannelContract(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`chat channels in ${name}`, () => {
    let opened: { store: Store; dispose(): Promise<void> };
    let channels: ChatChannelStore;
    const room: ChatChannel = {
      platform: 'slack',
      channel: 'C777',
      sources: ['https://news.example/feed.xml'],
      schedule: '0 8 * * *',
      timeZone: 'Europe/Lisbon',
      keywords: ['flood', 'dam'],
      maxItems: 5,
      paused: false,
      updatedAt: '2026-03-01T09:00:00.000Z',
      updatedBy: 'slack:U1',
    };

    beforeEach(async () => {
      opened = await open();
      await opened.store.migrate();
      channels = opened.store.stores.chatChannels;
    });
    afterEach(async () => opened.dispose());

    it('has no channel before one is set up', async () => {
      expect(await channels.get('slack', 'C777')).toBeNull();
      expect(await channels.list()).toEqual([]);
    });

    it('saves a channel, reads it back, and records each change newest first', async () => {
      expect(await channels.save(room, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'https://news.example/feed.xml' })).toBe(
        true,
      );
      const read = await channels.get('slack', 'C777');
      expect(read).toEqual({ ...room, tenant: '', version: 1 });
      const paused = { ...read!, paused: true, updatedAt: '2026-03-02T09:00:00.000Z', updatedBy: 'slack:U2' };
      expect(await channels.save(paused, { actor: 'slack:U2', at: paused.updatedAt, action: 'pause', detail: '' })).toBe(true);
      expect(await channels.get('slack', 'C777')).toEqual({ ...paused, version: 2 });
      expect(await channels.get('discord', 'C777')).toBeNull();
      expect(await channels.list()).toEqual([{ ...paused, version: 2 }]);
      expect(await channels.changes('slack', 'C777', 10)).toEqual([
        { actor: 'slack:U2', at: '2026-03-02T09:00:00.000Z', action: 'pause', detail: '' },
        { actor: 'slack:U1', at: '2026-03-01T09:00:00.000Z', action: 'subscribe', detail: 'https://news.example/feed.xml' },
      ]);
      expect(await channels.changes('slack', 'C777', 1)).toHaveLength(1);
    });

    it('two admins changing the channel from what they both read: the first change stands, the second saves nothing', async () => {
      await channels.save(room, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: room.sources[0]! });
      const read = (await channels.get('slack', 'C777'))!;
      const at = '2026-03-02T09:00:00.000Z';
      // Both read version 1; the same instant on both, so a check on updated_at alone could not tell them apart.
      const [first, second] = await Promise.all([
        channels.save({ ...read, maxItems: 3, updatedAt: at, updatedBy: 'slack:U2' }, { actor: 'slack:U2', at, action: 'max', detail: '3' }),
        channels.save(
          { ...read, keywords: ['bridge'], updatedAt: at, updatedBy: 'slack:U3' },
          { actor: 'slack:U3', at, action: 'filter', detail: 'bridge' },
        ),
      ]);
      expect([first, second].sort()).toEqual([false, true]);
      const stored = await channels.get('slack', 'C777');
      expect(stored?.version).toBe(2);
      // Exactly one of the two changes is in, whole, and only it is in the log.
      const winner = first ? { maxItems: 3, keywords: room.keywords } : { maxItems: room.maxItems, keywords: ['bridge'] };
      expect(stored).toMatchObject(winner);
      expect((await channels.changes('slack', 'C777', 10)).map((c) => c.action)).toEqual([first ? 'max' : 'filter', 'subscribe']);
    });

    it('two admins setting up a new channel at once: one creates it, the other saves nothing', async () => {
      const results = await Promise.all([
        channels.save(room, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'a' }),
        channels.save(
          { ...room, sources: ['https://other.example/rss'] },
          { actor: 'slack:U2', at: room.updatedAt, action: 'subscribe', detail: 'b' },
        ),
      ]);
      expect(results.sort()).toEqual([false, true]);
      expect(await channels.changes('slack', 'C777', 10)).toHaveLength(1);
    });

    it('pauses a tenant’s running channels, or one channel, and records why; an unknown tenant names none', async () => {
      const at = '2026-03-03T09:00:00.000Z';
      await channels.save({ ...room, tenant: 'G1' }, { actor: 'discord:1', at, action: 'subscribe', detail: 'a' });
      await channels.save({ ...room, channel: 'C778', tenant: 'G1', paused: true }, { actor: 'discord:1', at, action: 'subscribe', detail: 'a' });
      await channels.save({ ...room, channel: 'C779', tenant: 'G2' }, { actor: 'discord:1', at, action: 'subscribe', detail: 'a' });
      await channels.save({ ...room, channel: 'C780' }, { actor: 'discord:1', at, action: 'subscribe', detail: 'a' });
      const gone = { actor: 'newsdigest', at, action: 'pause', detail: 'the bot was removed from server G1' };
      expect(await channels.pause('slack', { tenant: 'G1' }, gone)).toEqual(['C777']);
      expect(await channels.get('slack', 'C777')).toMatchObject({ paused: true, updatedBy: 'newsdigest', version: 2 });
      expect((await channels.changes('slack', 'C777', 1))[0]).toEqual(gone);
      expect((await channels.changes('slack', 'C778', 10)).map((c) => c.action)).toEqual(['subscribe']);
      expect(await channels.pause('slack', { tenant: '' }, gone)).toEqual([]);
      expect(await channels.get('slack', 'C780')).toMatchObject({ paused: false });
      expect(await channels.pause('slack', { channel: 'C779' }, gone)).toEqual(['C779']);
      expect(await channels.pause('slack', { channel: 'C779' }, gone)).toEqual([]);
    });

    it('a channel set up before tenants were recorded adopts the first tenant it is told, and only that one', async () => {
      await channels.save(room, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'a' });
      await channels.adoptTenant('slack', 'C777', 'T1');
      await channels.adoptTenant('slack', 'C777', 'T2');
      expect(await channels.get('slack', 'C777')).toMatchObject({ tenant: 'T1', version: 1 });
    });

    it('lists one tenant’s channels, and keeps the tenant a change does not name', async () => {
      await channels.save({ ...room, tenant: 'T1' }, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'a' });
      await channels.save({ ...room, channel: 'C888', tenant: 'T2' }, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'a' });
      expect((await channels.list({ platform: 'slack', tenant: 'T1' })).map((c) => c.channel)).toEqual(['C777']);
      expect((await channels.list({ platform: 'discord', tenant: 'T1' })).map((c) => c.channel)).toEqual([]);
      const read = (await channels.get('slack', 'C777'))!;
      await channels.save({ ...read, tenant: undefined, paused: true }, { actor: 'cli', at: room.updatedAt, action: 'pause', detail: '' });
      expect(await channels.get('slack', 'C777')).toMatchObject({ tenant: 'T1', paused: true, version: 2 });
    });
  });
}

chatChannelContract('SQLite', sqliteTestStore);
chatChannelContract('PostgreSQL', postgresTestStore);
