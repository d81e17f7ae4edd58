import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Secrets } from '../../src/config/env.js';
import { parseConfig } from '../../src/config/load.js';
import { deliveryRef } from '../../src/platforms/discord/post.js';
import { createService, type PlatformFactory, type Service } from '../../src/service/service.js';
import { openStore } from '../../src/store/open.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { fakeIds } from '../fakes/discord-gateway.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingLogger, TestClock } from '../scheduler/harness.js';
import { DATE, fastDiscord, fastSlack, workspace } from './harness.js';
import { manyArticles } from './long-digest.js';

/**
 * Issue 17: a real service process posting a 3-message digest is killed with SIGKILL while the
 * second message is on its way, once after the platform took it (only its answer is lost) and
 * once before it arrived. A new service on the same SQLite file finds the parts in the channel by
 * their delivery keys and posts exactly the missing ones, in order: on Slack in the first
 * message's thread, on Discord after the posted ones. Every part ends up in the channel once.
 */

const KEY = { channelId: 'newsroom', date: DATE };
const DISCORD_CHANNEL = fakeIds.channel;
const DISCORD_MESSAGES = `/channels/${DISCORD_CHANNEL}/messages`;

/** One platform's test double and how the test reads the parts back from it. */
interface Platform {
  name: 'slack' | 'discord';
  /** Stories in the digest: three messages' worth on this platform. */
  stories: number;
  channel: string;
  start(): Promise<{
    secrets: Secrets;
    factory: PlatformFactory;
    /** The fake leaves the second message unanswered (`deliver`: but posts it). */
    holdSecondPart(deliver: boolean): void;
    /** Resolves once the second message was sent. */
    secondPartSent(): Promise<void>;
    /** The part number ("1/3") of each message in the channel, oldest first, its id and text. */
    parts(): { part: string; id: string; thread?: string; text: string }[];
    close(): Promise<void>;
  }>;
}

const slack: Platform = {
  name: 'slack',
  stories: 30,
  channel: 'C123',
  async start() {
    const fake = await FakeSlackApi.start();
    return {
      secrets: { slackBotToken: fake.botToken, slackSigningSecret: 'killable-secret', slackApiUrl: fake.apiUrl },
      factory: fastSlack,
      holdSecondPart: (deliver) => void fake.holdNext('chat.postMessage', { after: 1, deliver }),
      secondPartSent: () => fake.waitFor(() => fake.calls('chat.postMessage').length >= 2, 30_000, 'the second message'),
      parts: () =>
        fake.messages.map((m) => ({
          part: `${m.metadata?.event_payload.part}/${m.metadata?.event_payload.parts}`,
          id: m.ts,
          thread: m.thread_ts,
          text: JSON.stringify(m.blocks),
        })),
      close: () => fake.close(),
    };
  },
};

const publicKey = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
const discord: Platform = {
  name: 'discord',
  stories: 15,
  channel: DISCORD_CHANNEL,
  async start() {
    const fake = await new FakeDiscordApi().start();
    fake.channels.add(DISCORD_CHANNEL);
    const ref = deliveryRef('newsdigest:newsroom:2025-04-26');
    return {
      secrets: { discordToken: 'fault-token', discordApplicationId: fakeIds.application, discordPublicKey: publicKey, discordApiUrl: fake.apiUrl },
      factory: fastDiscord(publicKey),
      holdSecondPart: (deliver) => fake.holdNext({ method: 'POST', path: DISCORD_MESSAGES }, { after: 1, deliver }),
      secondPartSent: async () => void (await fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(DISCORD_MESSAGES), 2)),
      parts: () =>
        (fake.messages.get(DISCORD_CHANNEL) ?? []).map((m) => ({
          part:
            m.content
              .split('\n')
              .find((l) => l.startsWith(`-# ref ${ref} · `))
              ?.split(' · ')[1] ?? '?',
          id: m.id,
          text: JSON.stringify(m.embeds),
        })),
      close: () => fake.close(),
    };
  },
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function rawConfig(platform: Platform, space: { articles: string; sqlitePath: string }) {
  return {
    sources: [{ id: 'local', type: 'files', path: space.articles }],
    channels: [
      {
        id: 'newsroom',
        platform: platform.name,
        channel: platform.channel,
        schedule: '0 8 * * *',
        timeZone: 'UTC',
        filters: { maxItems: platform.stories },
      },
    ],
    storage: { sqlitePath: space.sqlitePath },
    http: { port: 0 },
    discord: { mode: 'http' },
    scheduler: { catchUpHours: 0 },
  };
}

