import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { channelSetup } from '../../../src/service/setup.js';
import type { ChatChannelStore } from '../../../src/store/chat-channels.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { FakeDiscordApi, type RecordedRequest } from '../../fakes/discord-api.js';
import { FakeDiscordGateway, autocompleteInteraction, commandInteraction, fakeIds } from '../../fakes/discord-gateway.js';
import { testContext, testNow } from './setup.js';
import { subscribedEarlier } from '../../fakes/chat-channels.js';

/**
 * /newsdigest over the gateway: discord.js reads the native subcommand, the member's permissions
 * in the channel and the bot's own; the channel's set-up lives in a real SQLite store.
 */

const MANAGE_CHANNELS = String(1 << 4);
const SEND_ONLY = String(1 << 11);
const callbackOf = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/${token}/callback`);

describe('/newsdigest over the Discord gateway', () => {
  let api: FakeDiscordApi;
  let gateway: FakeDiscordGateway;
  let discord: DiscordPlatform;
  let store: SqliteStore;
  let chatChannels: ChatChannelStore;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdigest-gateway-setup-'));
    store = new SqliteStore({ path: join(dir, 'store.sqlite') });
    await store.migrate();
    chatChannels = store.stores.chatChannels;
    api = await new FakeDiscordApi().start();
    gateway = await new FakeDiscordGateway().start();
    api.gatewayUrl = gateway.url;
    discord = createDiscordPlatform({
      token: 'test-token',
      applicationId: fakeIds.application,
      mode: 'gateway',
      apiUrl: api.apiUrl,
      context: testContext([]),
      contextFor: (channelId, caller) => ({
        ...testContext([]),
        digestChannel: null,
        setup:
          channelId && caller
            ? channelSetup({ platform: 'discord', channel: channelId, caller, configured: undefined, chatChannels, now: () => testNow })
            : undefined,
      }),
      logger: silentLogger,
      deferAfterMs: 1000,
    });
    await discord.start();
  });
  afterEach(async () => {
    await discord.stop();
    await gateway.close();
    await api.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(subcommand: string, options: Record<string, string>, permissions: string): Promise<string> {
    const base = commandInteraction('newsdigest');
    const interaction = {
      ...base,
      member: { ...base.member, permissions },
      data: {
        ...base.data,
        options: [{ name: subcommand, type: 1, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }],
      },
    };
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    return String(callback!.body.data.content ?? JSON.stringify(callback!.body.data.embeds));
  }

  it('a member with Manage Channels schedules the channel; one without is refused', async () => {
    expect(await send('schedule', { time: '06:45', zone: 'Europe/Oslo', days: 'weekdays' }, MANAGE_CHANNELS)).toContain(
      'now posted weekdays at 06:45 Europe/Oslo',
    );
    expect(await chatChannels.get('discord', fakeIds.channel)).toMatchObject({
      schedule: '45 6 * * 1-5',
      timeZone: 'Europe/Oslo',
      updatedBy: `discord:${fakeIds.user}`,
    });
    expect(await send('pause', {}, SEND_ONLY)).toContain('Only members who can manage this channel');
    expect((await chatChannels.get('discord', fakeIds.channel))?.paused).toBe(false);
    expect(await send('status', {}, SEND_ONLY)).toContain('weekdays at 06:45 Europe/Oslo');
  });

  it('suggests the channel’s sources while typing /newsdigest unsubscribe', async () => {
    await subscribedEarlier(
      chatChannels,
      { platform: 'discord', channel: fakeIds.channel, sources: ['https://a.example/feed.xml', 'https://b.example/rss'] },
      testNow,
    );
    const base = autocompleteInteraction('newsdigest', 'source', 'b.ex');
    const interaction = {
      ...base,
      data: { ...base.data, options: [{ name: 'unsubscribe', type: 1, options: [{ name: 'source', type: 3, value: 'b.ex', focused: true }] }] },
    };
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body).toMatchObject({ type: 8, data: { choices: [{ name: 'https://b.example/rss', value: 'https://b.example/rss' }] } });
  });
});
