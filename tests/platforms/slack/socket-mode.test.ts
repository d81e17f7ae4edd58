import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/digest/library.js';
import { createSlackPlatform, type SlackPlatform } from '../../../src/platforms/slack/app.js';
import type { HttpRoute } from '../../../src/platforms/types.js';
import { serveRoutes } from '../../../src/service/http.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { buttonPayload, slashCommandFields } from '../../fakes/signed-request.js';
import { digestOf } from './fixtures.js';
import { capturingLogger, FAST_RETRY } from './helpers.js';

let slack: FakeSlackApi;
let platform: SlackPlatform;
let logs: string[];

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  const captured = capturingLogger();
  logs = captured.lines;
  platform = createSlackPlatform({
    botToken: slack.botToken,
    signingSecret: '',
    appToken: 'xapp-1-test',
    mode: 'socket',
    apiUrl: slack.apiUrl,
    context: {
      library: new MemoryLibrary([digestOf(3)]),
      fetchArticle: async () => Promise.reject(new Error('offline')),
      now: () => new Date('2026-03-02T09:00:00Z'),
      timeZone: 'UTC',
    },
    logger: captured.logger,
    retry: FAST_RETRY,
    minIntervalMs: 0,
  });
  await platform.start();
});

afterEach(async () => {
  await platform.stop();
  await slack.close();
});

describe('Slack Socket Mode', () => {
  it('connects with the app token and answers a slash command and a button sent over the socket', async () => {
    const open = slack.calls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe('Bearer xapp-1-test');

    const ack = await slack.sendEnvelope('slash_commands', slashCommandFields('/digest', '', slack.responseUrl('socket-1')));
    expect(ack.envelope_id).toBe('env-1');
    await slack.waitFor(() => slack.responses('socket-1').length > 0);
    expect(slack.responses('socket-1')[0]).toMatchObject({ response_type: 'ephemeral', text: 'Morning digest — 2026-03-02' });

    await slack.sendEnvelope('interactive', buttonPayload('newsdigest:figures:story-2', 'story-2', slack.responseUrl('socket-2')));
    await slack.waitFor(() => slack.responses('socket-2').length > 0);
    expect(JSON.stringify(slack.responses('socket-2')[0]!.blocks)).toContain('at least 3 passengers injured');

    // Debug logs quote the envelopes; tokens in them are hidden.
    const logged = logs.join('');
    expect(logged).toContain('Received a message on the WebSocket');
    expect(logged).not.toContain('xapp-1-test');
    expect(logged).not.toContain('deprecated-verification-token');
    expect(logged).not.toContain(slack.botToken);
  });

  it('adds no Slack endpoint to the service routes', async () => {
    expect(platform.routes).toEqual([]);
    const routes: HttpRoute[] = [...platform.routes, { path: '/healthz', method: 'GET', handler: (_req, res) => void res.end('ok') }];
    const server = await serveRoutes(routes, 0, capturingLogger().logger, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok');
      expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('still posts digests through the Web API', async () => {
    const { messageIds } = await platform.post('C123', digestOf(1));
    expect(messageIds).toEqual([slack.messages[0]!.ts]);
  });
});
