import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_DIGEST_HERE } from '../../src/commands/views.js';
import { parseConfig } from '../../src/config/load.js';
import { interactionsPath } from '../../src/platforms/discord/http.js';
import { createService, type Service } from '../../src/service/service.js';
import { interactionKeys, sendInteraction } from '../hostile/signed-interaction.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { commandInteraction, fakeIds } from '../fakes/discord-gateway.js';
import { slashCommandAnswers } from '../fakes/signed-request.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { STORIES } from '../fakes/stories.js';
import { recordingLogger } from '../scheduler/harness.js';

/**
 * Each channel is its own (its sources, its filters): /digest typed in a channel answers with that channel’s digest, not the
 * one posted last anywhere. Real Bolt (HTTP receiver) and discord.js (HTTP interactions) on the
 * service's one port; Slack and Discord faked at the network edge.
 */

const SECRET = 'channels-signing-secret';
const HARBOUR_SLACK = 'C123';
const WEATHER_SLACK = 'C456';
const HARBOUR_DISCORD = fakeIds.channel;
const WEATHER_DISCORD = '1200000000000000201';
const keys = interactionKeys();
const NOW = new Date('2026-11-27T12:00:00Z');

let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let dir: string;
let service: Service;
let base: string;

beforeAll(async () => {
  slack = await FakeSlackApi.start();
  discord = await new FakeDiscordApi().start();
  discord.channels.add(HARBOUR_DISCORD);
  discord.channels.add(WEATHER_DISCORD);
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-channels-'));
  for (const [folder, story] of [
    ['harbour', STORIES.bridge],
    ['weather', STORIES.storm],
  ] as const) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'story.txt'), story);
  }
  const channel = (id: string, platform: string, target: string, source: string) => ({
    id,
    platform,
    channel: target,
    schedule: '0 8 * * *',
    timeZone: 'UTC',
    sources: [source],
  });
  const config = parseConfig(
    {
      sources: [
        { id: 'harbour', type: 'files', path: join(dir, 'harbour') },
        { id: 'weather', type: 'files', path: join(dir, 'weather') },
      ],
      channels: [
        channel('slack-harbour', 'slack', HARBOUR_SLACK, 'harbour'),
        // Every source, but only stories about the storm: a filter, not a source, keeps the harbour out.
        { ...channel('slack-weather', 'slack', WEATHER_SLACK, 'weather'), sources: [], filters: { keywords: ['storm'], maxItems: 5 } },
        channel('discord-harbour', 'discord', HARBOUR_DISCORD, 'harbour'),
        channel('discord-weather', 'discord', WEATHER_DISCORD, 'weather'),
      ],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      discord: { mode: 'http' },
      scheduler: { catchUpHours: 0 },
    },
    'channels test config',
  );
  service = await createService(
    config,
    {
      slackBotToken: slack.botToken,
      slackSigningSecret: SECRET,
      slackApiUrl: slack.apiUrl,
      discordToken: 'channels-token',
      discordApplicationId: fakeIds.application,
      discordPublicKey: keys.publicKeyHex,
      discordApiUrl: discord.apiUrl,
    },
    { logger: recordingLogger().logger, cron: false, port: 0, host: '127.0.0.1', clock: { now: () => NOW } },
  );
  await service.start();
  base = `http://127.0.0.1:${service.port()}`;
  // The weather channels post last: before, every channel's /digest showed the last one posted.
  for (const id of ['slack-harbour', 'discord-harbour', 'slack-weather', 'discord-weather']) {
    expect((await service.postNow(id)).status).toBe('posted');
  }
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
  await discord?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Types a slash command in a Slack channel and returns what the bot answered there. */
async function slackCommand(channelId: string, command: string, text: string): Promise<string> {
  return JSON.stringify(await slashCommandAnswers(slack, `${base}/slack/events`, SECRET, { command, text, channel: channelId }));
}

/** Sends a Discord slash command from a channel and returns the answer (the HTTP response, or its edits). */
async function discordCommand(channelId: string, name: string, options: Record<string, string> = {}): Promise<string> {
  const interaction = commandInteraction(name, options);
  const fromChannel = { ...interaction, channel_id: channelId, channel: { ...interaction.channel, id: channelId } };
  // Signed at the service's own (fixed) time: Discord's signatures are checked for freshness.
  const response = await sendInteraction(`${base}${interactionsPath}`, keys.privateKey, fromChannel, NOW.getTime() / 1000);
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { type: number };
  if (answer.type === 5) await discord.waitFor((r) => r.path.includes(interaction.token));
  return JSON.stringify([answer, ...discord.requests.filter((r) => r.path.includes(interaction.token)).map((r) => r.body)]);
}

