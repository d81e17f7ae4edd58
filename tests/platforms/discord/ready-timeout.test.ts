import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { silentLogger } from '../../../src/log.js';
import { createDiscordPlatform } from '../../../src/platforms/discord/client.js';
import { FakeDiscordApi } from '../../fakes/discord-api.js';
import { fakeIds } from '../../fakes/discord-gateway.js';
import { testContext } from './setup.js';

describe('Discord gateway that never becomes ready', () => {
  let api: FakeDiscordApi | undefined;
  let silent: WebSocketServer | undefined;
  afterEach(async () => {
    await api?.close();
    await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  });

  it('gives up with a clear error instead of holding the start forever', async () => {
    // A gateway that says HELLO and acknowledges heartbeats but never answers IDENTIFY with READY.
    silent = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => silent!.once('listening', () => resolve()));
    silent.on('connection', (socket) => {
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
      socket.on('message', (raw) => {
        if (JSON.parse(String(raw)).op === 1) socket.send(JSON.stringify({ op: 11 }));
      });
    });
    api = await new FakeDiscordApi().start();
    api.gatewayUrl = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const discord = createDiscordPlatform({
      token: 'test-token',
      applicationId: fakeIds.application,
      mode: 'gateway',
      apiUrl: api.apiUrl,
      context: testContext([]),
      logger: silentLogger,
      readyTimeoutMs: 500,
    });
    await expect(discord.start()).rejects.toThrow(
      /^Discord accepted the login but the gateway was not ready within 1 s: check the network to Discord and DISCORD_API_URL http:\/\/127\.0\.0\.1:\d+/,
    );
    await discord.stop();
  });
});
