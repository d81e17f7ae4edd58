/**
 * Many workspaces and servers at scale (issue 15): one newsdigest service with 1,000 tenants,
 * 500 Slack workspaces installed with "Add to Slack" (each its own bot token, sealed in the store)
 * and 500 Discord servers, 3 channels each, all set up as chat channels in the store and all due at
 * 08:00 on the same morning: the worst case, every channel in the same minute. The time zones vary
 * (UTC, Europe/London, Europe/Lisbon, Africa/Abidjan, Atlantic/Reykjavik) but on the January date
 * simulated they are all UTC+0, so every digest is due at the same instant.
 *
 *   npm run bench:tenants                    # 1,000 tenants, 3,000 channels
 *   npm run bench:tenants -- --tenants 100   # a smaller run
 *   npm run bench:tenants -- --postgres      # the store on PostgreSQL (DATABASE_URL, default 127.0.0.1:5432/test)
 *
 * Slack, Discord and the 50 shared feeds (invented articles, each tenant reading 2–3) are fakes on
 * 127.0.0.1 in a child process, so they neither share the service's event loop nor count in its
 * memory. They enforce the platforms' rate limits: Slack about one message a second per channel;
 * Discord 5 messages per 5 s per channel (per-route bucket) and 50 requests a second per bot
 * (global), answering 429 with Retry-After / retry_after when exceeded.
 *
 * Time: the service runs with cron off and an injected clock that runs in real time from a chosen
 * instant. It starts at 07:00 on the simulated day, then the clock jumps to 08:00:00 and the bench
 * calls the scheduler's minute sweep then and every real minute after, as node-cron would, until
 * every digest is in or 10 minutes have passed. Posting, building and the rate limits are all in
 * real time, so lateness is the real time from 08:00:00 to the digest's last message reaching the fake.
 *
 * Prints a table and one JSON line (`{"bench":"tenants",...}`).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ChannelSettings } from '../src/commands/setup.js';
import { parseConfig } from '../src/config/load.js';
import type { Secrets } from '../src/config/env.js';
import { createLogger } from '../src/log.js';
import { chatChannelId } from '../src/service/setup.js';
import { createService, type Service } from '../src/service/service.js';
import { FakeDiscordApi } from '../tests/fakes/discord-api.js';
import { fakeIds } from '../tests/fakes/discord-gateway.js';
import { FakeSlackApi } from '../tests/fakes/slack-api.js';
import { WebServer } from '../tests/fakes/web-server.js';
import { interactionKeys } from '../tests/hostile/signed-interaction.js';

/** The simulated morning: a January day, when all the zones below are UTC+0. */
const DAY = '2026-01-15';
const SCHEDULE = '0 8 * * *';
const ZONES = ['UTC', 'Europe/London', 'Europe/Lisbon', 'Africa/Abidjan', 'Atlantic/Reykjavik'];
const DUE_AT = new Date(`${DAY}T08:00:00Z`);
/** The aim: every digest within 10 minutes of its time. */
const ON_TIME_MS = 10 * 60_000;
const CHANNELS_PER_TENANT = 3;
const ITEMS_PER_FEED = 8;
const SLACK_SCOPES = ['chat:write', 'commands', 'channels:history', 'groups:history', 'users:read', 'usergroups:read'];

interface SlackTenant {
  teamId: string;
  botToken: string;
  channels: string[];
}

interface ChannelTally {
  /** Messages the fake accepted in the channel. */
  messages: number;
  /** Distinct digests (delivery keys) among them. */
  digests: number;
  /** Parts each digest says it has, and how many distinct parts arrived. */
  parts: number;
  distinctParts: number;
  /** When its last message was accepted (ms since the epoch). */
  lastAt: number;
}

interface EdgeReport {
  tallies: Record<string, ChannelTally>;
  slack429: number;
  discordRoute429: number;
  discordGlobal429: number;
  /** Slack posts made with another workspace's token than the channel's. */
  slackWrongToken: number;
  feedFetches: number;
  feedsFetched: number;
  edgePeakMb: number;
}

type ToEdge = { type: 'report' };
type FromEdge = { type: 'ready'; slackApiUrl: string; discordApiUrl: string; feedUrls: string[] } | { type: 'report'; report: EdgeReport };

