import { createHash } from 'node:crypto';
import type { ChannelSetup } from '../commands/setup.js';
import type { ChannelConfig, SourceConfig } from '../config/schema.js';
import type { Caller } from '../platforms/types.js';
import { CronSchedule } from '../scheduler/cron.js';
import type { ChatChannel, ChatChannelStore } from '../store/chat-channels.js';

type FeedSource = Extract<SourceConfig, { type: 'feed' }>;

/** A chat channel's id in the ledger and digests; "chat-" keeps it apart from the config's ids. */
export function chatChannelId(platform: ChatChannel['platform'], channel: string): string {
  return `chat-${platform}-${channel}`;
}

/** A subscribed URL as a feed source; the id is the same on every replica and after a restart. */
export function chatFeedSource(url: string): FeedSource {
  const id = `chat-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
  // The first poll takes the latest items, so the first digest has news in it.
  return { id, type: 'feed', url, backfill: 10, pollMinutes: 15 };
}

/** A channel set up from chat as the scheduler runs it. */
export function chatChannelConfig(channel: ChatChannel): ChannelConfig {
  return {
    id: chatChannelId(channel.platform, channel.channel),
    platform: channel.platform,
    channel: channel.channel,
    schedule: channel.schedule,
    timeZone: channel.timeZone,
    sources: channel.sources.map((url) => chatFeedSource(url).id),
    filters: { keywords: [], maxItems: 10 },
  };
}

/**
 * The set-up of one chat channel for `/newsdigest`: the config file's channel when it names this
 * one (chat only views it), else what was set up from chat, in the store every replica reads.
 */
export function channelSetup(options: {
  platform: 'slack' | 'discord';
  channel: string;
  caller: Caller;
  configured: ChannelConfig | undefined;
  chatChannels: ChatChannelStore;
  now(): Date;
  /** Told after each change is saved, so this replica answers for the channel at once. */
  onSaved?(settings: ChatChannel): void;
}): ChannelSetup {
  const { platform, channel, caller, configured, chatChannels } = options;
  return {
    platform,
    channel,
    actor: `${platform}:${caller.id}`,
    configured: configured ? { id: configured.id, schedule: configured.schedule, timeZone: configured.timeZone, sources: configured.sources } : null,
    refusal: () => caller.refusal(),
    load: () => chatChannels.get(platform, channel),
    async save(settings, change) {
      await chatChannels.save(settings, change);
      options.onSaved?.(settings);
    },
    changes: (limit) => chatChannels.changes(platform, channel, limit),
    nextRun(schedule, timeZone) {
      try {
        return new CronSchedule(schedule, timeZone).next(options.now());
      } catch {
        return null;
      }
    },
  };
}
