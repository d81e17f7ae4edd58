import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { interactionsPath } from '../../src/platforms/discord/http.js';
import { createService, type Service } from '../../src/service/service.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { commandInteraction, fakeIds } from '../fakes/discord-gateway.js';
import { sendSlashCommand } from '../fakes/signed-request.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingLogger } from '../scheduler/harness.js';
import { interactionKeys, sendInteraction } from './signed-interaction.js';

/**
 * The running service with Slack (HTTP receiver) and Discord (HTTP interactions endpoint) both on
 * its one port, the platforms faked at the network edge. Hostile input from both directions:
 * 10 KB command texts from users, and article text full of mentions and markup posted to channels.
 * (The renderers' own escaping is unit-tested under tests/platforms; this is the whole path.)
 */

const SECRET = 'hostile-signing-secret';
const HOSTILE_ARTICLE = [
  'Alert <!channel> @everyone <@U123> **bold** [click](https://evil.example/phish)',
  '',
  'The mayor said <!here> and @here were only words in a speech on Friday, and <@&123456> pinged nobody, officials said.',
  '',
  '"Everyone come to <https://evil.example|the bank> now @everyone," said the organiser, Jo Smith.',
  '',
  'At least 3 people were injured when the crowd ran, police said. ||spoiler|| > quote # heading',
].join('\n');
const TEN_KB_TEXT = 'The council met on Tuesday and said the harbour bridge would reopen. '.repeat(150).slice(0, 10 * 1024);
const TEN_KB_JUNK = `${'@everyone <!channel> ** [x](y) '.repeat(330)}`.slice(0, 10 * 1024);

let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let dir: string;
let service: Service;
let base: string;
let lines: ReturnType<typeof recordingLogger>['lines'];
const keys = interactionKeys();

beforeAll(async () => {
  slack = await FakeSlackApi.start();
  discord = await new FakeDiscordApi().start();
  discord.channels.add(fakeIds.channel);
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-hostile-platforms-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'alert.txt'), HOSTILE_ARTICLE);
  const config = parseConfig(
    {
      sources: [{ id: 'local', type: 'files', path: join(dir, 'articles') }],
      channels: [
        { id: 'slack-room', platform: 'slack', channel: 'C123', schedule: '0 8 * * *', timeZone: 'UTC' },
        { id: 'discord-room', platform: 'discord', channel: fakeIds.channel, schedule: '0 8 * * *', timeZone: 'UTC' },
      ],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
      http: { port: 0 },
      discord: { mode: 'http' },
      scheduler: { catchUpHours: 0 },
    },
    'hostile platforms config',
  );
  const recorded = recordingLogger();
  lines = recorded.lines;
  service = await createService(
    config,
    {
      slackBotToken: slack.botToken,
      slackSigningSecret: SECRET,
      slackApiUrl: slack.apiUrl,
      discordToken: 'hostile-token',
      discordApplicationId: fakeIds.application,
      discordPublicKey: keys.publicKeyHex,
      discordApiUrl: discord.apiUrl,
    },
    { logger: recorded.logger, cron: false },
  );
  await service.start();
  base = `http://127.0.0.1:${service.port()}`;
}, 60_000);

afterAll(async () => {
  await service.stop();
  await slack.close();
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mentions and markup in article text reach neither platform as pings or markup', () => {
  it('Slack: the posted digest escapes <!channel>, <!here>, <@U…> and forged links, with link_names off', async () => {
    expect(['posted', 'skipped']).toContain((await service.postNow('slack-room')).status);
    const [post] = slack.calls('chat.postMessage');
    expect(post).toBeDefined();
    const body = JSON.stringify({ text: post!.body.text, blocks: post!.body.blocks });
    expect(body).toContain('Alert'); // the story is there…
    expect(body).not.toMatch(/<[!@#]/); // …but no special mention or channel link survives
    expect(body).not.toMatch(/<https:\/\/evil\.example/);
    expect(body).toContain('&lt;!channel&gt;');
    expect(post!.body).toMatchObject({ link_names: 'false', parse: 'none' }); // form-encoded
  });

  it('Discord: the posted digest pings no one (allowed_mentions empty) and shows the markup as text', async () => {
    expect(['posted', 'skipped']).toContain((await service.postNow('discord-room')).status);
    const [post] = discord.requestsTo('POST', `/channels/${fakeIds.channel}/messages`);
    expect(post).toBeDefined();
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify({ content: post!.body.content, embeds: post!.body.embeds });
    expect(text).toContain('Alert');
    expect(text).not.toMatch(/@everyone|@here|<@[&!]?\d|<@U123>/);
    expect(text).not.toMatch(/(?<!\\)\[click\]\(/);
    expect(text).not.toMatch(/(?<!\\)\*\*bold/);
  });
});

describe('10 KB of command text', () => {
  it.each([
    ['/summary', TEN_KB_TEXT],
    ['/article', TEN_KB_JUNK],
    ['/digest', TEN_KB_JUNK],
  ])('Slack %s: acknowledged, answered, nothing fails', async (command, text) => {
    const id = `ten-kb-${command.slice(1)}`;
    const response = await sendSlashCommand(`${base}/slack/events`, SECRET, command, text, slack.responseUrl(id));
    expect(response.status).toBe(200);
    await slack.waitFor(() => slack.responses(id).length > 0, 10_000, `the answer to ${command}`);
    const answer = JSON.stringify(slack.responses(id));
    expect(answer).not.toMatch(/<![a-z]|<@U/);
    expect(answer).not.toContain('failed; the details are in the newsdigest log');
    if (command === '/summary') expect(answer).toContain('harbour bridge would reopen');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it.each([
    ['summary', { input: TEN_KB_TEXT }],
    ['article', { query: TEN_KB_JUNK }],
    ['digest', { when: TEN_KB_JUNK }],
  ])('Discord /%s over the interactions endpoint: answered, nothing fails', async (name, options) => {
    const interaction = commandInteraction(name, options);
    const response = await sendInteraction(`${base}${interactionsPath}`, keys.privateKey, interaction);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { type: number; data?: { content?: string; allowed_mentions?: unknown } };
    expect([4, 5]).toContain(answer.type); // an answer, or "thinking…" then an edit
    if (answer.type === 5) await discord.waitFor((r) => r.path.includes(interaction.token));
    const said = JSON.stringify([answer, ...discord.requests.filter((r) => r.path.includes(interaction.token)).map((r) => r.body)]);
    expect(said).not.toMatch(/(?<![\\\u200b])@everyone|<@[&!]?\d/);
    expect(said).not.toContain('Something went wrong while answering');
    if (name === 'summary') expect(said).toContain('harbour bridge would reopen');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('the endpoints still refuse unsigned and oversized requests', async () => {
    const unsigned = await fetch(`${base}${interactionsPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(commandInteraction('digest')),
    });
    expect(unsigned.status).toBe(401);
    const huge = await sendInteraction(
      `${base}${interactionsPath}`,
      keys.privateKey,
      commandInteraction('summary', { input: 'x'.repeat(300 * 1024) }),
    );
    expect(huge.status).toBe(413);
    const forged = await sendSlashCommand(`${base}/slack/events`, 'not-the-secret', '/digest', '', slack.responseUrl('forged'));
    expect(forged.status).toBe(401);
  });
});
