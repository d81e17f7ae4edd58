import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createService } from '../../src/service/service.js';
import { openStore } from '../../src/store/open.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { FaultyProxy, type ProxyMode } from './faulty-proxy.js';
import { DATE, fastSlack, workspace } from './harness.js';

/**
 * A real service process posting to Slack is killed with SIGKILL between claiming the digest and
 * recording the post, once after Slack got the message (its answer lost in the proxy) and once
 * before (the request hanging). A new service on the same SQLite file settles the claim left
 * behind by asking Slack (the digest's metadata carries its delivery key): no duplicate, no loss.
 * The terminal-platform version of this test is in tests/service/service.test.ts.
 */

const KEY = { channelId: 'newsroom', date: DATE };
let slack: FakeSlackApi;
let proxy: FaultyProxy;
let space: ReturnType<typeof workspace>;

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  proxy = await FaultyProxy.start(slack.port);
  space = workspace();
});
afterEach(async () => {
  await proxy.close();
  await slack.close();
  space.dispose();
});

function rawConfig() {
  return {
    sources: [{ id: 'local', type: 'files', path: space.articles }],
    channels: [{ id: 'newsroom', platform: 'slack', channel: 'C123', schedule: '0 8 * * *', timeZone: 'UTC' }],
    storage: { sqlitePath: space.sqlitePath },
    http: { port: 0 },
    scheduler: { catchUpHours: 0 },
  };
}

/** Starts the child, lets it connect, sets the fault, fires, and kills it once Slack saw (or would have seen) the post. */
async function killMidPost(mode: ProxyMode): Promise<void> {
  const script = fileURLToPath(new URL('./killable-service.ts', import.meta.url));
  const secrets = { slackBotToken: 'xoxb-test-token', slackSigningSecret: 'killable-secret', slackApiUrl: proxy.via(slack.apiUrl) };
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(rawConfig()), JSON.stringify(secrets)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const said = (word: string) =>
    new Promise<void>((done, fail) => {
      const check = () => out.includes(word) && done();
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        check();
      });
      child.once('exit', (code) => fail(new Error(`the service exited (${code}) before saying "${word}"`)));
      check();
    });
  await said('started');
  proxy.setMode(mode);
  child.stdin!.write('fire\n');
  await said('firing');
  if (mode === 'drop-responses') await slack.waitFor(() => slack.calls('chat.postMessage').length === 1, 20_000, 'the post');
  else await claimed(); // the post is on its way into the hanging proxy
  child.kill('SIGKILL');
  await once(child, 'exit');
}

/** Resolves once the ledger shows the digest claimed (polled: the claim is in another process). */
async function claimed(): Promise<void> {
  const store = await openStore({ sqlitePath: space.sqlitePath });
  try {
    for (let i = 0; i < 400 && (await store.getDelivery(KEY))?.status !== 'claimed'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await store.getDelivery(KEY)).toMatchObject({ status: 'claimed' });
  } finally {
    await store.close();
  }
}

async function restart() {
  const { logger, lines } = recordingLogger();
  const service = await createService(
    parseConfig(rawConfig(), 'restarted service'),
    { slackBotToken: slack.botToken, slackSigningSecret: 'killable-secret', slackApiUrl: slack.apiUrl },
    { clock: new TestClock(new Date('2025-04-26T08:06:00Z')), logger, cron: false, platformFactories: { slack: fastSlack } },
  );
  return { service, lines };
}

describe('a service posting to Slack killed with SIGKILL mid-post', () => {
  it('after Slack got the message: the restart finds it by its key and does not post again', async () => {
    await killMidPost('drop-responses');
    proxy.setMode('pass');
    expect(slack.messages).toHaveLength(1);
    const { service, lines } = await restart();
    try {
      expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'claimed', owner: 'doomed-process' });
      const report = await service.start();
      expect(report.stale).toEqual([{ channel: 'newsroom', date: DATE, resolution: 'found-posted' }]);
      expect(report.runs).toEqual([]);
      expect(slack.messages).toHaveLength(1);
      expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', messageIds: [slack.messages[0]!.ts] });
      expect(lines.some((l) => l.channel === 'newsroom' && /already posted before a stop; recorded it, not posting again/.test(l.msg))).toBe(true);
    } finally {
      await service.stop();
    }
  }, 60_000);

  it('before Slack got it: the restart finds nothing and posts it once', async () => {
    await killMidPost('hang');
    proxy.setMode('pass');
    expect(slack.messages).toHaveLength(0);
    const { service } = await restart();
    try {
      const report = await service.start();
      expect(report.stale).toEqual([{ channel: 'newsroom', date: DATE, resolution: 'not-posted' }]);
      expect(slack.messages).toHaveLength(1);
      expect(slack.messages[0]!.metadata?.event_payload).toMatchObject({ delivery_key: 'newsdigest:newsroom:2025-04-26' });
      expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 2 });
    } finally {
      await service.stop();
    }
  }, 60_000);
});
