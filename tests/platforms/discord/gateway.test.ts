import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { MemoryLibrary } from '../../../src/digest/library.js';
import type { Digest, DigestItem } from '../../../src/digest/types.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { buttonCustomId } from '../../../src/platforms/discord/render.js';
import type { CommandObserver } from '../../../src/platforms/types.js';
import { FakeDiscordApi, type RecordedRequest } from '../../fakes/discord-api.js';
import { FakeDiscordGateway, autocompleteInteraction, buttonInteraction, commandInteraction, fakeIds } from '../../fakes/discord-gateway.js';
import { digestOf, hostileStory, story } from './stories.js';
import { testContext } from './setup.js';

/** A library whose look-ups wait until the test lets them through: makes "slow work" deterministic. */
class GatedLibrary extends MemoryLibrary {
  private gate: Promise<void> | null = null;
  private open: () => void = () => {};
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
    this.gate = null;
  }
  override async digest(date?: string): Promise<Digest | null> {
    await this.gate;
    return super.digest(date);
  }
  override async item(id: string): Promise<DigestItem | null> {
    await this.gate;
    return super.item(id);
  }
}

const callbackOf = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/${token}/callback`);

describe('Discord over the gateway', () => {
  let api: FakeDiscordApi;
  let gateway: FakeDiscordGateway;
  let library: GatedLibrary;
  let discord: DiscordPlatform;
  const observed: Parameters<CommandObserver>[0][] = [];
  let onObserved = () => {};
  /** Resolves once `count` answers were observed (the observer runs after the last follow-up). */
  const observedCount = (count: number) =>
    new Promise<void>((resolve) => {
      onObserved = () => observed.length >= count && resolve();
      onObserved();
    });

  beforeEach(async () => {
    api = await new FakeDiscordApi().start();
    gateway = await new FakeDiscordGateway().start();
    api.gatewayUrl = gateway.url;
    library = new GatedLibrary([{ ...digestOf(12), items: [...digestOf(11).items, hostileStory()] }]);
    observed.length = 0;
    discord = createDiscordPlatform({
      token: 'test-token',
      applicationId: fakeIds.application,
      mode: 'gateway',
      apiUrl: api.apiUrl,
      context: testContext([], library),
      logger: silentLogger,
      observe: (event) => {
        observed.push(event);
        onObserved();
      },
      // Long enough that fast answers never defer on a busy machine; the slow test holds the library.
      deferAfterMs: 1000,
    });
    await discord.start();
  });
  afterEach(async () => {
    library.release();
    await discord.stop();
    await gateway.close();
    await api.close();
  });

  it('connects through the URL from /gateway/bot with only the Guilds intent', async () => {
    expect(api.requestsTo('GET', '/gateway/bot')).toHaveLength(1);
    const [identify] = gateway.identifies;
    expect((identify!.d as { intents: number }).intents).toBe(1);
    expect((identify!.d as { token: string }).token).toBe('test-token');
    expect(await discord.ready!()).toBe(true);
    expect(discord.routes).toEqual([]);
  });

  it('answers /digest ephemerally with the digest embeds, continuing a long digest in follow-ups', async () => {
    const interaction = commandInteraction('digest');
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body.type).toBe(4);
    expect(callback!.body.data.flags).toBe(64);
    expect(callback!.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback!.body.data.embeds).toHaveLength(5);
    expect(callback!.body.data.content).toContain('12 stories');
    const followUps = await api.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${fakeIds.application}/${interaction.token}`), 2);
    expect(followUps.map((r) => r.body.embeds.length)).toEqual([5, 2]);
    expect(followUps.every((r) => r.body.flags === 64)).toBe(true);
    expect(JSON.stringify(followUps.map((r) => r.body))).not.toMatch(/@everyone|<@\d/);
    await observedCount(1);
    expect(observed).toContainEqual(expect.objectContaining({ platform: 'discord', command: 'digest', ok: true }));
  });

  it('posts a shared /digest in the channel (not ephemeral)', async () => {
    const interaction = commandInteraction('digest', { when: '2', share: true });
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body.data.flags).toBeUndefined();
    expect(callback!.body.data.embeds).toHaveLength(2);
  });

  it('defers slow work, then edits the answer in', async () => {
    library.hold();
    const interaction = commandInteraction('article', { query: 'story0003abcdef' });
    gateway.interaction(interaction);
    const [deferred] = await api.waitFor(callbackOf(interaction.token));
    expect(deferred!.body).toEqual({ type: 5, data: { flags: 64 } });
    library.release();
    const [edit] = await api.waitFor(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/webhooks/${fakeIds.application}/${interaction.token}/messages/@original`),
    );
    expect(edit!.body.embeds[0].title).toBe('Harbour town 3 reopens its ferry line after the storm');
    expect(edit!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('suggests stored headlines for /article, at most 25', async () => {
    library.add({ ...digestOf(40, '2024-05-08') });
    const interaction = autocompleteInteraction('article', 'query', 'harbour ferry');
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body.type).toBe(8);
    const choices = callback!.body.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'Harbour town 1 reopens its ferry line after the storm', value: 'story0001abcdef' });
  });

  it('answers the Quotes, Figures and Source buttons ephemerally', async () => {
    const answers: Record<string, RecordedRequest> = {};
    for (const part of ['quotes', 'figures', 'source'] as const) {
      const interaction = buttonInteraction(buttonCustomId(part, story(2).id));
      gateway.interaction(interaction);
      answers[part] = (await api.waitFor(callbackOf(interaction.token)))[0]!;
    }
    expect(answers.quotes!.body.data.flags).toBe(64);
    expect(answers.quotes!.body.data.embeds[0].fields.map((f: { name: string }) => f.name)).toEqual(['Mara Lind', 'Jon Brae', 'Unattributed']);
    expect(answers.figures!.body.data.embeds[0].description).toContain('at least 3 workers injured');
    expect(answers.source!.body.data.embeds[0].fields[0].value).toContain('https://news.example/harbour/2');
    await observedCount(3);
    expect(observed.map((o) => o.command)).toEqual(['button:quotes', 'button:figures', 'button:source']);
  });

  it('answers a button for a story no longer stored with a clear notice', async () => {
    const interaction = buttonInteraction(buttonCustomId('quotes', 'gone'));
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body.data.content).toContain('That story is no longer stored.');
    expect(callback!.body.data.flags).toBe(64);
  });

  it('resumes after the connection drops and keeps answering', async () => {
    gateway.dropConnection();
    await gateway.waitForOp(6);
    expect((gateway.resumes[0]!.d as { token: string }).token).toBe('test-token');
    const interaction = commandInteraction('summary');
    gateway.interaction(interaction);
    const [callback] = await api.waitFor(callbackOf(interaction.token));
    expect(callback!.body.type).toBe(4);
    expect(gateway.identifies).toHaveLength(1);
  });
});
