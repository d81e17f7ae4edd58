/**
 * Resident memory of `newsdigest run` (the compiled CLI) with Discord connected and 1,000 stored
 * articles. First `newsdigest post` reads 1,000 article files into the SQLite store and posts the
 * day's digest (its peak is the building figure). Then a fresh `newsdigest run` starts on that
 * store, connects to a fake Discord gateway on 127.0.0.1 and idles; its memory is read from
 * outside (/proc, Linux): resident at idle (VmRSS) and its own peak (VmHWM).
 *
 *   npx tsx scripts/bench-run-memory.ts
 *
 * Prints one human line and one JSON line (`{"bench":"run-memory",...}`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { FakeDiscordApi } from '../tests/fakes/discord-api.js';
import { FakeDiscordGateway, fakeIds } from '../tests/fakes/discord-gateway.js';
import { ensureBuilt } from './bench-startup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = 1000;

/** The issue's aims for the long-running service with Discord connected. */
export const RUN_MEMORY_TARGETS = { idleMb: 120, peakMb: 200 } as const;

/**
 * The Node flags the Docker image runs the service with (its ENTRYPOINT): a small young
 * generation. V8 otherwise keeps up to 3 × 16 MB of it resident for a service that allocates
 * little between digests; the cost is more frequent, shorter young-generation collections.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=1'] as const;

const towns = ['Marrowick', 'Tessaly', 'Korsvik', 'Ombra', 'Velden', 'Harrowgate', 'Lune', 'Caskel'];
const speakers = ['Petra Lindqvist', 'Jonas Arvel', 'Mira Santo', 'Ilse Brandt', 'Teodor Vass', 'Nadia Korr'];
const events = ['reopens its ferry line', 'counts flood damage', 'votes on the new bridge', 'welcomes aid convoys', 'repairs the harbour wall'];

/** An invented article of about 2 kB, different for each n. */
function article(n: number): string {
  const town = `${towns[n % towns.length]} ${n}`;
  const speaker = speakers[n % speakers.length]!;
  const filler = (i: number) =>
    `Residents of ${town} said on day ${i} that life was slowly returning to normal after the events of the week, and that shops on the main street had reopened.`;
  return [
    `${town} ${events[n % events.length]}`,
    '',
    `Officials in ${town} said on Tuesday that work had begun after a difficult week. ${filler(1)}`,
    '',
    `At least ${(n % 40) + 2} people were injured and ${(n % 7) + 1} people were killed when the storm struck, the regional health office said.`,
    '',
    `"We will rebuild what was lost, street by street," said ${speaker}, the mayor of ${town}. "Nobody will be left on their own."`,
    '',
    `${filler(2)} ${filler(3)}`,
    '',
    `${filler(4)} The council will meet again on Friday.`,
    '',
  ].join('\n');
}

