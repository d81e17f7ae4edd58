import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatChannel, ChatChannelStore } from '../../src/store/chat-channels.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

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
      await channels.save(room, { actor: 'slack:U1', at: room.updatedAt, action: 'subscribe', detail: 'https://news.example/feed.xml' });
      const paused = { ...room, paused: true, updatedAt: '2026-03-02T09:00:00.000Z', updatedBy: 'slack:U2' };
      await channels.save(paused, { actor: 'slack:U2', at: paused.updatedAt, action: 'pause', detail: '' });
      expect(await channels.get('slack', 'C777')).toEqual(paused);
      expect(await channels.get('discord', 'C777')).toBeNull();
      expect(await channels.list()).toEqual([paused]);
      expect(await channels.changes('slack', 'C777', 10)).toEqual([
        { actor: 'slack:U2', at: '2026-03-02T09:00:00.000Z', action: 'pause', detail: '' },
        { actor: 'slack:U1', at: '2026-03-01T09:00:00.000Z', action: 'subscribe', detail: 'https://news.example/feed.xml' },
      ]);
      expect(await channels.changes('slack', 'C777', 1)).toHaveLength(1);
    });
  });
}

chatChannelContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-chat-channels-'));
  const store = new SqliteStore({ path: join(dir, 'store.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

chatChannelContract('PostgreSQL', async () => {
  const url = await testDatabaseUrl();
  const schema = freshSchema();
  const store = new PostgresStore({ connectionString: url, schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
});
