import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import type { ChannelSetup } from '../../src/commands/setup.js';
import type { CommandContext, View } from '../../src/commands/types.js';
import type { Caller } from '../../src/platforms/types.js';
import { channelSetup } from '../../src/service/setup.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { testContext, testNow } from '../platforms/discord/setup.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';

/** Two admins change one channel at once: the one who read an older set-up is told, and nothing of theirs is saved. */

const admin = (id: string): Caller => ({ id, refusal: async () => null });
const textOf = (view: View) => (view.kind === 'notice' ? view.text : view.kind);

function concurrentEdits(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`concurrent /newsdigest changes on ${name}`, () => {
    let opened: { store: Store; dispose(): Promise<void> };
    const newsdigest = findCommand('newsdigest')!;
    const setupFor = (caller: Caller) =>
      channelSetup({
        platform: 'slack',
        channel: 'C900',
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
  });
}

concurrentEdits('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-concurrent-'));
  const store = new SqliteStore({ path: join(dir, 'store.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

concurrentEdits('PostgreSQL', async () => {
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
