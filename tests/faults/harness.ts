import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { createDiscordPlatform } from '../../src/platforms/discord/client.js';
import { createSlackPlatform } from '../../src/platforms/slack/app.js';
import type { PlatformFactory } from '../../src/service/service.js';
import { STORIES } from '../fakes/stories.js';

/** 08:00 UTC on 2025-04-26: the fire of the fault tests' channels. */
export const FIRE = '2025-04-26T08:00:00Z';
export const DATE = '2025-04-26';

/** A temporary folder with an article source and a SQLite path; `dispose` removes it. */
export function workspace(articles: Record<string, string> = { 'bridge.txt': STORIES.bridge, 'storm.txt': STORIES.storm }) {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-faults-'));
  mkdirSync(join(dir, 'articles'));
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(dir, 'articles', name), text);
  return {
    dir,
    articles: join(dir, 'articles'),
    sqlitePath: join(dir, 'store.sqlite'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One channel on `platform`, daily at 08:00 UTC, fed by the workspace's articles. */
export function channelConfig(
  platform: 'slack' | 'discord' | 'terminal',
  channel: string,
  space: { articles: string; sqlitePath: string },
  extra: Record<string, unknown> = {},
): Config {
  return parseConfig(
    {
      sources: [{ id: 'local', type: 'files', path: space.articles }],
      channels: [{ id: 'newsroom', platform, channel, schedule: '0 8 * * *', timeZone: 'UTC' }],
      storage: { sqlitePath: space.sqlitePath },
      http: { port: 0 },
      // No catch-up of the day before: each test is about its one fire.
      scheduler: { catchUpHours: 0 },
      ...extra,
    },
    'fault test config',
  );
}

/**
 * The real Slack adapter with test-sized timings: Web API retries in milliseconds, a 300 ms
 * request timeout and no pacing. Everything else (Bolt, the WebClient, rendering) is as shipped.
 */
export const fastSlack: PlatformFactory = (config, secrets, services) =>
  createSlackPlatform({
    botToken: secrets.slackBotToken!,
    signingSecret: secrets.slackSigningSecret ?? '',
    mode: config.slack.mode,
    apiUrl: secrets.slackApiUrl,
    ...services,
    retry: { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 10 },
    requestTimeoutMs: 300,
    minIntervalMs: 0,
  });

/**
 * The real Discord adapter (HTTP interactions mode: posting needs no gateway) with a short REST
 * timeout. createDiscordPlatform has no option for it, so the timeout of discord.js's REST
 * client is set on the instance; retries stay discord.js's own.
 */
export function fastDiscord(publicKey: string, timeoutMs = 300): PlatformFactory {
  return (_config, secrets, services) => {
    const platform = createDiscordPlatform({
      token: secrets.discordToken!,
      applicationId: secrets.discordApplicationId!,
      publicKey,
      mode: 'http',
      apiUrl: secrets.discordApiUrl,
      context: services.context,
      logger: services.logger,
      observe: services.observe,
    });
    (platform.rest.options as { timeout: number }).timeout = timeoutMs;
    return platform;
  };
}
