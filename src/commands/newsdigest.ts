import { defineCommand } from './define.js';
import type { ChannelSettings, ChannelSetup, SourceHealth } from './setup.js';
import type { CommandArgs, CommandOption, View } from './types.js';
import { notice } from './views.js';

/** What `help` and a wrong subcommand answer with. */
const HELP = [
  '/newsdigest status | sources: how this channel’s digest is set up',
  '/newsdigest subscribe <feed or page URL> | unsubscribe <URL or number>',
  '/newsdigest schedule <HH:MM> [time zone] [daily|weekdays|<cron: minute hour day month weekday>]',
  '/newsdigest filter <words…>|clear | max <N>: only stories with these words; at most N stories',
  '/newsdigest pause | resume',
].join('\n');

const USAGE = '/newsdigest <status|sources|subscribe|unsubscribe|schedule|filter|max|pause|resume|help> …';

const SUBCOMMANDS = ['help', 'status', 'sources', 'subscribe', 'unsubscribe', 'schedule', 'filter', 'max', 'pause', 'resume'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
/** Subcommands that only show; everyone may use them. */
const VIEWING: readonly Subcommand[] = ['help', 'status', 'sources'];
export const MAX_SOURCES = 20;
/**
 * Different sources one Slack workspace or Discord server may subscribe its channels to, in all:
 * one tenant's feeds cannot crowd out the others' polling (each is polled at most every 15 minutes).
 */
export const MAX_TENANT_SOURCES = 100;
/** Channels with a digest in one workspace or server: one tenant's morning cannot hold up the others' posts. */
export const MAX_TENANT_CHANNELS = 50;
/** As the config file allows for its channels. */
const MAX_ITEMS = 50;
const MAX_KEYWORDS = 20;

const options = [
  { name: 'subcommand', description: 'What to do', type: 'string', required: false, choices: SUBCOMMANDS.map((name) => ({ name, value: name })) },
  { name: 'url', description: 'A feed, page or site URL', type: 'string', required: false },
  { name: 'source', description: 'A subscribed URL, or its number in /newsdigest sources', type: 'string', required: false, autocomplete: true },
  { name: 'time', description: 'When the digest is posted, HH:MM (24 h)', type: 'string', required: false },
  { name: 'zone', description: 'IANA time zone, e.g. Europe/Paris (default: the channel’s, else UTC)', type: 'string', required: false },
  {
    name: 'days',
    description: 'Every day, or Monday to Friday',
    type: 'string',
    required: false,
    choices: [
      { name: 'daily', value: 'daily' },
      { name: 'weekdays', value: 'weekdays' },
    ],
  },
  { name: 'cron', description: 'Instead of daily or weekdays: minute hour day month weekday, e.g. 30 7 * * 1,3,5', type: 'string', required: false },
  { name: 'words', description: 'Words a story must contain (any one of them), or "clear"', type: 'string', required: false },
  { name: 'count', description: `Stories in a digest at most (1 to ${MAX_ITEMS})`, type: 'integer', required: false },
] as const satisfies readonly CommandOption[];

/** Discord's native subcommands: each with the options it takes (the same names as above). */
export const NEWSDIGEST_SUBCOMMANDS: readonly { name: Subcommand; description: string; options: readonly CommandOption[] }[] = [
  { name: 'status', description: 'How this channel’s digest is set up: next digest, sources, last change', options: [] },
  { name: 'sources', description: 'The sources of this channel’s digest', options: [] },
  { name: 'subscribe', description: 'Add a feed, page or site to this channel’s digest', options: [{ ...options[1], required: true }] },
  { name: 'unsubscribe', description: 'Remove a source from this channel’s digest', options: [{ ...options[2], required: true }] },
  {
    name: 'schedule',
    description: 'When this channel’s digest is posted',
    options: [{ ...options[3], required: true }, options[4], options[5], options[6]],
  },
  { name: 'filter', description: 'Only stories with one of these words (or "clear")', options: [{ ...options[7], required: true }] },
  { name: 'max', description: 'How many stories a digest shows at most', options: [{ ...options[8], required: true }] },
  { name: 'pause', description: 'Stop posting this channel’s digest until resumed', options: [] },
  { name: 'resume', description: 'Post this channel’s digest again', options: [] },
  { name: 'help', description: 'How to set up this channel’s digest', options: [] },
];

const reply = (text: string): View => notice('info', text);
const refuse = (text: string): View => notice('error', text);

/** "07:30" → [7, 30]; null for anything else ("25:00", "7h", "07:60"). */
export function readTime(text: string): [number, number] | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour < 24 && minute < 60 ? [hour, minute] : null;
}

