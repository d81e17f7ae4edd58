import type { ChannelSettings, SetupChange } from '../commands/setup.js';
import type { Row, SqlConnection } from './rows.js';

/** A channel set up from chat with `/newsdigest`, and one change made to it: the command's own shapes, stored as they are. */
export type ChatChannel = ChannelSettings;
export type ChannelChange = SetupChange;

/** Where chat-set-up channels live; one per store, both dialects behind one interface. */
export interface ChatChannelStore {
  get(platform: ChatChannel['platform'], channel: string): Promise<ChatChannel | null>;
  /** Every chat channel, or only one tenant's (a Slack workspace's, a Discord server's). */
  list(filter?: { platform: ChatChannel['platform']; tenant: string }): Promise<ChatChannel[]>;
  /**
   * Saves the channel's new settings over the version they were read at (`channel.version`;
   * none: the channel must not exist yet) and records the change that made them. False, and
   * nothing saved, when someone else changed the channel meanwhile.
   */
  save(channel: ChatChannel, change: ChannelChange): Promise<boolean>;
  /** Records the channel's tenant when none is recorded yet (a channel set up before tenants were). */
  adoptTenant(platform: ChatChannel['platform'], channel: string, tenant: string): Promise<void>;
  /**
   * Pauses the chat channels of a tenant, or one channel, that are not paused yet, recording the
   * change; returns the channels it paused. The bot was removed from a server, or lost a channel.
   */
  pause(platform: ChatChannel['platform'], where: { tenant: string } | { channel: string }, change: ChannelChange): Promise<string[]>;
  /** The channel's changes, newest first. */
  changes(platform: ChatChannel['platform'], channel: string, limit: number): Promise<ChannelChange[]>;
}

/** Timestamps come back as Date from PostgreSQL and as text from SQLite. */
const isoText = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

function toChannel(row: Row): ChatChannel {
  return {
    platform: row.platform as ChatChannel['platform'],
    channel: String(row.channel),
    sources: (typeof row.sources === 'string' ? JSON.parse(row.sources) : row.sources) as string[],
    schedule: String(row.schedule),
    timeZone: String(row.time_zone),
    keywords: (typeof row.keywords === 'string' ? JSON.parse(row.keywords) : row.keywords) as string[],
    maxItems: Number(row.max_items),
    paused: row.paused === true || row.paused === 1,
    updatedAt: isoText(row.updated_at),
    updatedBy: String(row.updated_by),
    tenant: String(row.tenant ?? ''),
    version: Number(row.version),
  };
}

const COLUMNS = 'platform, channel, sources, schedule, time_zone, keywords, max_items, paused, updated_at, updated_by, tenant, version';

/** The chat channels in the store's own database (SQLite or PostgreSQL, migrations 4 and 6). */
export class SqlChatChannelStore implements ChatChannelStore {
  constructor(private readonly db: SqlConnection) {}

  async get(platform: ChatChannel['platform'], channel: string): Promise<ChatChannel | null> {
    const [row] = await this.db.all(`SELECT ${COLUMNS} FROM chat_channels WHERE platform = ? AND channel = ?`, [platform, channel]);
    return row ? toChannel(row) : null;
  }

  async list(filter?: { platform: ChatChannel['platform']; tenant: string }): Promise<ChatChannel[]> {
    if (filter) {
      const rows = await this.db.all(`SELECT ${COLUMNS} FROM chat_channels WHERE platform = ? AND tenant = ? ORDER BY channel`, [
        filter.platform,
        filter.tenant,
      ]);
      return rows.map(toChannel);
    }
    return (await this.db.all(`SELECT ${COLUMNS} FROM chat_channels ORDER BY platform, channel`)).map(toChannel);
  }

  async save(channel: ChatChannel, change: ChannelChange): Promise<boolean> {
    const paused = this.db.kind === 'postgres' ? channel.paused : channel.paused ? 1 : 0;
    const settings = [
      JSON.stringify(channel.sources),
      channel.schedule,
      channel.timeZone,
      JSON.stringify(channel.keywords),
      channel.maxItems,
      paused,
      channel.updatedAt,
      channel.updatedBy,
      channel.tenant ?? '',
    ];
    // Compare-and-set: the row is written only if it is still as it was read (or still absent).
    const written =
      channel.version === undefined
        ? await this.db.all(
            `INSERT INTO chat_channels (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
             ON CONFLICT (platform, channel) DO NOTHING RETURNING channel`,
            [channel.platform, channel.channel, ...settings],
          )
        : await this.db.all(
            `UPDATE chat_channels SET sources = ?, schedule = ?, time_zone = ?, keywords = ?, max_items = ?, paused = ?,
               updated_at = ?, updated_by = ?, tenant = COALESCE(NULLIF(?, ''), tenant), version = version + 1
             WHERE platform = ? AND channel = ? AND version = ? RETURNING channel`,
            [...settings, channel.platform, channel.channel, channel.version],
          );
    if (written.length === 0) return false;
    // Recorded once the settings are in: a change lost to someone else's is not in the log.
    await this.db.run('INSERT INTO chat_channel_changes (platform, channel, actor, at, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      channel.platform,
      channel.channel,
      change.actor,
      change.at,
      change.action,
      change.detail,
    ]);
    return true;
  }

  async adoptTenant(platform: ChatChannel['platform'], channel: string, tenant: string): Promise<void> {
    await this.db.run("UPDATE chat_channels SET tenant = ? WHERE platform = ? AND channel = ? AND tenant = ''", [tenant, platform, channel]);
  }

  async pause(platform: ChatChannel['platform'], where: { tenant: string } | { channel: string }, change: ChannelChange): Promise<string[]> {
    const [column, value] = 'tenant' in where ? ['tenant', where.tenant] : ['channel', where.channel];
    // An unknown tenant ('') is no tenant: it never names a group of channels.
    if (!value) return [];
    const [yes, no] = this.db.kind === 'postgres' ? [true, false] : [1, 0];
    const rows = await this.db.all(
      `UPDATE chat_channels SET paused = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE platform = ? AND ${column} = ? AND paused = ? RETURNING channel`,
      [yes, change.at, change.actor, platform, value, no],
    );
    const channels = rows.map((row) => String(row.channel)).sort();
    for (const channel of channels) {
      await this.db.run('INSERT INTO chat_channel_changes (platform, channel, actor, at, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [
        platform,
        channel,
        change.actor,
        change.at,
        change.action,
        change.detail,
      ]);
    }
    return channels;
  }

  async changes(platform: ChatChannel['platform'], channel: string, limit: number): Promise<ChannelChange[]> {
    const rows = await this.db.all(
      'SELECT actor, at, action, detail FROM chat_channel_changes WHERE platform = ? AND channel = ? ORDER BY id DESC LIMIT ?',
      [platform, channel, limit],
    );
    return rows.map((row) => ({ actor: String(row.actor), at: isoText(row.at), action: String(row.action), detail: String(row.detail) }));
  }
}
