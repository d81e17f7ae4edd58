/**
 * Resident memory of the Discord platform: the discord.js client connected to a fake gateway on
 * 127.0.0.1, 1,000 stored articles in the library, after answering a few hundred interactions.
 *
 *   npx tsx scripts/bench-discord.ts          (add --expose-gc via NODE_OPTIONS for steadier numbers)
 *
 * Prints one human line and one JSON line (`{"bench":"discord",...}`); `benchDiscord()` returns
 * the same numbers for scripts/bench.ts.
 */
import { pathToFileURL } from 'node:url';
import type { CommandContext } from '../src/commands/types.js';
import { MemoryLibrary } from '../src/digest/library.js';
import type { Digest, DigestItem } from '../src/digest/types.js';
import { silentLogger } from '../src/log.js';
import { createDiscordPlatform } from '../src/platforms/discord/client.js';
import { buttonCustomId } from '../src/platforms/discord/render.js';
import { FakeDiscordApi } from '../tests/fakes/discord-api.js';
import { FakeDiscordGateway, autocompleteInteraction, buttonInteraction, commandInteraction, fakeIds } from '../tests/fakes/discord-gateway.js';

const places = ['harbour', 'valley', 'capital', 'border town', 'island', 'river port', 'mountain pass', 'old quarter'];
const events = ['reopens its ferry line', 'counts flood damage', 'holds a vote on the bridge', 'welcomes aid convoys', 'reports a quiet night'];

/** A synthetic story of about 2 kB, different for each n. */
function syntheticStory(n: number, date: string): DigestItem {
  const place = `${places[n % places.length]} ${n}`;
  const sentence = (i: number) => `Residents of the ${place} said on day ${i} that life was slowly returning to normal after the events of the week.`;
  return {
    id: `bench${String(n).padStart(6, '0')}`,
    headline: `The ${place} ${events[n % events.length]}`,
    summary: [sentence(1), sentence(2)],
    quotes: Array.from({ length: 4 }, (_, i) => ({
      text: `${sentence(i + 3)} We will rebuild`,
      start: 0,
      end: 10,
      speaker: `Speaker ${n}-${i}`,
      key: i < 2,
      rank: i + 1,
    })),
    figures: [
      {
        text: `${n % 50} people injured`,
        start: 0,
        end: 10,
        count: n % 50,
        min: null,
        max: null,
        qualifier: 'at least',
        kind: 'injured',
        who: 'people',
        context: sentence(9),
      },
    ],
    sources: [
      {
        articleId: `a${n}`,
        title: `The ${place}`,
        publication: 'Bench Gazette',
        agency: 'BNA',
        url: `https://bench.example/${n}`,
        publishedAt: `${date}T06:00:00Z`,
        origin: `bench/${n}.txt`,
      },
    ],
    publishedAt: `${date}T06:00:00Z`,
  };
}

/** 1,000 stories: 100 daily digests of 10. */
function benchLibrary(): MemoryLibrary {
  const digests: Digest[] = [];
  for (let day = 0; day < 100; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    digests.push({
      date,
      title: `News digest for ${date}`,
      items: Array.from({ length: 10 }, (_, i) => syntheticStory(day * 10 + i, date)),
      generatedAt: `${date}T07:00:00.000Z`,
    });
  }
  return new MemoryLibrary(digests);
}

export interface DiscordBenchResult {
  rssMB: number;
  /** Before the client connected (modules loaded, library filled): what Discord itself adds is the difference. */
  rssBeforeClientMB: number;
  heapUsedMB: number;
  storedArticles: number;
  interactions: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function benchDiscord(): Promise<DiscordBenchResult> {
  const api = await new FakeDiscordApi().start();
  const gateway = await new FakeDiscordGateway().start();
  api.gatewayUrl = gateway.url;
  const library = benchLibrary();
  const context: CommandContext = {
    library,
    fetchArticle: async () => {
      throw new Error('the benchmark fetches no pages');
    },
    now: () => new Date('2024-04-10T12:00:00Z'),
    timeZone: 'UTC',
  };
  (globalThis as { gc?: () => void }).gc?.();
  const rssBeforeClientMB = mb(process.memoryUsage().rss);
  const discord = createDiscordPlatform({
    token: 'bench-token',
    applicationId: fakeIds.application,
    mode: 'gateway',
    apiUrl: api.apiUrl,
    context,
    logger: silentLogger,
  });
  try {
    await discord.start();
    const rounds = 100;
    for (let i = 0; i < rounds; i++) {
      const batch = [
        commandInteraction('digest'),
        autocompleteInteraction('article', 'query', places[i % places.length]!),
        buttonInteraction(buttonCustomId('quotes', `bench${String(i * 7).padStart(6, '0')}`)),
      ];
      for (const interaction of batch) gateway.interaction(interaction);
      // Wait for every answer before the next round, so the numbers show a steady state, not a queue.
      await Promise.all(batch.map((interaction) => api.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/${interaction.token}/callback`))));
    }
    const interactions = rounds * 3;
    api.requests.length = 0; // the fake's own record is not the bot's memory
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    return { rssMB: mb(usage.rss), rssBeforeClientMB, heapUsedMB: mb(usage.heapUsed), storedArticles: 1000, interactions };
  } finally {
    await discord.stop();
    await gateway.close();
    await api.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchDiscord();
  process.stdout.write(
    `discord: resident memory ${result.rssMB} MB (${result.rssBeforeClientMB} MB before the client connected; heap used ${result.heapUsedMB} MB) with the client connected to the fake gateway, ${result.storedArticles} stored articles, ${result.interactions} interactions answered\n`,
  );
  process.stdout.write(`${JSON.stringify({ bench: 'discord', ...result })}\n`);
}