describe('each channel answers with its own digest', () => {
  it.each([
    ['the harbour channel', HARBOUR_SLACK, 'Harbour bridge reopens', 'Storm leaves thousands'],
    ['the weather channel', WEATHER_SLACK, 'Storm leaves thousands', 'Harbour bridge reopens'],
  ])('Slack /digest in %s', async (_name, channelId, own, other) => {
    const answer = await slackCommand(channelId, '/digest', '');
    expect(answer).toContain(own);
    expect(answer).not.toContain(other);
  });

  it.each([
    ['the harbour channel', HARBOUR_DISCORD, 'Harbour bridge reopens', 'Storm leaves thousands'],
    ['the weather channel', WEATHER_DISCORD, 'Storm leaves thousands', 'Harbour bridge reopens'],
  ])('Discord /digest in %s', async (_name, channelId, own, other) => {
    const answer = await discordCommand(channelId, 'digest');
    expect(answer).toContain(own);
    expect(answer).not.toContain(other);
  });

  it('/article 1 is the first story of the channel it is typed in', async () => {
    expect(await slackCommand(WEATHER_SLACK, '/article', '1')).toContain('Storm leaves thousands');
    expect(await slackCommand(HARBOUR_SLACK, '/article', '1')).toContain('Harbour bridge reopens');
    expect(await discordCommand(WEATHER_DISCORD, 'article', { query: '1' })).toContain('Storm leaves thousands');
  });
});

describe('a DM or a channel with no digest set up', () => {
  const hint = JSON.stringify(NO_DIGEST_HERE).slice(1, 40);

  it.each([
    ['a Slack DM', 'D0123'],
    ['a Slack channel with no digest', 'C999'],
  ])('%s: /digest and /article N answer with how to set one up', async (_name, channelId) => {
    expect(await slackCommand(channelId, '/digest', '')).toContain(hint);
    expect(await slackCommand(channelId, '/article', '1')).toContain(hint);
  });

  it('a Discord channel with no digest: /digest answers with the hint', async () => {
    expect(await discordCommand('1200000000000000299', 'digest')).toContain(hint);
  });

  it('/article <words> and /summary still answer there', async () => {
    expect(await slackCommand('D0123', '/article', 'harbour bridge')).toContain('Harbour bridge reopens');
    expect(await slackCommand('D0123', '/summary', STORIES.storm)).toContain('restore electricity');
    expect(await discordCommand('1200000000000000299', 'article', { query: 'storm power' })).toContain('Storm leaves thousands');
  });
});

describe('Discord with its token and application id alone', () => {
  it('starts for commands, says so in the log, and answers /summary', async () => {
    const recorded = recordingLogger();
    const config = parseConfig({ storage: { sqlitePath: join(dir, 'commands-only.sqlite') }, discord: { mode: 'http' } }, 'commands-only config');
    const alone = await createService(
      config,
      {
        discordToken: 'commands-only-token',
        discordApplicationId: fakeIds.application,
        discordPublicKey: keys.publicKeyHex,
        discordApiUrl: discord.apiUrl,
      },
      { logger: recorded.logger, cron: false, port: 0, host: '127.0.0.1', clock: { now: () => NOW } },
    );
    try {
      await alone.start();
      expect(recorded.lines.map((line) => line.msg)).toContain('discord: answering commands; no channel in the config posts digests to Discord');
      const interaction = commandInteraction('summary', { input: STORIES.storm });
      const response = await sendInteraction(
        `http://127.0.0.1:${alone.port()}${interactionsPath}`,
        keys.privateKey,
        interaction,
        NOW.getTime() / 1000,
      );
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { type: number };
      if (answer.type === 5) await discord.waitFor((r) => r.path.includes(interaction.token));
      const said = JSON.stringify([answer, ...discord.requests.filter((r) => r.path.includes(interaction.token)).map((r) => r.body)]);
      expect(said).toContain('restore electricity');
    } finally {
      await alone.stop();
    }
  });

  it('with only one of the two set, stays off and names the missing one', async () => {
    const recorded = recordingLogger();
    const config = parseConfig({ storage: { sqlitePath: join(dir, 'half.sqlite') } }, 'half config');
    const half = await createService(config, { discordToken: 'half-token' }, { logger: recorded.logger, cron: false, http: false });
    try {
      expect(recorded.lines.map((line) => line.msg)).toContain(
        'discord: not started, DISCORD_APPLICATION_ID is not set (both DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed; see docs/discord.md)',
      );
      expect(half.routes.map((route) => route.path)).not.toContain(interactionsPath);
    } finally {
      await half.stop();
    }
  });
});
