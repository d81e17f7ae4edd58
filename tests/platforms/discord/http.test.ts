import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { MemoryLibrary } from '../../../src/digest/library.js';
import type { Digest } from '../../../src/digest/types.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/client.js';
import { readInteraction } from '../../../src/platforms/discord/http.js';
import { buttonCustomId } from '../../../src/platforms/discord/render.js';
import { FakeDiscordApi, type RecordedRequest } from '../../fakes/discord-api.js';
import { autocompleteInteraction, buttonInteraction, commandInteraction, fakeIds, inChannel } from '../../fakes/discord-gateway.js';
import { digestOf, story } from './stories.js';
import { testContext, testNow } from './setup.js';

/** The portal shows the public key as 64 hex characters: the raw 32-byte Ed25519 key. */
function publicKeyHex(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
}

/** An interaction response body, as loosely typed as the bodies the fake API records. */
async function answerOf(response: Response): Promise<RecordedRequest['body']> {
  return response.json();
}

class SlowLibrary extends MemoryLibrary {
  release: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  override async digest(date?: string): Promise<Digest | null> {
    await this.gate;
    return super.digest(date);
  }
}

describe('Discord HTTP interactions endpoint', () => {
  const keys = generateKeyPairSync('ed25519');
  const timestamp = String(Math.floor(testNow.getTime() / 1000));
  let api: FakeDiscordApi;
  let server: Server;
  let endpoint: string;
  let library: MemoryLibrary;
  let discord: DiscordPlatform;

  async function serve(lib: MemoryLibrary): Promise<void> {
    discord = createDiscordPlatform({
      token: 'test-token',
      applicationId: fakeIds.application,
      publicKey: publicKeyHex(keys.publicKey),
      mode: 'http',
      apiUrl: api.apiUrl,
      context: testContext([], lib),
      logger: silentLogger,
      deferAfterMs: 1000,
    });
    const [route] = discord.routes;
    server = createServer((req, res) => {
      if (req.method === route!.method && req.url === route!.path) void route!.handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${route!.path}`;
  }

  function post(body: unknown, options: { signWith?: KeyObject; at?: string; tamper?: boolean } = {}) {
    const text = JSON.stringify(body);
    const at = options.at ?? timestamp;
    const signature = sign(null, Buffer.from(at + text), options.signWith ?? keys.privateKey).toString('hex');
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': at },
      body: options.tamper ? text.replace('}', ',"extra":1}') : text,
    });
  }

  beforeEach(async () => {
    api = await new FakeDiscordApi().start();
    library = new MemoryLibrary([digestOf(7)]);
    await serve(library);
  });
  afterEach(async () => {
    await discord.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api.close();
  });

  it('serves POST /discord/interactions and answers a signed PING with PONG', async () => {
    expect(discord.routes.map((r) => [r.method, r.path])).toEqual([['POST', '/discord/interactions']]);
    const response = await post({ type: 1, id: '1', application_id: fakeIds.application, token: 't', version: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it('refuses a bad signature, a tampered body, another key and an old timestamp with 401', async () => {
    const ping = { type: 1, id: '1', application_id: fakeIds.application, token: 't', version: 1 };
    const bad = await fetch(endpoint, {
      method: 'POST',
      headers: { 'x-signature-ed25519': '00'.repeat(64), 'x-signature-timestamp': timestamp },
      body: JSON.stringify(ping),
    });
    expect(bad.status).toBe(401);
    expect((await post(ping, { tamper: true })).status).toBe(401);
    expect((await post(ping, { signWith: generateKeyPairSync('ed25519').privateKey })).status).toBe(401);
    expect((await post(ping, { at: String(Number(timestamp) - 3600) })).status).toBe(401);
    const unsigned = await fetch(endpoint, { method: 'POST', body: JSON.stringify(ping) });
    expect(unsigned.status).toBe(401);
  });

  it('runs a signed interaction once when it is replayed within the window', async () => {
    const interaction = buttonInteraction(buttonCustomId('source', story(5).id));
    const first = await post(interaction);
    expect((await answerOf(first)).type).toBe(4);
    const replay = await post(interaction);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: 'replayed request' });
    // Another interaction (its own signature) still runs.
    expect((await answerOf(await post(buttonInteraction(buttonCustomId('source', story(5).id))))).type).toBe(4);
  });

  it('answers /digest in the HTTP response and the rest of a long digest through the webhook', async () => {
    const interaction = commandInteraction('digest');
    const response = await post(interaction);
    const answer = await answerOf(response);
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBe(64);
    expect(answer.data.allowed_mentions).toEqual({ parse: [] });
    expect(answer.data.embeds).toHaveLength(5);
    const [followUp] = await api.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${fakeIds.application}/${interaction.token}`);
    expect(followUp!.body.embeds).toHaveLength(2);
    expect(followUp!.body.flags).toBe(64);
    // Webhook calls are authorised by the interaction token in the path, not the bot token.
    expect(followUp!.headers.authorization).toBeUndefined();
  });

  it('defers slow work with a deferred response, then edits the original response', async () => {
    const slow = new SlowLibrary([digestOf(2)]);
    await discord.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await serve(slow);
    const interaction = commandInteraction('digest');
    const response = await post(interaction);
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    slow.release();
    const [edit] = await api.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${fakeIds.application}/${interaction.token}/messages/@original`,
    );
    expect(edit!.body.embeds).toHaveLength(2);
  });

  it('answers autocomplete with stored headlines', async () => {
    const response = await post(autocompleteInteraction('article', 'query', 'harbour 4'));
    const answer = await answerOf(response);
    expect(answer.type).toBe(8);
    expect(answer.data.choices[0]).toEqual({ name: 'Harbour town 4 reopens its ferry line after the storm', value: 'story0004abcdef' });
    expect(answer.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('answers a digest button ephemerally', async () => {
    const response = await post(buttonInteraction(buttonCustomId('source', story(5).id)));
    const answer = await answerOf(response);
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBe(64);
    expect(answer.data.embeds[0].fields[0].value).toContain('https://news.example/harbour/5');
  });

  it('needs DISCORD_PUBLIC_KEY in http mode', () => {
    expect(() =>
      createDiscordPlatform({ token: 't', applicationId: fakeIds.application, mode: 'http', context: testContext([]), logger: silentLogger }),
    ).toThrow(/DISCORD_PUBLIC_KEY is not set/);
  });
});

describe('reading an HTTP interaction: the server it came from is its tenant', () => {
  const guild = '1300000000000000100';
  it.each([
    ['a server channel', inChannel(commandInteraction('digest'), { guild, channel: '1300000000000000200' }), guild],
    ['a DM with the bot', inChannel(commandInteraction('digest'), { dm: '1300000000000000299' }), undefined],
  ])('%s', (_place, interaction, expected) => {
    expect(readInteraction(interaction as unknown as APIInteraction)?.guildId).toBe(expected);
  });
});
