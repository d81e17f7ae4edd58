import type { ChannelSetup } from '../commands/setup.js';
import type { ChannelConfig } from '../config/schema.js';
import type { Caller } from '../platforms/types.js';
import { CronSchedule } from '../scheduler/cron.js';
import type { ChatChannelStore } from '../store/chat-channels.js';

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
}): ChannelSetup {
  const { platform, channel, caller, configured, chatChannels } = options;
  return {
    platform,
    channel,
    actor: `${platform}:${caller.id}`,
    configured: configured ? { id: configured.id, schedule: configured.schedule, timeZone: configured.timeZone, sources: configured.sources } : null,
    refusal: () => caller.refusal(),
    load: () => chatChannels.get(platform, channel),
    save: (settings, change) => chatChannels.save(settings, change),
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
