import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/commands/types.js';
import { redactPaths, type Secrets } from '../../../src/config/env.js';
import { parseConfig } from '../../../src/config/load.js';
import { MemoryLibrary } from '../../../src/digest/library.js';
import { boltLogger, createSlackPlatform, type SlackPlatform } from '../../../src/platforms/slack/app.js';
import { PostError } from '../../../src/platforms/types.js';
import { serviceConfigProblems } from '../../../src/service/validate.js';
import type { SlackInstallation } from '../../../src/store/installations.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { digestOf } from './fixtures.js';
import { capturingLogger, FAST_RETRY } from './helpers.js';

/** "Add to Slack" mode's edges: switching it on, which token a post uses, and what never reaches the log. */

const SECRET_KEY = 'test-only-secret-key-0123456789-abcdef';

describe('switching "Add to Slack" mode on', () => {
  const config = parseConfig({ channels: [{ id: 'newsroom', platform: 'slack', channel: 'C123' }] }, 'test config');
  const oauth: Secrets = { slackClientId: '1111.2222', slackClientSecret: 'client-secret', secretKey: SECRET_KEY, slackSigningSecret: 's' };

  it.each([
    { case: 'client id, secret and key', secrets: oauth, problems: [] },
    {
      case: 'no secret key',
      secrets: { ...oauth, secretKey: undefined },
      problems: [expect.stringMatching(/^NEWSDIGEST_SECRET_KEY: "Add to Slack" mode needs a secret key to seal the workspaces' bot tokens/)],
    },
    {
      case: 'a short secret key',
      secrets: { ...oauth, secretKey: 'short' },
      problems: ['NEWSDIGEST_SECRET_KEY: too short (5 characters): give at least 32 random characters (openssl rand -base64 32)'],
    },
    {
      case: 'a client id without its secret',
      secrets: { ...oauth, slackClientSecret: undefined },
      problems: [
        expect.stringMatching(/posts to Slack but SLACK_BOT_TOKEN is not set \(nor SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/),
        expect.stringMatching(/^SLACK_CLIENT_SECRET: "Add to Slack" needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/),
      ],
    },
    {
      case: 'a bot token beside them',
      secrets: { ...oauth, slackBotToken: 'xoxb-one' },
      problems: ['SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET ("Add to Slack"), not both'],
    },
    { case: 'the single token alone (unchanged)', secrets: { slackBotToken: 'xoxb-one', slackSigningSecret: 's' }, problems: [] },
    {
      case: 'no signing secret in HTTP mode',
      secrets: { ...oauth, slackSigningSecret: undefined },
      problems: [expect.stringMatching(/^slack.mode: "http" needs SLACK_SIGNING_SECRET/)],
    },
  ])('$case: $problems.length problem(s)', ({ secrets, problems }) => {
    expect(serviceConfigProblems(config, secrets)).toEqual(problems);
  });
});

describe('secrets in the log', () => {
  it('hides bot tokens, the client secret and the key, in log fields and in Slack libraries’ lines', () => {
    const { logger, lines } = capturingLogger();
    expect(redactPaths).toEqual(expect.arrayContaining(['botToken', '*.*.token', 'clientSecret', 'secretKey']));
    logger.info({ installation: { bot: { token: 'xoxb-field-token' } }, botToken: 'xoxb-bot-token', clientSecret: 'cs-1', secretKey: 'sk-1' }, 'x');
    const bolt = boltLogger(logger);
    bolt.debug('http request body: {"code":"c","client_id":"1","client_secret":"cs-2","redirect_uri":"https://x"}');
    bolt.debug('http request result: {"ok":true,"access_token":"opaque-token-3","bot_user_id":"U1"}');
    bolt.debug('https://slack.com/api/oauth.v2.access?client_id=1&client_secret=cs-4');
    const text = lines.join('');
    for (const secret of ['xoxb-field-token', 'xoxb-bot-token', 'cs-1', 'sk-1', 'cs-2', 'opaque-token-3', 'cs-4']) expect(text).not.toContain(secret);
    expect(text).toContain('"bot_user_id\\":\\"U1\\"');
  });
});

describe('the token a post uses', () => {
  let slack: FakeSlackApi;
  let dir: string;
  let store: SqliteStore;
  let platform: SlackPlatform;

  const installed = (team: string): SlackInstallation => ({
    workspace: team,
    teamId: team,
    isEnterpriseInstall: false,
    botToken: `xoxb-${team.toLowerCase()}-token`,
    botUserId: `U0BOT${team}`,
    botId: `B0BOT${team}`,
    scopes: ['chat:write'],
    installedAt: '2026-03-01T09:00:00.000Z',
  });

  async function install(team: string): Promise<void> {
    const installation = installed(team);
    slack.workspaces.set(installation.botToken, { teamId: team, teamName: team, ...installation, installerUserId: 'U0ADMIN' });
    await store.stores.slackWorkspaces.installations(SECRET_KEY).save(installation);
  }

  const postedWith = () => slack.calls('chat.postMessage').map((call) => [call.body.channel, FakeSlackApi.tokenOf(call)]);

  beforeEach(async () => {
    slack = await FakeSlackApi.start();
    dir = mkdtempSync(join(tmpdir(), 'newsdigest-slack-tokens-'));
    store = new SqliteStore({ path: join(dir, 'store.sqlite') });
    await store.migrate();
    const context: CommandContext = {
      library: new MemoryLibrary([]),
      fetchArticle: async () => {
        throw new Error('no fetching here');
      },
      now: () => new Date('2026-03-02T09:00:00Z'),
      timeZone: 'UTC',
    };
    platform = createSlackPlatform({
      oauth: {
        clientId: slack.clientId,
        clientSecret: slack.clientSecret,
        secretKey: SECRET_KEY,
        workspaces: store.stores.slackWorkspaces,
        chatChannels: store.stores.chatChannels,
      },
      signingSecret: 'signing-secret',
      mode: 'http',
      apiUrl: slack.apiUrl,
      context,
      logger: capturingLogger().logger,
      retry: FAST_RETRY,
      minIntervalMs: 0,
    });
  });

  afterEach(async () => {
    await platform.stop();
    await store.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every route of the mode and is ready without a single token to probe', async () => {
    expect(platform.routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /slack/events',
      'GET /slack/install',
      'GET /slack/oauth_redirect',
    ]);
    expect(await platform.ready?.()).toBe(true);
  });

  it('uses the only workspace installed for a channel no command has introduced yet', async () => {
    await install('T0HARBOUR');
    await platform.post('C123', digestOf(1));
    expect(postedWith()).toEqual([['C123', 'xoxb-t0harbour-token']]);
  });

  it('uses the channel’s own workspace once known, among several', async () => {
    await install('T0HARBOUR');
    await install('T0VALLEY');
    await store.stores.slackWorkspaces.rememberChannel('C456', 'T0VALLEY');
    await platform.post('C456', digestOf(1));
    expect(postedWith()).toEqual([['C456', 'xoxb-t0valley-token']]);
  });

  it.each([
    {
      case: 'no workspace installed',
      setUp: async () => {},
      message: 'Slack channel C123: no Slack workspace has installed newsdigest yet: install it with "Add to Slack" (/slack/install)',
    },
    {
      case: 'several workspaces and the channel unknown',
      setUp: async () => {
        await install('T0HARBOUR');
        await install('T0VALLEY');
      },
      message: 'Slack channel C123: newsdigest does not know which workspace the channel is in: type /newsdigest status in it once',
    },
    {
      case: 'the channel’s workspace uninstalled',
      setUp: async () => {
        await install('T0HARBOUR');
        await store.stores.slackWorkspaces.rememberChannel('C123', 'T0GONE');
      },
      message: 'Slack channel C123: newsdigest is not installed in Slack workspace T0GONE: install it again with "Add to Slack" (/slack/install)',
    },
  ])('refuses to post with $case, saying what to do, and sends nothing', async ({ setUp, message }) => {
    await setUp();
    const error = await platform.post('C123', digestOf(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostError);
    expect((error as PostError).message).toBe(message);
    expect((error as PostError).retryable).toBe(false);
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('says to reinstall when Slack refuses a workspace’s token', async () => {
    await install('T0HARBOUR');
    slack.failNext('chat.postMessage', { error: 'token_revoked' });
    await expect(platform.post('C123', digestOf(1))).rejects.toThrow(
      'Slack rejected the bot token (token_revoked): install newsdigest in the channel\'s workspace again ("Add to Slack")',
    );
  });
});
