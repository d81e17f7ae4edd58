import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { SECRET_KEY_MIN_CHARS } from '../config/env.js';
import { UserError } from '../errors.js';
import { compact, instant, json, optionalText, type Row, type SqlConnection } from './rows.js';

/**
 * A Slack workspace that installed newsdigest with "Add to Slack". `workspace` is how its token
 * is found: the team id (T…), or the organization's id (E…) for an org-wide install.
 */
export interface SlackInstallation {
  workspace: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  /** xoxb-… token; sealed with NEWSDIGEST_SECRET_KEY in the database, never logged. */
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
  /** Who clicked "Allow" (U…), when Slack says. */
  installerUserId?: string;
  installedAt: string;
}

/** The installations, their bot tokens opened with one key. */
export interface SlackInstallations {
  /** Saves an installation, replacing the workspace's earlier one (a reinstall). */
  save(installation: SlackInstallation): Promise<void>;
  get(workspace: string): Promise<SlackInstallation | null>;
  /** Removes the workspace's installation; true when there was one. */
  remove(workspace: string): Promise<boolean>;
  /** Every installed workspace's id, sorted. */
  workspaces(): Promise<string[]>;
}

/** The Slack workspaces in the store: their installations, and the workspace each channel is in. */
export interface SlackWorkspaceStore {
  /** The installations, sealed and opened with this secret key (NEWSDIGEST_SECRET_KEY). */
  installations(secretKey: string): SlackInstallations;
  /** Records the workspace a channel belongs to (a command typed there tells). */
  rememberChannel(channel: string, workspace: string): Promise<void>;
  workspaceOf(channel: string): Promise<string | null>;
  /** The channels known to belong to a workspace, sorted. */
  channelsOf(workspace: string): Promise<string[]>;
}

/**
 * A 32-byte key for one purpose, derived from NEWSDIGEST_SECRET_KEY with HKDF-SHA256, so that the
 * tokens' key and the OAuth state's key are never the same bytes.
 */
export function subkey(secretKey: string, purpose: string): Buffer {
  if (secretKey.length < SECRET_KEY_MIN_CHARS) {
    throw new UserError(`NEWSDIGEST_SECRET_KEY is too short: give at least ${SECRET_KEY_MIN_CHARS} random characters (see docs/slack.md)`);
  }
  return Buffer.from(hkdfSync('sha256', secretKey, 'newsdigest', purpose, 32));
}

const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM: "v1:" + base64(iv | tag | ciphertext). The workspace id is the additional data, so
 * a sealed token copied onto another workspace's row does not open.
 */
export class TokenSealer {
  private readonly key: Buffer;
  constructor(secretKey: string) {
    this.key = subkey(secretKey, 'slack-installation-tokens');
  }

  seal(token: string, workspace: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(workspace, 'utf8'));
    const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  open(sealed: string, workspace: string): string {
    const bytes = sealed.startsWith(SEALED_PREFIX) ? Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64') : Buffer.alloc(0);
    try {
      if (bytes.length <= IV_BYTES + TAG_BYTES) throw new Error('not a sealed token');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(workspace, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new UserError(
        `the Slack bot token of workspace ${workspace} cannot be opened with NEWSDIGEST_SECRET_KEY: the key is not the one it was installed with; set that key again, or install newsdigest in the workspace again ("Add to Slack")`,
      );
    }
  }
}

const COLUMNS =
  'workspace, team_id, enterprise_id, is_enterprise_install, bot_token_sealed, bot_user_id, bot_id, scopes, installer_user_id, installed_at';

/** The slack_installations and slack_channel_workspaces tables (migration 5), in SQLite or PostgreSQL. */
export class SqlSlackWorkspaceStore implements SlackWorkspaceStore {
  constructor(private readonly db: SqlConnection) {}

  installations(secretKey: string): SlackInstallations {
    const sealer = new TokenSealer(secretKey);
    const db = this.db;
    const toInstallation = (row: Row): SlackInstallation => {
      const workspace = String(row.workspace);
      return compact<SlackInstallation>({
        workspace,
        teamId: optionalText(row.team_id),
        enterpriseId: optionalText(row.enterprise_id),
        isEnterpriseInstall: row.is_enterprise_install === true || row.is_enterprise_install === 1,
        botToken: sealer.open(String(row.bot_token_sealed), workspace),
        botUserId: String(row.bot_user_id),
        botId: String(row.bot_id),
        scopes: json<string[]>(row.scopes),
        installerUserId: optionalText(row.installer_user_id),
        installedAt: instant(row.installed_at),
      });
    };
    return {
      async save(installation) {
        const enterprise = db.kind === 'postgres' ? installation.isEnterpriseInstall : installation.isEnterpriseInstall ? 1 : 0;
        await db.run(
          `INSERT INTO slack_installations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (workspace) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
             is_enterprise_install = excluded.is_enterprise_install, bot_token_sealed = excluded.bot_token_sealed,
             bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, scopes = excluded.scopes,
             installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at`,
          [
            installation.workspace,
            installation.teamId ?? null,
            installation.enterpriseId ?? null,
            enterprise,
            sealer.seal(installation.botToken, installation.workspace),
            installation.botUserId,
            installation.botId,
            JSON.stringify(installation.scopes),
            installation.installerUserId ?? null,
            installation.installedAt,
          ],
        );
      },
      async get(workspace) {
        const row = await db.one(`SELECT ${COLUMNS} FROM slack_installations WHERE workspace = ?`, [workspace]);
        return row ? toInstallation(row) : null;
      },
      async remove(workspace) {
        return (await db.run('DELETE FROM slack_installations WHERE workspace = ?', [workspace])) > 0;
      },
      async workspaces() {
        return (await db.all('SELECT workspace FROM slack_installations ORDER BY workspace')).map((row) => String(row.workspace));
      },
    };
  }

  async rememberChannel(channel: string, workspace: string): Promise<void> {
    await this.db.run(
      `INSERT INTO slack_channel_workspaces (channel, workspace) VALUES (?, ?)
       ON CONFLICT (channel) DO UPDATE SET workspace = excluded.workspace`,
      [channel, workspace],
    );
  }

  async workspaceOf(channel: string): Promise<string | null> {
    const row = await this.db.one('SELECT workspace FROM slack_channel_workspaces WHERE channel = ?', [channel]);
    return row ? String(row.workspace) : null;
  }

  async channelsOf(workspace: string): Promise<string[]> {
    const rows = await this.db.all('SELECT channel FROM slack_channel_workspaces WHERE workspace = ? ORDER BY channel', [workspace]);
    return rows.map((row) => String(row.channel));
  }
}