const towns = ['Marrowick', 'Tessaly', 'Korsvik', 'Ombra', 'Velden', 'Harrowgate', 'Lune', 'Caskel', 'Brenmoor', 'Isterne'];
const speakers = ['Petra Lindqvist', 'Jonas Arvel', 'Mira Santo', 'Ilse Brandt', 'Teodor Vass', 'Nadia Korr'];
const events = [
  'reopens its ferry line',
  'counts the cost of the floods',
  'votes on the new bridge',
  'opens a winter shelter',
  'repairs the harbour wall',
];

/** An invented feed: `ITEMS_PER_FEED` short articles from the early morning of the simulated day. */
function feedXml(n: number): string {
  const items = Array.from({ length: ITEMS_PER_FEED }, (_, k) => {
    const town = towns[(n + k) % towns.length]!;
    const speaker = speakers[(n * 3 + k) % speakers.length]!;
    const event = events[(n + 2 * k) % events.length]!;
    const at = new Date(Date.parse(`${DAY}T05:00:00Z`) + k * 17 * 60_000);
    const body = [
      `<p>${town} ${event} on Thursday, the district council said, after a week in which ${(n % 9) + 2} roads were closed and ${(k % 5) + 1} schools stayed shut.</p>`,
      `<p>"We have waited long enough, and the work starts today," said ${speaker}, who leads the council's works committee. "Everyone in ${town} will see the difference by spring."</p>`,
      `<p>The plan costs ${(n % 7) + 3} million crowns, ${(k % 4) + 1} million more than first thought, and the district will borrow part of it, officials said.</p>`,
    ].join('');
    return `<item><title>${town} ${event} (${n}.${k})</title><guid>feed-${n}-item-${k}</guid><link>https://feed${n}.example/${k}</link><pubDate>${at.toUTCString()}</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>District Wire ${n}</title><link>https://feed${n}.example</link>${items.join('')}</channel></rss>`;
}

/** The tenants: half Slack workspaces (channels and bot tokens), half Discord servers (channels). */
function tenantsOf(tenants: number): { workspaces: SlackTenant[]; servers: { channels: string[] }[] } {
  const workspaces = Array.from({ length: Math.ceil(tenants / 2) }, (_, t) => {
    const teamId = `T${String(t + 1).padStart(6, '0')}`;
    return {
      teamId,
      botToken: `xoxb-bench-${teamId.toLowerCase()}-${(t * 7919).toString(36)}`,
      channels: Array.from({ length: CHANNELS_PER_TENANT }, (_, c) => `C${String(t + 1).padStart(6, '0')}${'ABC'[c]}`),
    };
  });
  const servers = Array.from({ length: Math.floor(tenants / 2) }, (_, s) => ({
    channels: Array.from({ length: CHANNELS_PER_TENANT }, (_, c) => String(1_310_000_000_000_000_000n + BigInt(s * CHANNELS_PER_TENANT + c))),
  }));
  return { workspaces, servers };
}

/** The feeds tenant t reads: 2 or 3 of the shared ones. */
function tenantFeeds(t: number, feeds: number): number[] {
  const picks = [t % feeds, (t * 7 + 3) % feeds, (t * 13 + 5) % feeds];
  return [...new Set(picks.slice(0, 2 + (t % 2)))];
}

// ---------------------------------------------------------------------------------------------
// The edge: Slack, Discord and the feeds, faked on 127.0.0.1 in their own process.

/** The edge serves the tenants and feeds its argv names (`<tenants> <feeds>`), and reports when asked. */
async function runEdge(): Promise<void> {
  const send = (message: FromEdge) => process.send!(message);
  // Listening first, so the request for the report cannot come before anyone hears it.
  const reportAsked = once(process, 'message');
  const [tenants, feeds] = process.argv.slice(2).map(Number) as [number, number];
  const { workspaces, servers } = tenantsOf(tenants);
  const slack = await FakeSlackApi.start({ channels: [], foreignChannels: [], rateLimits: {} });
  const tokenOfChannel = new Map<string, string>();
  for (const workspace of workspaces) {
    slack.workspaces.set(workspace.botToken, {
      teamId: workspace.teamId,
      teamName: `Workspace ${workspace.teamId}`,
      botToken: workspace.botToken,
      botUserId: `U0BOT${workspace.teamId}`,
      botId: `B0BOT${workspace.teamId}`,
      installerUserId: 'U0INSTALLER',
    });
    for (const channel of workspace.channels) {
      slack.channels.add(channel);
      tokenOfChannel.set(channel, workspace.botToken);
    }
  }
  const discord = await new FakeDiscordApi({ rateLimits: {} }).start();
  for (const channel of servers.flatMap((server) => server.channels)) discord.channels.add(channel);
  const web = await WebServer.start();
  const feedUrls: string[] = [];
  for (let n = 0; n < feeds; n++) {
    web.route(`/feeds/${n}.xml`, { headers: { 'content-type': 'application/rss+xml' }, body: feedXml(n) });
    feedUrls.push(web.url(`/feeds/${n}.xml`));
  }
  send({ type: 'ready', slackApiUrl: slack.apiUrl, discordApiUrl: discord.apiUrl, feedUrls });

  await reportAsked;
  const tallies: Record<string, ChannelTally> = {};
  const tally = (channel: string, key: string, part: number, parts: number, at: number, seen: Map<string, Set<string>>) => {
    const entry = (tallies[channel] ??= { messages: 0, digests: 0, parts: 0, distinctParts: 0, lastAt: 0 });
    entry.messages++;
    entry.parts = Math.max(entry.parts, parts);
    entry.lastAt = Math.max(entry.lastAt, at);
    const keys = seen.get(channel) ?? new Set<string>();
    seen.set(channel, keys);
    keys.add(`${key}#${part}`);
    entry.digests = new Set([...keys].map((k) => k.split('#')[0])).size;
    entry.distinctParts = keys.size;
  };
  const seen = new Map<string, Set<string>>();
  for (const message of slack.messages) {
    const payload = message.metadata?.event_payload ?? {};
    tally(message.channel, String(payload.delivery_key), Number(payload.part ?? 1), Number(payload.parts ?? 1), message.at ?? 0, seen);
  }
  for (const [channel, messages] of discord.messages) {
    for (const message of messages) {
      const marker = /-# ref (\S+)(?: · (\d+)\/(\d+))?$/.exec(message.content);
      tally(channel, marker?.[1] ?? 'none', Number(marker?.[2] ?? 1), Number(marker?.[3] ?? 1), Date.parse(message.timestamp), seen);
    }
  }
  const slackWrongToken = slack
    .calls('chat.postMessage')
    .filter((request) => FakeSlackApi.tokenOf(request) !== tokenOfChannel.get(String(request.body.channel))).length;
  const feedFetches = web.requests.filter((request) => request.path.startsWith('/feeds/'));
  send({
    type: 'report',
    report: {
      tallies,
      slack429: slack.rateLimited,
      discordRoute429: discord.rateLimited.route,
      discordGlobal429: discord.rateLimited.global,
      slackWrongToken,
      feedFetches: feedFetches.length,
      feedsFetched: new Set(feedFetches.map((request) => request.path)).size,
      edgePeakMb: process.resourceUsage().maxRSS / 1024,
    },
  });
  // The service side ends this process once it has the report: exiting here could outrun the message.
}

// ---------------------------------------------------------------------------------------------
// The service side: newsdigest with the tenants in its store, and the measurements.

/** A clock running in real time from an instant the bench sets (and moves forward). */
class BenchClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

function residentMb(): number {
  return process.memoryUsage.rss() / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function postgresBytes(databaseUrl: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
      [schema],
    );
    return Number(rows[0].bytes);
  } finally {
    await client.end();
  }
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string', default: '1000' },
      feeds: { type: 'string', default: '50' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const tenants = Number(values.tenants);
  const feeds = Number(values.feeds);
  if (!(Number.isInteger(tenants) && tenants >= 2 && tenants <= 5000) || !(Number.isInteger(feeds) && feeds >= 3 && feeds <= 500)) {
    console.error('bench:tenants: --tenants must be a whole number from 2 to 5000 and --feeds from 3 to 500');
    process.exit(2);
  }
  const databaseUrl = values.postgres ? (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : undefined;
  const schema = `bench_tenants_${process.pid}`;

  const { workspaces, servers } = tenantsOf(tenants);
  const edge = fork(fileURLToPath(import.meta.url), [String(tenants), String(feeds)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NEWSDIGEST_BENCH_ROLE: 'edge' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromEdge = (type: FromEdge['type']) =>
    new Promise<FromEdge>((resolve, reject) => {
      const onMessage = (message: FromEdge) => {
        if (message.type !== type) return;
        edge.off('message', onMessage);
        edge.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`bench:tenants: the fakes' process exited (${code})`));
      edge.on('message', onMessage);
      edge.once('exit', onExit);
    });
  const urls = (await fromEdge('ready')) as Extract<FromEdge, { type: 'ready' }>;

  const dir = mkdtempSync(join(tmpdir(), 'newsdigest-bench-tenants-'));
  const sqlitePath = join(dir, 'newsdigest.sqlite');
  const config = parseConfig(
    { sources: [], storage: { sqlitePath }, scheduler: { catchUpHours: 1 }, slack: { mode: 'http' }, discord: { mode: 'http' } },
    'bench:tenants config',
  );
  const secretKey = 'bench-secret-key-for-sealing-the-workspace-tokens';
  const secrets: Secrets = {
    slackClientId: '1111.2222',
    slackClientSecret: 'fake-client-secret',
    slackSigningSecret: 'bench-signing-secret',
    secretKey,
    slackApiUrl: urls.slackApiUrl,
    discordToken: 'bench-discord-token',
    discordApplicationId: fakeIds.application,
    discordPublicKey: interactionKeys().publicKeyHex,
    discordApiUrl: urls.discordApiUrl,
    databaseUrl,
  };
  const logCounts = { warn: 0, error: 0 };
  const firstErrors: string[] = [];
  /** Warnings by what they say (numbers and ids folded), to print the commonest. */
  const warnings = new Map<string, number>();
  const logger = createLogger({
    level: 'warn',
    format: 'json',
    write: (line) => {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level >= 50) {
        logCounts.error++;
        if (firstErrors.length < 3) firstErrors.push(/"msg":"([^"]*)"/.exec(line)?.[1] ?? line.trim());
      } else if (level >= 40) {
        logCounts.warn++;
        const message = (/"msg":"([^"]*)"/.exec(line)?.[1] ?? '').replace(/\d+/g, 'N').replace(/chat-[\w-]+/g, 'chat-…');
        warnings.set(message, (warnings.get(message) ?? 0) + 1);
      }
    },
  });
  const clock = new BenchClock();
  clock.set(new Date(`${DAY}T07:00:00Z`));

  let service: Service | undefined;
  try {
    service = await createService(config, secrets, {
      clock,
      logger,
      cron: false,
      http: false,
      allowLoopbackFetch: true,
      storeSchema: databaseUrl ? schema : undefined,
    });
    const { stores } = service.store;

    // The tenants in the store, as "Add to Slack" and /newsdigest subscribe would have left them.
    const setupStarted = performance.now();
    const installations = stores.slackWorkspaces.installations(secretKey);
    const at = clock.now().toISOString();
    const channelRows: ChannelSettings[] = [];
    const settings = (platform: 'slack' | 'discord', channel: string, tenant: number, c: number): ChannelSettings => ({
      platform,
      channel,
      sources: tenantFeeds(tenant, feeds).map((n) => urls.feedUrls[n]!),
      schedule: SCHEDULE,
      timeZone: ZONES[(tenant + c) % ZONES.length]!,
      keywords: [],
      maxItems: [5, 8, 10][c]!,
      paused: false,
      updatedAt: at,
      updatedBy: `${platform}:U0ADMIN`,
    });
    for (const [t, workspace] of workspaces.entries()) {
      await installations.save({
        workspace: workspace.teamId,
        teamId: workspace.teamId,
        isEnterpriseInstall: false,
        botToken: workspace.botToken,
        botUserId: `U0BOT${workspace.teamId}`,
        botId: `B0BOT${workspace.teamId}`,
        scopes: SLACK_SCOPES,
        installerUserId: 'U0INSTALLER',
        installedAt: at,
      });
      for (const [c, channel] of workspace.channels.entries()) {
        await stores.slackWorkspaces.rememberChannel(channel, workspace.teamId);
        channelRows.push(settings('slack', channel, t, c));
      }
    }
    for (const [s, server] of servers.entries()) {
      for (const [c, channel] of server.channels.entries()) channelRows.push(settings('discord', channel, workspaces.length + s, c));
    }
    for (const row of channelRows) {
      await stores.chatChannels.save(row, { actor: row.updatedBy, at, action: 'subscribe', detail: row.sources.join(' ') });
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // 07:00: the service starts; nothing is due yet.
    const startReport = await service.start();
    if (startReport.runs.length) throw new Error(`bench:tenants: ${startReport.runs.length} digests were due at 07:00; expected none`);
    const rssBeforeMb = residentMb();

    // 08:00:00: every channel is due. The minute sweep runs now and every minute after, as node-cron would.
    clock.set(DUE_AT);
    const firedAt = Date.now();
    const scheduler = service.scheduler;
    const sweeps: Promise<unknown>[] = [];
    const sweep = () => sweeps.push(scheduler.sweep().catch((error: unknown) => console.error(`sweep failed: ${String(error)}`)));
    sweep();
    let sampledPeakMb = residentMb();
    let heapPeakMb = 0;
    const sampler = setInterval(() => {
      sampledPeakMb = Math.max(sampledPeakMb, residentMb());
      heapPeakMb = Math.max(heapPeakMb, process.memoryUsage().heapUsed / 1024 / 1024);
    }, 500);
    const minute = setInterval(sweep, 60_000);
    const ids = channelRows.map((row) => chatChannelId(row.platform, row.channel));
    const ledger = async () => {
      const deliveries = await Promise.all(ids.map((channelId) => service!.store.getDelivery({ channelId, date: DAY })));
      return {
        posted: deliveries.filter((d) => d?.status === 'posted').length,
        attempts: deliveries.reduce((sum, d) => sum + (d?.attempts ?? 0), 0),
      };
    };
    let state = await ledger();
    while (state.posted < ids.length && Date.now() - firedAt < ON_TIME_MS) {
      await sleep(2000);
      state = await ledger();
    }
    const allInMs = Date.now() - firedAt;
    clearInterval(minute);
    await Promise.all(sweeps);
    // One more sweep once everything is in: it must post nothing again.
    const after = await scheduler.sweep();
    clearInterval(sampler);
    const repeatPosts = after.runs.filter((run) => run.outcome.status === 'posted').length;
    state = await ledger();
    // A digest built while its feeds could not be read would have no stories: count those.
    const stored = await Promise.all(ids.map((channelId) => service!.store.getDigest({ channelId, date: DAY })));
    const emptyDigests = stored.filter((digest) => !digest?.items.length).length;
    const stories = stored.reduce((sum, digest) => sum + (digest?.items.length ?? 0), 0);
    await service.stop();
    service = undefined;

    edge.send({ type: 'report' } satisfies ToEdge);
    const { report } = (await fromEdge('report')) as Extract<FromEdge, { type: 'report' }>;
    const peakMb = Math.max(sampledPeakMb, process.resourceUsage().maxRSS / 1024);
    const databaseBytes = databaseUrl
      ? await postgresBytes(databaseUrl, schema)
      : fileBytes(sqlitePath) + fileBytes(`${sqlitePath}-wal`) + fileBytes(`${sqlitePath}-shm`);

    // Every channel: exactly one digest, each of its parts exactly once.
    const channels = channelRows.map((row) => row.channel);
    const tallies = channels.map((channel) => report.tallies[channel]);
    const missing = tallies.filter((t) => !t).length;
    const exactlyOnce = tallies.filter((t) => t && t.digests === 1 && t.messages === t.parts && t.distinctParts === t.parts).length;
    const duplicated = tallies.filter((t) => t && t.messages > t.distinctParts).length;
    const messages = tallies.reduce((sum, t) => sum + (t?.messages ?? 0), 0);
    const latenessOf = (rows: ChannelSettings[]) =>
      rows
        .map((row) => report.tallies[row.channel])
        .filter((t): t is ChannelTally => Boolean(t))
        .map((t) => t.lastAt - firedAt)
        .sort((a, b) => a - b);
    const lateness = latenessOf(channelRows);
    const slackLateness = latenessOf(channelRows.filter((row) => row.platform === 'slack'));
    const discordLateness = latenessOf(channelRows.filter((row) => row.platform === 'discord'));
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const worstMs = lateness.at(-1) ?? Number.NaN;
    const onTime = lateness.filter((ms) => ms <= ON_TIME_MS).length;
    const slackChannels = workspaces.length * CHANNELS_PER_TENANT;
    const discordChannels = servers.length * CHANNELS_PER_TENANT;

    const rows: [string, string][] = [
      ['tenants', `${tenants} (${workspaces.length} Slack workspaces, ${servers.length} Discord servers)`],
      ['channels', `${channels.length} (${slackChannels} Slack, ${discordChannels} Discord), all due 08:00`],
      ['shared feeds', `${feeds}, ${ITEMS_PER_FEED} items each; fetched ${report.feedFetches} times (${report.feedsFetched} distinct)`],
      ['digests posted exactly once', `${exactlyOnce} of ${channels.length} (missing ${missing}, duplicated ${duplicated})`],
      ['messages posted', `${messages} (ledger: ${state.posted} posted, ${state.attempts} attempts)`],
      ['stories in the digests', `${stories} (digests with none: ${emptyDigests})`],
      ['posted again by a later sweep', String(repeatPosts)],
      ['Slack posts with another workspace token', String(report.slackWrongToken)],
      ['lateness median / p95 / worst', `${seconds(percentile(lateness, 50))} s / ${seconds(percentile(lateness, 95))} s / ${seconds(worstMs)} s`],
      ['  Slack median / worst', `${seconds(percentile(slackLateness, 50))} s / ${seconds(slackLateness.at(-1) ?? Number.NaN)} s`],
      ['  Discord median / worst', `${seconds(percentile(discordLateness, 50))} s / ${seconds(discordLateness.at(-1) ?? Number.NaN)} s`],
      ['within 10 minutes', `${onTime} of ${channels.length}`],
      ['all in after', `${seconds(allInMs)} s`],
      ['429s answered', `Slack ${report.slack429}, Discord per-route ${report.discordRoute429}, Discord global ${report.discordGlobal429}`],
      [
        'peak RSS (service process)',
        `${peakMb.toFixed(0)} MB (${rssBeforeMb.toFixed(0)} MB before 08:00; JS heap in use at most ${heapPeakMb.toFixed(0)} MB)`,
      ],
      [`database size (${databaseUrl ? 'PostgreSQL schema' : 'SQLite file'})`, `${(databaseBytes / 1024 / 1024).toFixed(1)} MB`],
      ['service log', `${logCounts.warn} warnings, ${logCounts.error} errors`],
      ['tenant set-up in the store', `${setupSeconds.toFixed(1)} s`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(
      `newsdigest with ${tenants} tenants on fakes at 127.0.0.1 (rate limits enforced), ${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ` +
        `every channel due at 08:00 on ${DAY}; Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(`| ${'measure'.padEnd(width)} | result |`);
    console.log(`|${'-'.repeat(width + 2)}|--------|`);
    for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
    if (firstErrors.length) console.log(`first errors logged: ${firstErrors.join(' | ')}`);
    for (const [message, count] of [...warnings].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`  ${count} × warning: ${message}`);
    const met =
      exactlyOnce === channels.length && onTime === channels.length && report.slackWrongToken === 0 && repeatPosts === 0 && emptyDigests === 0;
    console.log(met ? 'goal met: every digest posted exactly once, within 10 minutes' : 'goal NOT met: see the table');
    console.log(
      JSON.stringify({
        bench: 'tenants',
        tenants,
        slackWorkspaces: workspaces.length,
        discordServers: servers.length,
        channels: channels.length,
        feeds,
        store: databaseUrl ? 'postgres' : 'sqlite',
        exactlyOnce,
        missing,
        duplicated,
        messages,
        stories,
        emptyDigests,
        repeatPosts,
        slackWrongToken: report.slackWrongToken,
        latenessMs: { median: percentile(lateness, 50), p95: percentile(lateness, 95), worst: worstMs },
        slackLatenessMs: { median: percentile(slackLateness, 50), worst: slackLateness.at(-1) ?? null },
        discordLatenessMs: { median: percentile(discordLateness, 50), worst: discordLateness.at(-1) ?? null },
        onTime,
        allInMs,
        rateLimited: { slack: report.slack429, discordRoute: report.discordRoute429, discordGlobal: report.discordGlobal429 },
        feedFetches: report.feedFetches,
        peakRssMb: Number(peakMb.toFixed(1)),
        rssBefore0800Mb: Number(rssBeforeMb.toFixed(1)),
        heapPeakMb: Number(heapPeakMb.toFixed(1)),
        databaseBytes,
        warnings: logCounts.warn,
        errors: logCounts.error,
      }),
    );
    if (!met) process.exitCode = 1;
  } finally {
    await service?.stop().catch(() => undefined);
    if (edge.exitCode === null) edge.kill();
    if (databaseUrl) await dropSchema(databaseUrl, schema).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.NEWSDIGEST_BENCH_ROLE === 'edge') await runEdge();
else await main();