function procStatus(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Loaded before the CLI: reports the process's peak memory on exit, on stderr's last line. */
const peakReporter = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

interface RunMemory {
  idleMb: number;
  peakMb: number;
  articles: number;
}

/** Both ways of running the service: plain `node`, and with the image's flags. */
export async function benchRunMemory(): Promise<RunMemory[] | null> {
  const plain = await benchRunMemoryWith([]);
  if (!plain) return null;
  const image = await benchRunMemoryWith(SERVICE_NODE_FLAGS);
  return image ? [plain, image] : [plain];
}

async function benchRunMemoryWith(nodeFlags: readonly string[]): Promise<RunMemory | null> {
  if (!existsSync('/proc/self/status')) {
    console.log('run memory: skipped (reads /proc, which only Linux has)');
    return null;
  }
  ensureBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'newsdigest-bench-run-'));
  mkdirSync(path.join(dir, 'articles'));
  for (let n = 0; n < ARTICLES; n++) writeFileSync(path.join(dir, 'articles', `${String(n).padStart(4, '0')}.txt`), article(n));
  const api = await new FakeDiscordApi().start();
  const gateway = await new FakeDiscordGateway().start();
  api.gatewayUrl = gateway.url;
  api.channels.add(fakeIds.channel);
  writeFileSync(
    path.join(dir, 'newsdigest.yaml'),
    stringify({
      sources: [{ id: 'articles', type: 'files', path: 'articles' }],
      // Midnight UTC with catch-up: the start posts today's digest, then the service idles.
      channels: [
        { id: 'discord-room', platform: 'discord', channel: fakeIds.channel, schedule: '0 0 * * *', timeZone: 'UTC', filters: { maxItems: 10 } },
      ],
      storage: { sqlitePath: 'ledger.sqlite' },
      discord: { mode: 'gateway' },
      scheduler: { catchUpHours: 24 },
    }),
  );
  const env = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APPLICATION_ID: fakeIds.application,
    DISCORD_API_URL: api.apiUrl,
    DATABASE_URL: '',
  };
  const cli = (command: string[], options: { report?: boolean } = {}) =>
    spawn(
      process.execPath,
      [
        ...nodeFlags,
        ...(options.report ? ['--import', peakReporter] : []),
        path.join(root, 'bin/newsdigest.js'),
        '--config',
        path.join(dir, 'newsdigest.yaml'),
        ...command,
      ],
      {
        cwd: dir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  let child: ReturnType<typeof cli> | undefined;
  try {
    // 1. Store the articles and post today's digest, as a scheduled fire would.
    const post = cli(['post', '--channel', 'discord-room'], { report: true });
    let postLog = '';
    post.stderr.setEncoding('utf8').on('data', (chunk: string) => (postLog += chunk));
    const [code] = (await once(post, 'exit')) as [number | null];
    const buildingKb = Number(/peak-rss-kb (\d+)/.exec(postLog)?.[1] ?? NaN);
    if (code !== 0 || !/stored \d+ new article/.test(postLog))
      throw new Error(`newsdigest post failed: ${postLog.trim().split('\n').slice(-3).join(' | ')}`);
    const buildingMb = buildingKb / 1024;

    // 2. The service on that store: connected to the gateway, nothing left to post, idle.
    const service = cli(['run']);
    child = service;
    let log = '';
    service.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const connected = gateway.waitForOp(2); // IDENTIFY: the client has connected and logged in
    const exited = once(service, 'exit').then(() => {
      throw new Error(`newsdigest run exited early: ${log.trim().split('\n').slice(-3).join(' | ')}`);
    });
    await Promise.race([connected, exited, sleep(300_000).then(() => Promise.reject(new Error('the gateway saw no connection within 5 minutes')))]);
    // Idle: let the start-up work, the gateway heartbeat and the garbage collector settle, then sample.
    await sleep(15_000);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(procStatus(service.pid!)!.rssMb);
      await sleep(1000);
    }
    const idleMb = samples.sort((a, b) => a - b)[2]!;
    const peakMb = procStatus(service.pid!)!.peakMb;
    const ok = (value: number, target: number) => (value <= target ? '✓' : '✗');
    console.log(
      `run memory (compiled newsdigest run, Node ${process.version}${nodeFlags.length ? ` ${nodeFlags.join(' ')} as the Docker image runs it` : ''}, Discord gateway connected to a fake on 127.0.0.1, ${ARTICLES} articles stored, digest posted): ` +
        `resident at idle ${idleMb.toFixed(1)} MB (≤ ${RUN_MEMORY_TARGETS.idleMb} ${ok(idleMb, RUN_MEMORY_TARGETS.idleMb)}), ` +
        `peak of run ${peakMb.toFixed(1)} MB; peak while building (post: reading the ${ARTICLES} articles and posting) ${buildingMb.toFixed(1)} MB ` +
        `(≤ ${RUN_MEMORY_TARGETS.peakMb} ${ok(Math.max(peakMb, buildingMb), RUN_MEMORY_TARGETS.peakMb)})`,
    );
    console.log(
      JSON.stringify({
        bench: 'run-memory',
        node: process.version,
        nodeFlags,
        articles: ARTICLES,
        idleMb,
        peakMb,
        buildingMb,
        targets: RUN_MEMORY_TARGETS,
      }),
    );
    return { idleMb, peakMb: Math.max(peakMb, buildingMb), articles: ARTICLES };
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await gateway.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRunMemory();
