import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { FakeDiscordApi } from '../../fakes/discord-api.js';
import { FakeDiscordGateway, commandInteraction, fakeIds } from '../../fakes/discord-gateway.js';
import { digestOf } from './stories.js';
import { testContext } from './setup.js';

describe('Discord gateway connection upkeep', () => {
  let api: FakeDiscordApi;
  let gateway: FakeDiscordGateway;
  let discord: DiscordPlatform;

  afterEach(async () => {
    await discord.stop();
    await gateway.close();
    await api.close();
  });

  async function connect(options: ConstructorParameters<typeof FakeDiscordGateway>[0]): Promise<void> {
    api = await new FakeDiscordApi().start();
    gateway = await new FakeDiscordGateway(options).start();
    api.gatewayUrl = gateway.url;
    discord = createDiscordPlatform({
      token: 't',
      applicationId: fakeIds.application,
      mode: 'gateway',
      apiUrl: api.apiUrl,
      context: testContext([digestOf(3)]),
      logger: silentLogger,
    });
    await discord.start();
  }

  it('waits for its guild, then caches the guild and its channels but none of its members', async () => {
    await connect({ guildMembers: 200 });
    const guild = discord.client!.guilds.cache.get(fakeIds.guild);
    expect(guild?.name).toBe('Fake newsroom');
    expect(guild!.channels.cache.has(fakeIds.channel)).toBe(true);
    expect(guild!.members.cache.size).toBe(0);
    // Only the bot's own user is kept.
    expect([...discord.client!.users.cache.keys()]).toEqual([fakeIds.application]);
    // Users seen in interactions are not kept either.
    const interaction = commandInteraction('summary');
    gateway.interaction(interaction);
    await api.waitFor((r) => r.path.endsWith(`/${interaction.token}/callback`));
    expect([...discord.client!.users.cache.keys()]).toEqual([fakeIds.application]);
    expect(guild!.members.cache.size).toBe(0);
  });

  it('heartbeats and gets acknowledged without reconnecting', async () => {
    await connect({ heartbeatIntervalMs: 20 });
    await gateway.waitForOp(1, 3);
    expect(gateway.identifies).toHaveLength(1);
    expect(await discord.ready!()).toBe(true);
  });
});
