import { describe, expect, it } from 'vitest';
import { platformsInUse, readSecrets, secretProblems } from '../../src/config/env.js';
import { parseConfig } from '../../src/config/load.js';

const KEY = 'ab'.repeat(32);

describe('readSecrets', () => {
  it('reads each variable once, trimmed; blank is unset; PORT becomes a number (kept when not one, to be named)', () => {
    expect(
      readSecrets({
        SLACK_BOT_TOKEN: ' xoxb-1 ',
        SLACK_SIGNING_SECRET: '   ',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DATABASE_URL: 'postgres://db/x',
        PORT: '8080',
        UNRELATED: 'x',
      }),
    ).toEqual({
      slackBotToken: 'xoxb-1',
      slackSigningSecret: undefined,
      slackAppToken: undefined,
      slackApiUrl: undefined,
      discordToken: undefined,
      discordApplicationId: '123456789012345678',
      discordPublicKey: undefined,
      discordApiUrl: undefined,
      databaseUrl: 'postgres://db/x',
      port: 8080,
    });
    expect(readSecrets({ PORT: 'eighty' }).port).toBeNaN();
    expect(readSecrets({}).port).toBeUndefined();
  });
});

describe('secretProblems', () => {
  const both = { slack: true, discord: true };
  it.each([
    ['a good set', { port: 3000, discordApplicationId: '123456789012345678', discordPublicKey: KEY }, both, []],
    ['PORT not a number', { port: Number.NaN }, both, ['PORT: the environment variable is not a port number (0-65535)']],
    ['PORT out of range', { port: 70_000 }, both, ['PORT: the environment variable is not a port number (0-65535)']],
    ['PORT fractional', { port: 80.5 }, both, ['PORT: the environment variable is not a port number (0-65535)']],
    [
      'a short application id',
      { discordApplicationId: '123456789012' },
      both,
      [
        'DISCORD_APPLICATION_ID: "123456789012" is not an application id (17 to 20 digits): copy the Application ID from the General Information page of your app in the Discord Developer Portal',
      ],
    ],
    [
      'a public key of 63 characters',
      { discordPublicKey: KEY.slice(1) },
      both,
      ['DISCORD_PUBLIC_KEY: must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal'],
    ],
    ["Discord's secrets when Discord is not used", { discordApplicationId: 'abc', discordPublicKey: 'x' }, { slack: true, discord: false }, []],
  ])('%s', (_case, secrets, inUse, problems) => {
    expect(secretProblems(secrets, inUse)).toEqual(problems);
  });
});

describe('platformsInUse', () => {
  const config = (platforms: string[]) =>
    parseConfig(
      {
        channels: platforms.map((platform, i) => ({
          id: `c${i}`,
          platform,
          channel: platform === 'terminal' ? 'stdout' : platform === 'slack' ? 'C1' : '123456789012345679',
        })),
      },
      'test',
    );
  it.each([
    ['terminal only, no tokens', ['terminal'], {}, { slack: false, discord: false }],
    ['a Slack channel', ['terminal', 'slack'], {}, { slack: true, discord: false }],
    ['a Slack token alone (commands without a digest channel)', ['terminal'], { slackBotToken: 'xoxb-1' }, { slack: true, discord: false }],
    ['a Discord channel', ['discord'], {}, { slack: false, discord: true }],
    ['a Discord token alone (no application id: cannot answer commands)', ['terminal'], { discordToken: 't' }, { slack: false, discord: false }],
    ['a Discord application id alone', ['terminal'], { discordApplicationId: '123456789012345678' }, { slack: false, discord: false }],
    [
      'a Discord token and application id (commands without a digest channel)',
      ['terminal'],
      { discordToken: 't', discordApplicationId: '123456789012345678' },
      { slack: false, discord: true },
    ],
  ])('%s', (_case, platforms, secrets, inUse) => {
    expect(platformsInUse(config(platforms), secrets)).toEqual(inUse);
  });
});
