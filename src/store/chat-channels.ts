import type { ChannelSettings, SetupChange } from '../commands/setup.js';
import type { Row, SqlConnection } from './rows.js';

/** A channel set up from chat with `/newsdigest`, and one change made to it: the command's own shapes, stored as they are. */
export type ChatChannel = ChannelSettings;
export type ChannelChange = SetupChange;

/** Where chat-set-up channels live; one per store, both dialects behind one interface. */
export interface ChatChannelStore {
  get(platform: ChatChannel['platform'], channel: string): Promise<ChatChannel | null>;
  list(): Promise<ChatChannel[]>;
  /** Saves the channel's new settings and records the change that made them. */
  save(channel: ChatChannel, change: ChannelChange): Promise<void>;
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
  };
}

const COLUMNS = 'platform, channel, sources, schedule, time_zone, keywords, max_items, paused, updated_at, updated_by';

/** The chat channels in the store's own database (SQLite or PostgreSQL, migration 4). */
export class SqlChatChannelStore implements ChatChannelStore {
  constructor(private readonly db: SqlConnection) {}

  async get(platform: ChatChannel['platform'], channel: string): Promise<ChatChannel | null> {
    const [row] = await this.db.all(`SELECT ${COLUMNS} FROM chat_channels WHERE platform = ? AND channel = ?`, [platform, channel]);
    return row ? toChannel(row) : null;
  }

  async list(): Promise<ChatChannel[]> {
    return (await this.db.all(`SELECT ${COLUMNS} FROM chat_channels ORDER BY platform, channel`)).map(toChannel);
  }

  async save(channel: ChatChannel, change: ChannelChange): Promise<void> {
    // The change is recorded first: a settings row never exists without the change that made it.
    await this.db.run('INSERT INTO chat_channel_changes (platform, channel, actor, at, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      channel.platform,
      channel.channel,
      change.actor,
      change.at,
      change.action,
      change.detail,
    ]);
    const paused = this.db.kind === 'postgres' ? channel.paused : channel.paused ? 1 : 0;
    await this.db.run(
      `INSERT INTO chat_channels (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel) DO UPDATE SET sources = excluded.sources, schedule = excluded.schedule,
         time_zone = excluded.time_zone, keywords = excluded.keywords, max_items = excluded.max_items,
         paused = excluded.paused, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        channel.platform,
        channel.channel,
        JSON.stringify(channel.sources),
        channel.schedule,
        channel.timeZone,
        JSON.stringify(channel.keywords),
        channel.maxItems,
        paused,
        channel.updatedAt,
        channel.updatedBy,
      ],
    );
  }

  async changes(platform: ChatChannel['platform'], channel: string, limit: number): Promise<ChannelChange[]> {
    const rows = await this.db.all(
      'SELECT actor, at, action, detail FROM chat_channel_changes WHERE platform = ? AND channel = ? ORDER BY id DESC LIMIT ?',
      [platform, channel, limit],
    );
    return rows.map((row) => ({ actor: String(row.actor), at: isoText(row.at), action: String(row.action), detail: String(row.detail) }));
  }
}
