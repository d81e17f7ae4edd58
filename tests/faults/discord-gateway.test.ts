import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/service/service.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { commandInteraction, FakeDiscordGateway, fakeIds } from '../fakes/discord-gateway.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { channelConfig, DATE, FIRE, workspace } from './harness.js';

/**
 * The running service connected to Discord over the gateway (the real discord.js client against
 * the fake gateway and REST API), while the gateway connection drops: once with a resumable
 * close, which discord.js answers with RESUME on the same session, and once with a close that
 * ends the session, which it answers with a new IDENTIFY. Commands work again after each, and a
 * digest due during the drop is posted (over REST) once. The adapter's own resume test is in
 * tests/platforms/discord/gateway.test.ts.
 */

const CHANNEL = fakeIds.channel;
let api: FakeDiscordApi;
let gateway: FakeDiscordGateway;
let space: ReturnType<typeof workspace>;
let service: Service;
let clock: TestClock;
let lines: ReturnType<typeof recordingLogger>['lines'];

beforeEach(async () => {
  api = await new FakeDiscordApi().start();
  api.channels.add(CHANNEL);
  gateway = await new FakeDiscordGateway().start();
  api.gatewayUrl = gateway.url;
  space = workspace();
  clock = new TestClock(new Date('2025-04-26T07:00:00Z'));
  const recorded = recordingLogger();
  lines = recorded.lines;
  service = await createService(
    channelConfig('discord', CHANNEL, space),
    { discordToken: 'gateway-token', discordApplicationId: fakeIds.application, discordApiUrl: api.apiUrl },
    { clock, logger: recorded.logger, cron: false, port: 0, host: '127.0.0.1' },
  );
  await service.start();
  expect(gateway.identifies).toHaveLength(1);
});

afterEach(async () => {
  await service.stop();
  await gateway.close();
  await api.close();
  space.dispose();
});

/** Sends /summary over the gateway and resolves with the interaction callback the bot made over REST. */
async function summaryAnswered(): Promise<{ type: number; data: { content?: string } }> {
  const interaction = commandInteraction('summary', {
    input: 'The harbour bridge reopened on Friday after six months of repairs, city officials said.',
  });
  gateway.interaction(interaction);
  const [callback] = await api.waitFor(
    (r) => r.method === 'POST' && r.path.includes(`/interactions/${interaction.id}/${interaction.token}/callback`),
  );
  return callback!.body as { type: number; data: { content?: string } };
}

describe('the Discord gateway drops while the service runs', () => {
  it('resumes the session after a resumable close, then after a session-ending close identifies again; commands work after each', async () => {
    expect((await summaryAnswered()).type).toBe(4);

    gateway.dropConnection(4000); // unknown error: resumable
    await gateway.waitForOp(6);
    expect((await summaryAnswered()).type).toBe(4);
    expect(gateway.identifies).toHaveLength(1);

    gateway.dropConnection(4007); // invalid sequence: the session cannot be resumed
    await gateway.waitForOp(2, 2);
    expect((await summaryAnswered()).type).toBe(4);
    expect(gateway.identifies).toHaveLength(2);
    expect(lines.some((l) => l.msg === 'discord gateway resumed')).toBe(true);
  });

  it('a digest due while the gateway is down goes out once over REST', async () => {
    gateway.dropConnection(4000);
    clock.set(FIRE);
    const report = await service.scheduler.sweep();
    expect(report.runs.map((r) => [r.date, r.outcome.status])).toEqual([[DATE, 'posted']]);
    await gateway.waitForOp(6);
    clock.advance(60_000);
    await service.scheduler.sweep();
    expect(api.messages.get(CHANNEL)).toHaveLength(1);
    expect((await summaryAnswered()).type).toBe(4);
  });
});
