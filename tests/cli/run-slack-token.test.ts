import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { runCli } from './run-cli.js';

let dir: string;
let slack: FakeSlackApi;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-run-slack-'));
  slack = await FakeSlackApi.start({ botToken: 'xoxb-the-right-one', appToken: 'xapp-the-right-one' });
  for (const mode of ['http', 'socket']) {
    writeFileSync(
      join(dir, `${mode}.yaml`),
      `sources: []\nchannels:\n  - { id: newsroom, platform: slack, channel: C123 }\nstorage: { sqlitePath: ledger.sqlite }\nhttp: { port: 0 }\nslack: { mode: ${mode} }\n`,
    );
  }
});
afterAll(async () => {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `newsdigest run` against the fake Slack, which refuses tokens other than "the right one" with invalid_auth. */
async function run(mode: string, tokens: { bot: string; app: string }): Promise<{ code: number; stderr: string }> {
  const env = {
    LOG_FORMAT: 'json',
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_TOKEN: tokens.bot,
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_APP_TOKEN: tokens.app,
  };
  const { code, stderr } = await runCli(['--config', join(dir, `${mode}.yaml`), 'run'], { env, timeout: 30_000 });
  return { code, stderr };
}

describe('newsdigest run with a wrong SLACK_BOT_TOKEN', () => {
  it.each(['http', 'socket'])(
    '%s mode: ends with one plain line naming the token and what to do, no stack trace',
    { timeout: 60_000 },
    async (mode) => {
      const { code, stderr } = await run(mode, { bot: 'xoxb-a-wrong-one', app: 'xapp-the-right-one' });
      expect(code).toBe(1);
      expect(slack.calls('auth.test').length).toBeGreaterThan(0);
      const lines = stderr.trim().split('\n');
      const plain = lines.filter((line) => !line.startsWith('{'));
      expect(plain).toEqual([
        expect.stringMatching(
          /^newsdigest: Slack rejected the bot token at start \(invalid_auth\): check SLACK_BOT_TOKEN, copy the Bot User OAuth Token/,
        ),
      ]);
      // The JSON logs around it carry no error object either: the receiver never started.
      const logs = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.filter((log) => Number(log.level) >= 40 || 'err' in log)).toEqual([]);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain('xoxb-a-wrong-one');
    },
  );

  it('socket mode with a wrong SLACK_APP_TOKEN: one plain line naming that token, no stack trace', { timeout: 60_000 }, async () => {
    const { code, stderr } = await run('socket', { bot: 'xoxb-the-right-one', app: 'xapp-a-wrong-one' });
    expect(code).toBe(1);
    const plain = stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('{'));
    expect(plain).toEqual([
      expect.stringMatching(
        /^newsdigest: Slack rejected the app-level token at start \(invalid_auth\): check SLACK_APP_TOKEN, create an app-level token/,
      ),
    ]);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain('xapp-a-wrong-one');
  });
});