/** Starts the child, fires, and kills it once the second message is on its way. */
async function killDuringSecondPart(config: object, secrets: Secrets, secondPartSent: () => Promise<void>): Promise<void> {
  const script = fileURLToPath(new URL('./killable-service.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config), JSON.stringify(secrets)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanups.push(() => void child.kill('SIGKILL'));
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const said = (word: string) =>
    new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        if (!out.includes(word)) return;
        clearInterval(timer);
        done();
      }, 20);
      child.once('exit', (code) => {
        clearInterval(timer);
        fail(new Error(`the service exited (${code}) before saying "${word}"`));
      });
    });
  await said('started');
  child.stdin!.write('fire\n');
  await said('firing');
  await secondPartSent();
  child.kill('SIGKILL');
  await once(child, 'exit');
}

describe.each([slack, discord])('a service posting a 3-message digest to %s killed with SIGKILL between the parts', (platform) => {
  it.each([
    ['after the platform took the second message (its answer lost): the restart posts only the third', true],
    ['before the second message arrived: the restart posts the second and the third', false],
  ])(
    '%s',
    async (_name, delivered) => {
      const space = workspace(manyArticles(platform.stories));
      cleanups.push(space.dispose);
      const fake = await platform.start();
      cleanups.push(fake.close);
      const config = rawConfig(platform, space);
      fake.holdSecondPart(delivered);

      await killDuringSecondPart(config, fake.secrets, fake.secondPartSent);
      const before = fake.parts();
      expect(before).toHaveLength(delivered ? 2 : 1);
      const ledger = await openStore({ sqlitePath: space.sqlitePath });
      const left = await ledger.getDelivery(KEY);
      await ledger.close();

      const { logger, lines } = recordingLogger();
      const service: Service = await createService(parseConfig(config, 'restarted service'), fake.secrets, {
        clock: new TestClock(new Date('2025-04-26T08:06:00Z')),
        logger,
        cron: false,
        port: 0,
        host: '127.0.0.1',
        platformFactories: { [platform.name]: fake.factory },
      });
      cleanups.push(() => service.stop());
      const report = await service.start();

      // Every story of the digest is in the channel once, in three messages.
      const after = fake.parts();
      const headlines = Object.values(manyArticles(platform.stories)).map((text) => text.split('\n')[0]!);
      expect(headlines.map((h) => after.filter((p) => p.text.includes(`${h}`)).length)).toEqual(headlines.map(() => 1));
      expect(after).toHaveLength(3);
      // The parts: in order, the ones posted before the kill kept, the rest after them.
      expect(after.map((p) => p.part)).toEqual(['1/3', '2/3', '3/3']);
      expect(after.slice(0, before.length)).toEqual(before);
      if (platform.name === 'slack') {
        expect(after[0]!.thread).toBeUndefined();
        expect(after.slice(1).map((p) => p.thread)).toEqual([after[0]!.id, after[0]!.id]);
      }
      // The killed process had recorded its first part in the ledger as it went out.
      expect(left).toMatchObject({ status: 'claimed', owner: 'doomed-process', messageIds: [before[0]!.id] });
      expect(report.stale).toEqual([{ channel: 'newsroom', date: DATE, resolution: 'partly-posted' }]);
      expect(report.runs.map((r) => r.outcome.status)).toEqual(['posted']);
      expect(await service.store.getDelivery(KEY)).toMatchObject({ status: 'posted', attempts: 2, messageIds: after.map((p) => p.id) });
      const warned = lines.find((l) => l.level === 40 && l.channel === 'newsroom');
      expect(warned?.msg).toBe(
        `the digest for channel newsroom on ${DATE} went out only in part before a stop (${before.length} of 3 messages); posting the rest after them now`,
      );
      expect(lines.some((l) => l.msg === `posted the remaining ${3 - before.length} of 3 messages of the digest to channel newsroom`)).toBe(true);

      // Later sweeps and `post` for the day add nothing.
      await service.scheduler.sweep();
      expect(await service.postNow('newsroom', { date: DATE })).toEqual({ status: 'skipped', reason: 'posted' });
      expect(fake.parts()).toHaveLength(3);
    },
    90_000,
  );
});