/** True when the runtime knows the IANA zone (Intl throws RangeError otherwise). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Why a URL cannot be a source, in plain words, or null: its shape, and (`names`) the obviously
 * private names. The fetch at subscribe refuses private addresses after resolving the name.
 */
export function sourceUrlProblem(text: string, checks: { names: boolean } = { names: true }): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `“${text.slice(0, 100)}” is not a URL: give the address of a feed, page or site, starting with https://`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${url.protocol.replace(/:$/, '')} addresses cannot be sources: give an https:// or http:// address`;
  if (url.username || url.password) return 'a source URL must not carry a user name or password';
  if (!checks.names) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const privateName =
    host === 'localhost' ||
    /\.(localhost|local|internal|lan|home|corp)$/.test(host) ||
    /^(127|10|0)\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^169\.254\./.test(host) ||
    host === '::1' ||
    host === '::' ||
    /^f[cd][0-9a-f]{2}:/.test(host) ||
    /^fe80:/.test(host) ||
    !host.includes('.');
  return privateName ? `${url.hostname} is not a public address: newsdigest only reads public sites` : null;
}

/** One field of a cron expression: numbers, `*`, ranges, steps, lists, or day and month names. */
const CRON_FIELD = /^(?:[\d*]+(?:-\d+)?(?:\/\d+)?|[a-z]{3}(?:-[a-z]{3})?)(?:,(?:[\d*]+(?:-\d+)?(?:\/\d+)?|[a-z]{3}(?:-[a-z]{3})?))*$/i;
const isCronField = (word: string) => CRON_FIELD.test(word) && !/^(daily|weekdays)$/i.test(word);

/**
 * The cron expression `schedule` stores: HH:MM with daily, weekdays, or a 5-field cron expression.
 * A cron expression decides the days; its minute and hour, when plain numbers, must be the time given,
 * so what the reply says is what fires. `scheduleProblem` is the config file's cron check.
 */
export function scheduleFor(
  time: [number, number],
  repeat: { days?: string; cron?: string },
  scheduleProblem: (expression: string) => string | null,
): { schedule: string } | { problem: string } {
  const [hour, minute] = time;
  const cron = repeat.cron?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (cron.length === 0) return { schedule: `${minute} ${hour} * * ${repeat.days === 'weekdays' ? '1-5' : '*'}` };
  const written = cron.join(' ');
  if (repeat.days) return { problem: `give either ${repeat.days} or a cron expression, not both` };
  if (cron.length !== 5)
    return { problem: `“${written.slice(0, 60)}” is not a cron expression of 5 fields (minute hour day month weekday), e.g. 30 7 * * 1-5` };
  const problem = scheduleProblem(written);
  // The reply adds its own full stop.
  if (problem) return { problem: `“${written.slice(0, 60)}” is not a cron expression: ${problem.replace(/\.+$/, '')}` };
  const [cronMinute, cronHour] = cron as [string, string];
  const disagrees = (field: string, value: number) => /^\d+$/.test(field) && Number(field) !== value;
  if (disagrees(cronMinute, minute) || disagrees(cronHour, hour))
    return {
      problem: `“${written}” does not fire at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}; use * for its minute and hour, or the same time`,
    };
  // A `*` minute or hour takes the time given: "07:30 … * * * * 1,3" means 07:30 on Mondays and Wednesdays.
  const fields = [cronMinute === '*' ? String(minute) : cronMinute, cronHour === '*' ? String(hour) : cronHour, ...cron.slice(2)];
  return { schedule: fields.join(' ') };
}

