/**
 * Load on the running service: `newsdigest run` as a child process on 127.0.0.1, Slack and Discord
 * faked at the network edge (SLACK_API_URL, DISCORD_API_URL), and signed /digest and /article
 * commands sent open-loop (at a fixed rate, not waiting for answers) to Slack's /slack/events and
 * Discord's /discord/interactions, at 50, 100 and 200 requests a second for 20 s each.
 *
 *   npm run bench:load                      # the three steps, 20 s each
 *   npm run bench:load -- --seconds 5       # shorter steps
 *   npm run bench:load -- --rates 50,400    # other rates
 *
 * Prints a table: acknowledgement latency p50/p95/p99 (request sent → HTTP answer), errors (non-2xx,
 * network errors, or no answer within Slack's and Discord's 3 s), the service's CPU time per request,
 * its event-loop lag p99 (from its /metrics), the sender's own event-loop lag p99 (a lagging sender
 * inflates what it measures), and the service's peak resident memory during the step. Everything stays on loopback, and every step is bounded in count and time.
 * The goal: p99 under 50 ms at 200 requests a second with no errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Agent, fetch } from 'undici';
import { stringify } from 'yaml';
import { FakeDiscordApi } from '../tests/fakes/discord-api.js';
import { commandInteraction, fakeIds } from '../tests/fakes/discord-gateway.js';
import { slackSignature, slashCommandFields } from '../tests/fakes/signed-request.js';
import { FakeSlackApi } from '../tests/fakes/slack-api.js';
import { interactionKeys, signedInteractionHeaders } from '../tests/hostile/signed-interaction.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rates: { type: 'string', default: '50,100,200' },
  },
});
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);
if (!(seconds > 0 && seconds <= 120) || rates.some((r) => !(r > 0 && r <= 1000))) {
  console.error('bench:load: --seconds must be 1–120 and --rates a list of 1–1000 requests a second');
  process.exit(2);
}
/** Slack and Discord give an app 3 s to acknowledge. */
const ACK_LIMIT_MS = 3000;
const SIGNING_SECRET = 'bench-signing-secret';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** CPU time a process has used (user + system), in ms, from /proc. */
function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses; clock ticks of 10 ms.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process now (VmRSS), in MB, from /proc. */
function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function waitForHealth(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`newsdigest run exited (${child.exitCode}):\n${stderr()}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`newsdigest run did not answer /healthz within 60 s:\n${stderr()}`);
}

type Kind = 'slack /digest' | 'slack /article' | 'discord /digest' | 'discord /article';
const KINDS: Kind[] = ['slack /digest', 'slack /article', 'discord /digest', 'discord /article'];

/**
 * The service's own event-loop lag p99 in ms since the previous scrape (prom-client resets its
 * event-loop histogram at each collection), from /metrics.
 */
async function serviceLoopLagP99(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^newsdigest_nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-bench-load-'));
  const slack = await FakeSlackApi.start();
  const discord = await new FakeDiscordApi().start();
  discord.channels.add(fakeIds.channel);
  const keys = interactionKeys();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const configPath = join(dir, 'config.yaml');
  writeFileSync(
    configPath,
    stringify({
      sources: [{ id: 'seeds', type: 'files', path: resolve('seeds') }],
      // Midnight UTC, with catch-up: the start posts the latest digest, so /digest has one to show.
      channels: [
        { id: 'slack-room', platform: 'slack', channel: 'C123', schedule: '0 0 * * *', timeZone: 'UTC' },
        { id: 'discord-room', platform: 'discord', channel: fakeIds.channel, schedule: '0 0 * * *', timeZone: 'UTC' },
      ],
      storage: { sqlitePath: join(dir, 'bench.sqlite') },
      discord: { mode: 'http' },
      scheduler: { catchUpHours: 24 },
    }),
  );

  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli.ts'), '--config', configPath, 'run'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APPLICATION_ID: fakeIds.application,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await slack.close();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, child, () => stderr);
    const startRss = residentMb(child.pid!);
    // Keep-alive connections, as Slack's and Discord's senders use; enough for 3 s of backlog.
    const agent = new Agent({ connections: 512, keepAliveTimeout: 30_000 });
    let sequence = 0;

    function request(kind: Kind): { url: string; init: { method: string; body: string; headers: Record<string, string> } } {
      const n = ++sequence;
      if (kind.startsWith('slack')) {
        const [command, text] = kind === 'slack /digest' ? ['/digest', ''] : ['/article', '1'];
        const body = new URLSearchParams(slashCommandFields(command, text, slack.responseUrl(`load-${n}`))).toString();
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          url: `${base}/slack/events`,
          init: {
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-slack-request-timestamp': String(timestamp),
              'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
            },
          },
        };
      }
      const interaction = kind === 'discord /digest' ? commandInteraction('digest') : commandInteraction('article', { query: '1' });
      const body = JSON.stringify(interaction);
      return { url: `${base}/discord/interactions`, init: { method: 'POST', body, headers: signedInteractionHeaders(keys.privateKey, body) } };
    }

    async function send(kind: Kind): Promise<{ kind: Kind; ms: number; ok: boolean; problem?: string }> {
      const { url, init } = request(kind);
      const started = performance.now();
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(ACK_LIMIT_MS), dispatcher: agent });
        const ms = performance.now() - started;
        await response.arrayBuffer();
        return response.ok ? { kind, ms, ok: true } : { kind, ms, ok: false, problem: `${kind}: HTTP ${response.status}` };
      } catch (error) {
        return {
          kind,
          ms: performance.now() - started,
          ok: false,
          problem: `${kind}: ${(error as Error).name === 'TimeoutError' ? `no answer in ${ACK_LIMIT_MS} ms` : (error as Error).message}`,
        };
      }
    }

    // A short warm-up, so the first step does not pay for lazy compilation.
    await Promise.all(Array.from({ length: 40 }, (_, i) => send(KINDS[i % KINDS.length]!)));

    const rows: string[][] = [];
    const problems = new Map<string, number>();
    for (const rate of rates) {
      const total = Math.round(rate * seconds);
      const results: ReturnType<typeof send>[] = [];
      let peakRss = residentMb(child.pid!);
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, residentMb(child.pid!));
      }, 100);
      const cpuBefore = cpuMs(child.pid!);
      await serviceLoopLagP99(base); // resets the service's lag histogram
      // The sender's own event-loop delay: if it lags, the latencies it measures are inflated.
      const senderLag = monitorEventLoopDelay({ resolution: 10 });
      senderLag.enable();
      // Open loop: request i leaves at start + i/rate, whether or not earlier ones were answered.
      const start = performance.now();
      await new Promise<void>((done) => {
        const tick = () => {
          const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
          while (results.length < due) results.push(send(KINDS[results.length % KINDS.length]!));
          if (results.length >= total) return done();
          setTimeout(tick, Math.max(0, (results.length * 1000) / rate - (performance.now() - start)));
        };
        tick();
      });
      const settled = await Promise.all(results);
      // Let the last answers (response_url posts) finish before reading the CPU time.
      await new Promise((done) => setTimeout(done, 500));
      const cpuPerRequest = (cpuMs(child.pid!) - cpuBefore) / total;
      senderLag.disable();
      const serviceLag = await serviceLoopLagP99(base);
      clearInterval(sampler);
      peakRss = Math.max(peakRss, residentMb(child.pid!));
      const sortedMs = (list: typeof settled) =>
        list
          .filter((r) => r.ok)
          .map((r) => r.ms)
          .sort((a, b) => a - b);
      const latencies = sortedMs(settled);
      const slackMs = sortedMs(settled.filter((r) => r.kind.startsWith('slack')));
      const discordMs = sortedMs(settled.filter((r) => r.kind.startsWith('discord')));
      const errors = settled.filter((r) => !r.ok);
      for (const error of errors) problems.set(error.problem!, (problems.get(error.problem!) ?? 0) + 1);
      rows.push([
        String(rate),
        String(total),
        percentile(latencies, 50).toFixed(1),
        percentile(latencies, 95).toFixed(1),
        percentile(latencies, 99).toFixed(1),
        latencies.length ? latencies[latencies.length - 1]!.toFixed(1) : '-',
        percentile(slackMs, 99).toFixed(1),
        percentile(discordMs, 99).toFixed(1),
        String(errors.length),
        cpuPerRequest.toFixed(1),
        serviceLag.toFixed(1),
        (senderLag.percentile(99) / 1e6).toFixed(1),
        peakRss.toFixed(0),
      ]);
    }
    await agent.close();

    const header = [
      'req/s',
      'requests',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'Slack p99',
      'Discord p99',
      'errors',
      'CPU ms/req',
      'service lag p99',
      'sender lag p99',
      'peak RSS MB',
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
    console.log(
      `newsdigest run on 127.0.0.1, Slack and Discord HTTP endpoints, ${seconds} s per step, ${KINDS.join(', ')} in turn; RSS after start ${startRss.toFixed(0)} MB; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    const answered =
      slack.requests.filter((r) => r.method === 'response_url').length + discord.requests.filter((r) => r.path.includes('/webhooks/')).length;
    console.log(`answers delivered to Slack response_urls and Discord webhooks: ${answered}`);
    for (const [problem, count] of problems) console.log(`  ${count} × ${problem}`);
    const serviceErrors = stderr.split('\n').filter((l) => /"level":(50|60)/.test(l));
    if (serviceErrors.length) console.log(`the service logged ${serviceErrors.length} error(s), first: ${serviceErrors[0]}`);
    const last = rows.find((r) => r[0] === '200');
    if (last)
      console.log(
        Number(last[4]) < 50 && last[8] === '0'
          ? 'goal met: p99 under 50 ms at 200 req/s with no errors'
          : `goal NOT met at 200 req/s: p99 ${last[4]} ms, ${last[8]} errors`,
      );
  } finally {
    await stop();
  }
}

await main();
