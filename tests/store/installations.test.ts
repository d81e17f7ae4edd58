import { openSqlite } from '../../src/store/sqlite-driver.js';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { TokenSealer, type SlackInstallation, type SlackWorkspaceStore } from '../../src/store/installations.js';
import type { Store } from '../../src/store/types.js';
import { postgresTestStore, sqliteTestStore } from './test-stores.js';

const KEY = 'k'.repeat(16) + 'test-secret-key-for-installations';
const OTHER_KEY = 'o'.repeat(16) + 'another-secret-key-not-the-same!';

const harbour: SlackInstallation = {
  workspace: 'T0HARBOUR',
  teamId: 'T0HARBOUR',
  isEnterpriseInstall: false,
  botToken: 'xoxb-harbour-secret-token',
  botUserId: 'U0BOTH',
  botId: 'B0BOTH',
  scopes: ['chat:write', 'commands'],
  installerUserId: 'U0ADMIN',
  installedAt: '2026-03-01T09:00:00.000Z',
};

const valley: SlackInstallation = {
  workspace: 'E0VALLEY',
  enterpriseId: 'E0VALLEY',
  isEnterpriseInstall: true,
  botToken: 'xoxb-valley-secret-token',
  botUserId: 'U0BOTV',
  botId: 'B0BOTV',
  scopes: ['chat:write'],
  installedAt: '2026-03-02T09:00:00.000Z',
};

interface Opened {
  store: Store;
  /** The sealed token column as the database holds it. */
  rawTokens(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** The one suite both dialects pass. */
function installationContract(name: string, open: () => Promise<Opened>): void {
  describe(`Slack installations in ${name}`, () => {
    let opened: Opened;
    let workspaces: SlackWorkspaceStore;

    beforeEach(async () => {
      opened = await open();
      await opened.store.migrate();
      workspaces = opened.store.stores.slackWorkspaces;
    });
    afterEach(async () => opened.dispose());

    it('saves installations, reads them back with their tokens, lists and removes them', async () => {
      const installations = workspaces.installations(KEY);
      expect(await installations.get('T0HARBOUR')).toBeNull();
      await installations.save(harbour);
      await installations.save(valley);
      expect(await installations.get('T0HARBOUR')).toEqual(harbour);
      expect(await installations.get('E0VALLEY')).toEqual(valley);
      expect(await installations.workspaces()).toEqual(['E0VALLEY', 'T0HARBOUR']);

      // A reinstall replaces the workspace's row.
      const again = { ...harbour, botToken: 'xoxb-harbour-new-token', installedAt: '2026-04-01T09:00:00.000Z' };
      await installations.save(again);
      expect(await installations.get('T0HARBOUR')).toEqual(again);

      expect(await installations.remove('T0HARBOUR')).toBe(true);
      expect(await installations.remove('T0HARBOUR')).toBe(false);
      expect(await installations.workspaces()).toEqual(['E0VALLEY']);
    });

    it('keeps the bot token sealed at rest: no token text in the table, each sealing different', async () => {
      const installations = workspaces.installations(KEY);
      await installations.save(harbour);
      await installations.save({ ...valley, botToken: harbour.botToken });
      const raw = await opened.rawTokens();
      expect(raw).toHaveLength(2);
      for (const sealed of raw) {
        expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
        expect(sealed).not.toContain('xoxb');
      }
      expect(raw[0]).not.toBe(raw[1]);
    });

    it('refuses to open a token with another key, saying what to do', async () => {
      await workspaces.installations(KEY).save(harbour);
      const error = await workspaces
        .installations(OTHER_KEY)
        .get('T0HARBOUR')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^the Slack bot token of workspace T0HARBOUR cannot be opened with NEWSDIGEST_SECRET_KEY/);
      expect((error as Error).message).not.toContain(KEY);
    });

    it('remembers which workspace each channel is in', async () => {
      expect(await workspaces.workspaceOf('C0DOCKS')).toBeNull();
      await workspaces.rememberChannel('C0DOCKS', 'T0HARBOUR');
      await workspaces.rememberChannel('C0PIER', 'T0HARBOUR');
      await workspaces.rememberChannel('C0FIELDS', 'E0VALLEY');
      expect(await workspaces.workspaceOf('C0DOCKS')).toBe('T0HARBOUR');
      expect(await workspaces.channelsOf('T0HARBOUR')).toEqual(['C0DOCKS', 'C0PIER']);
      // A channel shared into another workspace answers for the last one that used it.
      await workspaces.rememberChannel('C0PIER', 'E0VALLEY');
      expect(await workspaces.channelsOf('E0VALLEY')).toEqual(['C0FIELDS', 'C0PIER']);
      expect(await workspaces.channelsOf('T0HARBOUR')).toEqual(['C0DOCKS']);
    });
  });
}

installationContract('SQLite', async () => {
  const opened = await sqliteTestStore();
  return {
    ...opened,
    async rawTokens() {
      const db = openSqlite(opened.path, { busyTimeoutMs: 1000 });
      try {
        return (db.prepare('SELECT bot_token_sealed FROM slack_installations ORDER BY workspace').all() as { bot_token_sealed: string }[]).map(
          (row) => row.bot_token_sealed,
        );
      } finally {
        db.close();
      }
    },
  };
});

installationContract('PostgreSQL', async () => {
  const opened = await postgresTestStore();
  return {
    ...opened,
    async rawTokens() {
      const client = new pg.Client({ connectionString: opened.url });
      await client.connect();
      try {
        const result = await client.query<{ bot_token_sealed: string }>(
          `SELECT bot_token_sealed FROM ${opened.schema}.slack_installations ORDER BY workspace`,
        );
        return result.rows.map((row) => row.bot_token_sealed);
      } finally {
        await client.end();
      }
    },
  };
});

describe('the token sealer', () => {
  const sealer = new TokenSealer(KEY);

  it.each([
    { case: 'its own workspace', workspace: 'T0HARBOUR', opens: true },
    { case: 'another workspace (a sealed token copied to its row)', workspace: 'T0OTHER', opens: false },
  ])('opens a token sealed for $case: $opens', ({ workspace, opens }) => {
    const sealed = sealer.seal('xoxb-harbour-secret-token', 'T0HARBOUR');
    if (opens) expect(sealer.open(sealed, workspace)).toBe('xoxb-harbour-secret-token');
    else expect(() => sealer.open(sealed, workspace)).toThrow(UserError);
  });

  it.each([
    { case: 'not sealed at all', sealed: 'xoxb-plain-token' },
    { case: 'cut short', sealed: 'v1:AAAA' },
    {
      case: 'tampered',
      sealed: (() => {
        const good = sealer.seal('xoxb-harbour-secret-token', 'T0HARBOUR');
        return `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      })(),
    },
  ])('refuses a value $case', ({ sealed }) => {
    expect(() => sealer.open(sealed, 'T0HARBOUR')).toThrow(/cannot be opened with NEWSDIGEST_SECRET_KEY/);
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => new TokenSealer('short-key')).toThrow('NEWSDIGEST_SECRET_KEY is too short: give at least 32 random characters');
  });
});
