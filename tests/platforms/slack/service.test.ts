import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { createService, type Service } from '../../../src/service/service.js';
import { METADATA_EVENT_TYPE } from '../../../src/platforms/slack/post.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { sendSlashCommand } from '../../fakes/signed-request.js';
import { capturingLogger } from './helpers.js';

/** The whole service with Slack enabled from config and environment, Slack faked at the network edge. */

const SECRET = 'service-signing-secret';
const ARTICLE = [
  'Harbour town opens its new lifeboat station',
  '',
  'The harbour town of Kellsport opened its new lifeboat station on Saturday, replacing a shed that had served volunteers for sixty years.',
  '',
  '"This station will let us launch in any weather," said the coxswain, Tomas Reyes.',
  '',
  'The station cost about two million and was paid for by local donations, the lifeboat society said.',
].join('\n');

let slack: FakeSlackApi;
let dir: string;
let service: Service;

beforeEach(async () => {
  slack = await FakeSlackApi.start();
  dir = mkdtempSync(join(tmpdir(), 'newsdigest-slack-service-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'lifeboat.txt'), ARTICLE);
  const config = parseConfig(
    {
      sources: [{ id: 'local', type: 'files', path: join(dir, 'articles') }],
      channels: [{ id: 'newsroom', platform: 'slack', channel: 'C123', schedule: '0 8 * * *', timeZone: 'UTC' }],
      storage: { sqlitePath: join(dir, 'store.sqlite') },
    },
    'test config',
  );
  service = await createService(
    config,
    { slackBotToken: slack.botToken, slackSigningSecret: SECRET, slackApiUrl: slack.apiUrl },
    // A fixed noon: the 08:00 digest is due today, so the start's catch-up and postNow agree on one date whatever the hour the suite runs.
    { logger: capturingLogger().logger, cron: false, port: 0, clock: { now: () => new Date('2026-11-27T12:00:00Z') } },
  );
});

afterEach(async () => {
  await service.stop();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the service with Slack', () => {
  it('posts the channel digest to Slack once, then answers /digest and serves /healthz on the same port', async () => {
    await service.start(); // posts today's digest as a catch-up: 08:00 has passed
    const first = await service.postNow('newsroom');
    expect(['posted', 'skipped']).toContain(first.status);
    expect(slack.messages).toHaveLength(1);
    const [message] = slack.messages;
    expect(message!.channel).toBe('C123');
    expect(message!.metadata?.event_type).toBe(METADATA_EVENT_TYPE);
    expect(JSON.stringify(message!.blocks)).toContain('Harbour town opens its new lifeboat station');

    // The ledger holds it: asking again posts nothing.
    const again = await service.postNow('newsroom');
    expect(again.status).toBe('skipped');
    expect(slack.messages).toHaveLength(1);

    const port = service.port();
    expect(port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const response = await sendSlashCommand(`http://127.0.0.1:${port}/slack/events`, SECRET, '/digest', '', slack.responseUrl('svc'));
    expect(response.status).toBe(200);
    await slack.waitFor(() => slack.responses('svc').length > 0);
    expect(JSON.stringify(slack.responses('svc')[0]!.blocks)).toContain('lifeboat station');
  });
});