const describeSchedule = (settings: { schedule: string; timeZone: string }) => {
  const match = /^(\d+) (\d+) \* \* (\*|1-5)$/.exec(settings.schedule);
  if (!match) return `“${settings.schedule}” (${settings.timeZone})`;
  const time = `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
  return `${match[3] === '1-5' ? 'weekdays' : 'daily'} at ${time} ${settings.timeZone}`;
};

function parseText(text: string): CommandArgs {
  const [first = '', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const subcommand = first.toLowerCase();
  const args: CommandArgs = { subcommand: subcommand || 'help' };
  if (subcommand === 'subscribe') args.url = rest.join(' ');
  else if (subcommand === 'unsubscribe') args.source = rest.join(' ');
  else if (subcommand === 'filter') args.words = rest.join(' ');
  else if (subcommand === 'max') {
    args.count = rest[0];
    if (rest.length > 1) args.extra = rest.slice(1).join(' ');
  } else if (subcommand === 'schedule') {
    const [time, ...more] = rest;
    args.time = time;
    const cron: string[] = [];
    for (const word of more) {
      if (/^(daily|weekdays)$/i.test(word) && args.days === undefined) args.days = word.toLowerCase();
      else if (isCronField(word) && (cron.length > 0 || /[\d*]/.test(word) || args.zone !== undefined)) cron.push(word);
      else if (args.zone === undefined) args.zone = word;
      else args.extra = word;
    }
    if (cron.length) args.cron = cron.join(' ');
  } else if (rest.length) args.extra = rest.join(' ');
  return args;
}

/** `/newsdigest`: set up the digest of the channel it is typed in, from the chat. */
export const newsdigestCommand = defineCommand({
  name: 'newsdigest',
  description: 'Set up this channel’s news digest: sources, schedule, pause and resume',
  usage: USAGE,
  options,
  subcommands: NEWSDIGEST_SUBCOMMANDS,
  managesChannel: true,
  parseText,
  async run(args, ctx) {
    const subcommand = (args.subcommand ?? 'help') as Subcommand;
    if (subcommand === 'help') return reply(HELP);
    const setup = ctx.setup;
    if (!setup) return refuse('/newsdigest sets up a Slack or Discord channel; type it in the channel whose digest you want to set up.');

    if (setup.configured) {
      const { configured } = setup;
      if (!VIEWING.includes(subcommand)) {
        return refuse(`This channel’s digest (“${configured.id}”) is managed in the operator’s config file; ask the operator to change it there.`);
      }
      const next = setup.nextRun(configured.schedule, configured.timeZone);
      const sources = configured.sources.length ? configured.sources.join(', ') : 'every source of the config file';
      return reply(
        `This channel’s digest (“${configured.id}”) is managed in the operator’s config file. Schedule: ${describeSchedule(configured)}; next digest ${formatWhen(next, configured.timeZone)}. Sources: ${sources}.`,
      );
    }

    const settings = await setup.load();
    if (subcommand === 'status') return reply(await status(setup, settings));
    if (subcommand === 'sources') {
      if (!settings?.sources.length) return reply('This channel has no sources yet: add one with /newsdigest subscribe <feed or page URL>.');
      const lines = await Promise.all(
        settings.sources.map(async (url, i) => {
          const health = await setup.sourceHealth?.(url);
          return `${i + 1}. ${url}${health ? ` (${describeHealth(health)})` : ''}`;
        }),
      );
      return reply(lines.join('\n'));
    }

    const refusal = await setup.refusal();
    if (refusal) return refuse(refusal);
    // Setting up a digest that could never be posted is found out now, not at the first fire.
    if (subcommand === 'subscribe' || subcommand === 'resume') {
      const problem = await setup.postingProblem();
      if (problem) return refuse(`Nothing changed: ${problem}`);
    }

    const now = ctx.now();
    const current: ChannelSettings = settings ?? {
      platform: setup.platform,
      channel: setup.channel,
      sources: [],
      schedule: '0 8 * * *',
      timeZone: ctx.timeZone,
      keywords: [],
      maxItems: 10,
      paused: false,
      updatedAt: now.toISOString(),
      updatedBy: setup.actor,
    };
    const change = async (next: Partial<ChannelSettings>, action: string, detail: string, answer: string): Promise<View> => {
      const saved = await setup.save(
        { ...current, ...next, updatedAt: now.toISOString(), updatedBy: setup.actor },
        { actor: setup.actor, at: now.toISOString(), action, detail },
      );
      // Another admin's change landed between our read and our write: theirs stands, ours is not applied.
      if (!saved)
        return refuse('Nothing changed: this channel’s set-up was changed by someone else meanwhile; check /newsdigest status and try again.');
      return reply(answer);
    };

    switch (subcommand) {
      case 'subscribe': {
        const url = args.url?.trim() ?? '';
        if (!url) return refuse('Usage: /newsdigest subscribe <feed or page URL>');
        // With a fetch to check it, its address guard decides (after resolving the name).
        const problem = sourceUrlProblem(url, { names: !setup.previewSource });
        if (problem) return refuse(`Not subscribed: ${problem}.`);
        let normalized = new URL(url).toString();
        if (current.sources.includes(normalized)) return refuse(`Not subscribed: ${normalized} is already a source of this channel.`);
        if (current.sources.length >= MAX_SOURCES)
          return refuse(`Not subscribed: a channel takes at most ${MAX_SOURCES} sources; unsubscribe one first.`);
        let shown = '';
        if (setup.previewSource) {
          const preview = await setup.previewSource(normalized);
          if ('problem' in preview) return refuse(`Not subscribed: ${preview.problem.replace(/[.\s]+$/, '')}.`);
          normalized = preview.feedUrl;
          if (current.sources.includes(normalized)) return refuse(`Not subscribed: its feed ${normalized} is already a source of this channel.`);
          const headlines = preview.headlines.slice(0, 3).map((headline) => `• ${headline}`);
          shown = ` “${preview.title}”${headlines.length ? `; its latest: ${headlines.join(' ')}` : '; it has no items yet'}`;
        }
        const tenantProblem = await tenantCapProblem(setup, normalized);
        if (tenantProblem) return refuse(tenantProblem);
        const sources = [...current.sources, normalized];
        return change(
          { sources },
          'subscribe',
          normalized,
          `Subscribed this channel to ${normalized}${shown} (${sources.length} source${sources.length === 1 ? '' : 's'}).`,
        );
      }
      case 'unsubscribe': {
        const given = args.source?.trim() ?? '';
        if (!given) return refuse('Usage: /newsdigest unsubscribe <URL or number from /newsdigest sources>');
        const index = /^\d{1,2}$/.test(given) ? Number(given) - 1 : current.sources.findIndex((url) => url === given || url === safeNormalize(given));
        const removed = current.sources[index];
        if (index < 0 || !removed)
          return refuse(`Not unsubscribed: “${given.slice(0, 100)}” is not a source of this channel (see /newsdigest sources).`);
        return change(
          { sources: current.sources.filter((_, i) => i !== index) },
          'unsubscribe',
          removed,
          `Unsubscribed this channel from ${removed}.`,
        );
      }
      case 'schedule': {
        const time = readTime(args.time ?? '');
        if (!time)
          return refuse(
            `Not changed: “${(args.time ?? '').slice(0, 20)}” is not a time; write HH:MM in 24 hours, e.g. /newsdigest schedule 07:30 Europe/Paris weekdays`,
          );
        const zone = args.zone?.trim() || current.timeZone;
        if (!isTimeZone(zone))
          return refuse(`Not changed: “${zone.slice(0, 60)}” is not a time zone; write one such as Europe/Paris or America/New_York.`);
        const built = scheduleFor(time, { days: args.days, cron: args.cron }, (expression) => setup.scheduleProblem(expression));
        if ('problem' in built) return refuse(`Not changed: ${built.problem}.`);
        const { schedule } = built;
        const next = { schedule, timeZone: zone };
        const when = describeSchedule(next);
        return change(
          next,
          'schedule',
          `${schedule} ${zone}`,
          `This channel’s digest is now posted ${when}; next ${formatWhen(setup.nextRun(schedule, zone), zone)}.`,
        );
      }
      case 'filter': {
        const words = (args.words ?? '').split(/[\s,]+/).filter(Boolean);
        if (words.length === 0)
          return refuse('Not changed: give the words a story must contain, e.g. /newsdigest filter flood earthquake, or /newsdigest filter clear');
        if (words.length === 1 && words[0]!.toLowerCase() === 'clear') {
          return change({ keywords: [] }, 'filter', 'clear', 'Filter cleared: this channel’s digest takes every story of its sources.');
        }
        if (words.length > MAX_KEYWORDS || words.some((word) => word.length > 40)) {
          return refuse(`Not changed: a filter takes at most ${MAX_KEYWORDS} words of at most 40 characters.`);
        }
        return change(
          { keywords: words },
          'filter',
          words.join(' '),
          `This channel’s digest now takes only stories with ${words.map((w) => `“${w}”`).join(' or ')}.`,
        );
      }
      case 'max': {
        const count = args.count;
        if (count === undefined || count < 1 || count > MAX_ITEMS)
          return refuse(`Not changed: give a number of stories from 1 to ${MAX_ITEMS}, e.g. /newsdigest max 5`);
        return change(
          { maxItems: count },
          'max',
          String(count),
          `This channel’s digest now shows at most ${count} stor${count === 1 ? 'y' : 'ies'}.`,
        );
      }
      case 'pause':
        if (current.paused) return reply('This channel’s digest is already paused; /newsdigest resume posts it again.');
        return change({ paused: true }, 'pause', '', 'Paused: this channel gets no digest until someone types /newsdigest resume.');
      case 'resume':
        if (!current.paused) return reply('This channel’s digest is not paused.');
        return change(
          { paused: false },
          'resume',
          '',
          `Resumed: the next digest is ${formatWhen(setup.nextRun(current.schedule, current.timeZone), current.timeZone)}.`,
        );
      default:
        return notice('usage', `Usage: ${USAGE}`);
    }
  },
  /** Discord suggests the channel's sources for `unsubscribe`. */
  async autocomplete(option, partial, ctx) {
    if (option !== 'source' || !ctx.setup || ctx.setup.configured) return [];
    const sources = (await ctx.setup.load())?.sources ?? [];
    const wanted = partial.trim().toLowerCase();
    return sources.filter((url) => url.toLowerCase().includes(wanted)).map((url) => ({ name: url, value: url }));
  },
});

/**
 * Why this workspace or server may not take one more source here, or null: a source one of its
 * channels already reads is free; a channel's first source makes one more channel with a digest.
 */
async function tenantCapProblem(setup: ChannelSetup, url: string): Promise<string | null> {
  const usage = await setup.tenantUsage?.();
  if (!usage) return null;
  const tenant = setup.platform === 'slack' ? 'workspace' : 'server';
  if (!usage.channels.includes(setup.channel) && usage.channels.length >= MAX_TENANT_CHANNELS)
    return `Not subscribed: ${usage.channels.length} channels of this ${tenant} already have a digest, the most one ${tenant} may; unsubscribe another channel from all its sources first.`;
  if (usage.sources.includes(url) || usage.sources.length < MAX_TENANT_SOURCES) return null;
  return `Not subscribed: the channels of this ${tenant} already read ${usage.sources.length} different sources, the most one ${tenant} may; unsubscribe one (here or in another channel) first.`;
}

function describeHealth(health: SourceHealth): string {
  if (!health.lastFetchAt) return 'not fetched yet: it is read before the next digest';
  const items = `${health.itemsThisWeek} item${health.itemsThisWeek === 1 ? '' : 's'} this week`;
  const fetched = `last fetched ${health.lastFetchAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (health.failures === 0) return `${fetched}, ${items}`;
  return `${fetched}, failing ${health.failures} time${health.failures === 1 ? '' : 's'} in a row${health.lastError ? `: ${health.lastError.slice(0, 200)}` : ''}; ${items}`;
}

function safeNormalize(text: string): string {
  try {
    return new URL(text).toString();
  } catch {
    return text;
  }
}

/** "Tue 3 Mar 07:30 Europe/Paris" in the channel's own zone. */
function formatWhen(date: Date | null, timeZone: string): string {
  if (!date) return 'never';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${parts.replace(',', '')} ${timeZone}`;
}

async function status(setup: ChannelSetup, settings: ChannelSettings | null): Promise<string> {
  if (!settings)
    return 'No digest is set up in this channel yet: start with /newsdigest subscribe <feed or page URL> (admins), then /newsdigest schedule <HH:MM>.';
  const [last] = await setup.changes(1);
  const lines = [
    settings.paused
      ? 'Paused: no digest is posted until /newsdigest resume.'
      : `Next digest: ${formatWhen(setup.nextRun(settings.schedule, settings.timeZone), settings.timeZone)} (${describeSchedule(settings)}).`,
    `Sources: ${settings.sources.length ? settings.sources.join(', ') : 'none yet'}.`,
    `Filter: ${settings.keywords.length ? settings.keywords.join(', ') : 'none, every story'}; at most ${settings.maxItems} stories.`,
  ];
  if (last) lines.push(`Last change: ${last.action}${last.detail ? ` ${last.detail}` : ''}, by ${last.actor} at ${last.at}.`);
  return lines.join('\n');
}
