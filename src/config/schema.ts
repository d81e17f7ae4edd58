import { z } from './deps.js';
import { scheduleProblem } from './schedule.js';

/** True when the runtime knows the IANA zone (Intl throws RangeError otherwise). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The limits every fetch obeys unless the config sets its own (the HTTP client in sources/ applies them). */
export const FETCH_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'newsdigest/0.1 (+https://github.com/newsdigest/newsdigest)',
} as const;

const timeZone = z.string().refine(isTimeZone, { message: 'is not an IANA time zone such as "Europe/Paris"' });
/** What the ids of channels and feeds set up from chat start with; the config file's ids may not. */
export const CHAT_ID_PREFIX = 'chat-';

/** True for the id of a feed subscribed from chat (not one of the config file's sources). */
export function isChatSourceId(id: string): boolean {
  return id.startsWith(CHAT_ID_PREFIX);
}

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'use letters, digits, "-" and "_" only')
  .refine((value) => !value.toLowerCase().startsWith(CHAT_ID_PREFIX), {
    message: `ids starting with "${CHAT_ID_PREFIX}" are kept for what is set up from chat`,
  });

const fileSource = z.strictObject({
  id,
  type: z.literal('files'),
  /** Folder of *.txt articles, relative to the working directory. */
  path: z.string().min(1),
});

const feedSource = z.strictObject({
  id,
  type: z.literal('feed'),
  url: z.url({ protocol: /^https?$/ }),
  /** Items to take from a feed's first poll; 0 posts nothing old. */
  backfill: z.number().int().min(0).max(100).default(0),
  pollMinutes: z.number().int().min(1).max(1440).default(15),
});

const pageSource = z.strictObject({
  id,
  type: z.literal('page'),
  url: z.url({ protocol: /^https?$/ }),
});

export const sourceSchema = z.discriminatedUnion('type', [fileSource, feedSource, pageSource]);

export const channelSchema = z.strictObject({
  id,
  platform: z.enum(['terminal', 'slack', 'discord']),
  /** Slack channel id (C…), Discord channel id (snowflake), or "stdout" for the terminal. */
  channel: z.string().min(1),
  /** node-cron expression, in the channel's own time zone. */
  schedule: z
    .string()
    .min(1)
    .default('0 8 * * *')
    .superRefine((expression, ctx) => {
      const problem = scheduleProblem(expression);
      if (problem) ctx.addIssue({ code: 'custom', message: `"${expression}" is not a cron schedule: ${problem} (write one such as "0 8 * * *")` });
    }),
  timeZone: timeZone.default('UTC'),
  /** Source ids that feed this channel; empty means every source. */
  sources: z.array(id).default([]),
  filters: z
    .strictObject({
      keywords: z.array(z.string().min(1)).default([]),
      maxItems: z.number().int().min(1).max(50).default(10),
    })
    .default({ keywords: [], maxItems: 10 }),
});

export const configSchema = z
  .strictObject({
    /** Zone for "today" in commands and the terminal preview. */
    timeZone: timeZone.default('UTC'),
    summary: z.strictObject({ sentences: z.number().int().min(1).max(5).default(2) }).default({ sentences: 2 }),
    sources: z.array(sourceSchema).default([{ id: 'seeds', type: 'files', path: 'seeds' }]),
    channels: z.array(channelSchema).default([]),
    http: z.strictObject({ port: z.number().int().min(0).max(65535).default(3000) }).default({ port: 3000 }),
    storage: z.strictObject({ sqlitePath: z.string().min(1).default('data/newsdigest.sqlite') }).default({ sqlitePath: 'data/newsdigest.sqlite' }),
    scheduler: z
      .strictObject({
        catchUpHours: z
          .number()
          .min(0)
          .max(24 * 7)
          .default(24),
      })
      .default({ catchUpHours: 24 }),
    fetch: z
      .strictObject({
        timeoutMs: z.number().int().min(100).max(120_000).default(FETCH_DEFAULTS.timeoutMs),
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(100 * 1024 * 1024)
          .default(FETCH_DEFAULTS.maxBytes),
        maxRedirects: z.number().int().min(0).max(10).default(FETCH_DEFAULTS.maxRedirects),
        userAgent: z.string().min(1).default(FETCH_DEFAULTS.userAgent),
      })
      .default({ ...FETCH_DEFAULTS }),
    slack: z
      .strictObject({
        mode: z.enum(['http', 'socket']).default('http'),
        /** Public https base URL Slack sends requests to (HTTP mode); `slack manifest` builds request URLs from it. */
        publicUrl: z.url({ protocol: /^https$/ }).optional(),
        /**
         * Who may change a channel's set-up from chat besides workspace admins and owners: member
         * ids (U…/W…) and user group ids (S…, their members, as usergroups.users.list tells).
         */
        setupEditors: z
          .strictObject({
            users: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'is not a Slack member id such as "U012ABCDEF"')).default([]),
            userGroups: z.array(z.string().regex(/^S[A-Z0-9]{2,}$/, 'is not a Slack user group id such as "S012ABCDEF"')).default([]),
          })
          .default({ users: [], userGroups: [] }),
      })
      .default({ mode: 'http', setupEditors: { users: [], userGroups: [] } }),
    discord: z.strictObject({ mode: z.enum(['gateway', 'http']).default('gateway') }).default({ mode: 'gateway' }),
  })
  .superRefine((config, ctx) => {
    const sourceIds = new Set(config.sources.map((s) => s.id));
    config.channels.forEach((channel, i) => {
      channel.sources.forEach((sourceId, j) => {
        if (!sourceIds.has(sourceId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['channels', i, 'sources', j],
            message: `names source "${sourceId}", which is not in "sources"`,
          });
        }
      });
    });
    for (const [list, name] of [
      [config.sources, 'sources'],
      [config.channels, 'channels'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: `"${entry.id}" is used twice` });
        seen.add(entry.id);
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;
