import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createService, type Service } from '../../src/service/service.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { fastSlack, workspace } from '../faults/harness.js';
import { manyArticles } from '../faults/long-digest.js';
import { databases, recordingLogger, TestClock, type TestDatabase } from './harness.js';

const KEY = { channelId: 'newsroom', date: '2025-04-26' };

/**
 * A 30-story digest goes out to Slack as 3 messages. When Slack fails after the first one, the
 * delivery is reported as posted in part, the ledger keeps the part that is in, and the retry —
 * on whichever of two replicas wins the claim — posts only parts 2 and 3, in the first part's
 * thread. Through the real Slack adapter against the fake Slack, on SQLite and PostgreSQL.
 */
describe.each(databases)('a long digest posted only in part, on %s', (_name, makeDatabase) => {
  let db: TestDatabase;
  let slack: FakeSlackApi;
  let space: ReturnType<typeof workspace>;
  const services: Service[] = [];

  beforeEach(async () => {
    db = await makeDatabase();
    slack = await FakeSlackApi.start();
    space = workspace(manyArticles(30));
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
    await slack.close();
    await db.dispose();
    space.dispose();
  });

  async function replica(clock: TestClock, owner: string) {
    const config = parseConfig(
      {
        sources: [{ id: 'local', type: 'files', path: space.articles }],
        channels: [{ id: 'newsroom', platform: 'slack', channel: 'C123', schedule: '0 8 * * *', timeZone: 'UTC', filters: { maxItems: 30 } }],
        scheduler: { catchUpHours: 0 },
      },
      'parts test config',
    );
    const { logger, lines } = recordingLogger();
    const service = await createService(
      config,
      { slackBotToken: slack.botToken, slackSigningSecret: 'parts-secret', slackApiUrl: slack.apiUrl },
      {
        store: await db.open(),
        clock,
        logger,
        owner,
        cron: false,
        http: false,
        connect: false,
        platformFactories: { slack: fastSlack },
      },
    );
    services.push(service);
    return { service, lines };
  }

  it('is reported, and the retry on either replica posts only the missing parts, once', async () => {
    const clock = new TestClock(new Date('2025-04-26T08:00:00Z'));
    const a = await replica(clock, 'replica-a');
    const b = await replica(clock, 'replica-b');
    // Slack takes part 1, then answers 500 to part 2 until the poster gives up (1 + 2 retries).
    slack.failNext('chat.postMessage', { status: 500 }, 3, { after: 1 });
    const first = await a.service.scheduler.sweep();
    expect(first.runs.map((r) => r.outcome)).toEqual([
      {
        status: 'failed',
        retryable: true,
        partial: { posted: 1, parts: 3 },
        error: expect.stringMatching(/^posted only 1 of 3 messages of the digest: Slack answered HTTP 500/),
      },
    ]);
    expect(slack.messages).toHaveLength(1);
    expect(await a.service.store.getDelivery(KEY)).toMatchObject({ status: 'failed', attempts: 1, messageIds: [slack.messages[0]!.ts] });
    const reported = a.lines.find((l) => l.level === 50 && l.channel === 'newsroom');
    expect(reported?.msg).toMatch(
      /^the digest for channel newsroom on 2025-04-26 went out only in part \(1 of 3 messages\): Slack answered HTTP 500 .*\. The remaining 2 are posted after them in 30 s$/,
    );

    clock.advance(30_000);
    const retries = await Promise.all([a.service.scheduler.sweep(), b.service.scheduler.sweep()]);
    expect(
      retries
        .flatMap((r) => r.runs)
        .map((r) => r.outcome.status)
        .filter((s) => s === 'posted'),
    ).toHaveLength(1);
    const [part1, ...rest] = slack.messages;
    expect(slack.messages.map((m) => m.metadata?.event_payload.part)).toEqual([1, 2, 3]);
    expect(rest.map((m) => m.thread_ts)).toEqual([part1!.ts, part1!.ts]);
    expect(await b.service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 2, messageIds: slack.messages.map((m) => m.ts) });

    clock.advance(60_000);
    await Promise.all([a.service.scheduler.sweep(), b.service.scheduler.sweep()]);
    expect(slack.messages).toHaveLength(3);
  });
});
