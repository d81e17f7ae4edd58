/**
 * A fake Discord gateway (the `ws` package) on 127.0.0.1, where FakeDiscordApi's /gateway/bot
 * points. It speaks enough of the protocol for discord.js: HELLO, heartbeat ACK, READY after
 * IDENTIFY, RESUMED after RESUME, and dispatches INTERACTION_CREATE on demand. It can also drop
 * the connection so that a test sees discord.js resume.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { snowflake } from './discord-api.js';

export interface GatewayPayload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export const fakeIds = {
  application: '1200000000000000001',
  guild: '1200000000000000100',
  channel: '1200000000000000200',
  user: '1200000000000000300',
} as const;

const user = { id: fakeIds.user, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };

/** Fields every interaction from a guild carries. */
function interactionBase(type: number) {
  return {
    id: snowflake(),
    application_id: fakeIds.application,
    type,
    token: `interaction-token-${snowflake()}`,
    version: 1,
    guild_id: fakeIds.guild,
    channel_id: fakeIds.channel,
    channel: {
      id: fakeIds.channel,
      type: 0,
      guild_id: fakeIds.guild,
      name: 'news',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    },
    member: { user, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '2248473465835073' },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': fakeIds.guild },
    context: 0,
  };
}

type OptionValue = string | number | boolean;
const optionType = (value: OptionValue) => (typeof value === 'string' ? 3 : typeof value === 'number' ? 4 : 5);

/** A slash command as Discord sends it (INTERACTION_CREATE or an HTTP interaction). */
export function commandInteraction(name: string, options: Record<string, OptionValue> = {}) {
  return {
    ...interactionBase(2),
    data: { id: snowflake(), name, type: 1, options: Object.entries(options).map(([key, value]) => ({ name: key, type: optionType(value), value })) },
  };
}

export function autocompleteInteraction(name: string, option: string, partial: string) {
  return {
    ...interactionBase(4),
    data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: partial, focused: true }] },
  };
}

export function buttonInteraction(customId: string) {
  return {
    ...interactionBase(3),
    message: {
      id: snowflake(),
      channel_id: fakeIds.channel,
      author: { id: fakeIds.application, username: 'newsdigest', discriminator: '0000', avatar: null, bot: true, global_name: null },
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: 0,
      timestamp: '2024-01-01T00:00:00.000Z',
    },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A server the bot is in, with its text channels. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

const fakeGuild: FakeGuild = { id: fakeIds.guild, name: 'Fake newsroom', channels: [{ id: fakeIds.channel, name: 'news' }] };

/**
 * An interaction moved to another server's channel (or, with no guild, to a DM with the bot),
 * sent by a member with these permissions there.
 */
export function inChannel<T extends ReturnType<typeof interactionBase>>(
  interaction: T,
  place: { guild: string; channel: string; name?: string; permissions?: string } | { dm: string },
): T {
  if ('dm' in place) {
    const { guild_id: _guild, member, ...rest } = interaction;
    return { ...rest, channel_id: place.dm, channel: { id: place.dm, type: 1 }, user: member.user, context: 1 } as unknown as T;
  }
  return {
    ...interaction,
    guild_id: place.guild,
    channel_id: place.channel,
    channel: { ...interaction.channel, id: place.channel, guild_id: place.guild, name: place.name ?? 'news' },
    member: { ...interaction.member, permissions: place.permissions ?? interaction.member.permissions },
    authorizing_integration_owners: { '0': place.guild },
  };
}

function guildCreate(memberCount: number, guild: FakeGuild = fakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: fakeIds.user,
    unavailable: false,
    member_count: memberCount,
    large: memberCount > 50,
    joined_at: '2024-01-01T00:00:00.000Z',
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: '104324673',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: guild.channels.map((channel, position) => ({ ...channel, type: 0, position, permission_overwrites: [], nsfw: false, parent_id: null })),
    threads: [],
    members: Array.from({ length: memberCount }, (_, i) => ({
      user: { id: String(1_400_000_000_000_000_000n + BigInt(i)), username: `member${i}`, discriminator: '0', global_name: null, avatar: null },
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    })),
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    features: [],
  };
}

export class FakeDiscordGateway extends EventEmitter {
  readonly received: GatewayPayload[] = [];
  private server: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private sequence = 0;
  private readonly sessionId = `session-${snowflake()}`;
  url = '';

  /**
   * heartbeatIntervalMs: what HELLO asks for (default 45 s, as Discord). guildMembers: READY lists
   * the fake guild as unavailable and a GUILD_CREATE follows with a text channel and this many members.
   */
  constructor(private readonly options: { heartbeatIntervalMs?: number; guildMembers?: number } = {}) {
    super();
  }

  get identifies(): GatewayPayload[] {
    return this.received.filter((p) => p.op === 2);
  }

  get resumes(): GatewayPayload[] {
    return this.received.filter((p) => p.op === 6);
  }

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.server.on('connection', (socket) => this.accept(socket));
    return this;
  }

  /** Resolves once `count` payloads with this op code have arrived (e.g. 2 = IDENTIFY, 6 = RESUME). */
  waitForOp(op: number, count = 1): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.received.filter((p) => p.op === op).length >= count) {
          this.off('payload', check);
          resolve();
        }
      };
      this.on('payload', check);
      check();
    });
  }

  /** Sends a dispatch (op 0) with the next sequence number. */
  dispatch(event: string, data: unknown): void {
    this.send({ op: 0, t: event, s: ++this.sequence, d: data });
  }

  interaction(payload: unknown): void {
    this.dispatch('INTERACTION_CREATE', payload);
  }

  /** The bot is added to a server (GUILD_CREATE, as Discord sends when an invite is accepted). */
  joinGuild(guild: FakeGuild): void {
    this.dispatch('GUILD_CREATE', guildCreate(0, guild));
  }

  /** The bot is removed from (or leaves) a server: GUILD_DELETE without `unavailable`, unlike an outage. */
  removeFromGuild(id: string): void {
    this.dispatch('GUILD_DELETE', { id });
  }

  /** Closes the connection as a network fault would (a resumable close code); discord.js should RESUME. */
  dropConnection(code = 4000): void {
    this.socket?.close(code, 'fake gateway dropped the connection');
  }

  async close(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private send(payload: GatewayPayload): void {
    this.socket?.send(JSON.stringify(payload));
  }

  private accept(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as GatewayPayload;
      this.received.push(payload);
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) {
        this.dispatch('READY', {
          v: 10,
          user: { id: fakeIds.application, username: 'newsdigest', discriminator: '0000', avatar: null, bot: true, global_name: null, flags: 0 },
          guilds: this.options.guildMembers === undefined ? [] : [{ id: fakeIds.guild, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: this.url,
          shard: [0, 1],
          application: { id: fakeIds.application, flags: 0 },
        });
      }
      if (payload.op === 2 && this.options.guildMembers !== undefined) this.dispatch('GUILD_CREATE', guildCreate(this.options.guildMembers));
      if (payload.op === 6) this.dispatch('RESUMED', {});
      this.emit('payload', payload);
    });
  }
}
