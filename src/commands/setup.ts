/**
 * What `/newsdigest` reads and changes: the set-up of the channel it is typed in. The service
 * provides it over the store; the command only sees these plain shapes.
 */

/** A channel set up from chat: its sources, schedule, and whether it is paused. */
export interface ChannelSettings {
  platform: 'slack' | 'discord';
  /** The platform's channel id (Slack C…, Discord snowflake). */
  channel: string;
  /** Feed, page or site URLs, in the order subscribed. */
  sources: string[];
  /** node-cron expression in `timeZone`. */
  schedule: string;
  timeZone: string;
  /** Only stories with one of these words (none: every story). */
  keywords: string[];
  /** Stories in a digest at most. */
  maxItems: number;
  paused: boolean;
  updatedAt: string;
  /** Who made the last change, as the platform names them ("slack:U123"). */
  updatedBy: string;
  /**
   * The Slack workspace (team id) or Discord server (guild id) the channel belongs to; answers
   * there read only what this tenant's channels receive. Empty or missing when not told.
   */
  tenant?: string;
  /** Grows by one at each change; a save names the version it read, so a change made meanwhile is not overwritten. Missing before the first save. */
  version?: number;
}

/** One change made from chat: who, when, what. */
export interface SetupChange {
  actor: string;
  at: string;
  /** The subcommand: subscribe, unsubscribe, schedule, pause, resume. */
  action: string;
  /** What changed, in words ("https://news.example/feed.xml", "0 7 * * 1-5 Europe/Paris"). */
  detail: string;
}

/** A channel of the operator's config file, as chat may view it (never change it). */
export interface ConfiguredChannel {
  id: string;
  schedule: string;
  timeZone: string;
  sources: string[];
}

export interface ChannelSetup {
  platform: 'slack' | 'discord';
  /** The platform's channel id. */
  channel: string;
  /** Who typed the command, as the change log names them ("slack:U123"). */
  actor: string;
  /** Set when the config file manages this channel: chat then only views it. */
  configured: ConfiguredChannel | null;
  /** Why this user may not change the channel's set-up, or null when they may. */
  refusal(): Promise<string | null>;
  /** Why the bot cannot post in this channel, or null; checked when a digest is set up, not at its first fire. */
  postingProblem(): Promise<string | null>;
  load(): Promise<ChannelSettings | null>;
  /** Saves over the version `settings` was read at; false when someone changed the channel meanwhile (nothing saved). */
  save(settings: ChannelSettings, change: SetupChange): Promise<boolean>;
  /** The latest changes, newest first. */
  changes(limit: number): Promise<SetupChange[]>;
  /**
   * What this workspace or server reads: its channels that have a digest (at least one source) and
   * the sources they subscribe to, each once. Undefined when the tenant is not known.
   */
  tenantUsage?(): Promise<{ channels: string[]; sources: string[] }>;
  /** The next fire of a schedule after now, or null when it never fires. */
  nextRun(schedule: string, timeZone: string): Date | null;
  /** What is wrong with a cron expression, in words, or null: the same check as the config file's. */
  scheduleProblem(expression: string): string | null;
  /**
   * Fetches a feed, or a page and the feed it names, once: its address, title and latest
   * headlines, or why it cannot be a source (in words for the user, no internal addresses).
   */
  previewSource?(url: string): Promise<SourcePreview | { problem: string }>;
  /** How a subscribed source is doing: its last fetch, failures in a row, items stored this week. */
  sourceHealth?(url: string): Promise<SourceHealth>;
}

export interface SourceHealth {
  /** ISO 8601; undefined before the first fetch. */
  lastFetchAt?: string;
  failures: number;
  lastError?: string;
  itemsThisWeek: number;
}

export interface SourcePreview {
  /** The feed's own URL (a site's home page names its feed). */
  feedUrl: string;
  title: string;
  /** Latest headlines, newest first, as the next digest would take them. */
  headlines: string[];
}
