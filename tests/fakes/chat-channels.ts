import type { ChatChannel, ChatChannelStore } from '../../src/store/chat-channels.js';

/** What a test says about a channel set up from chat; the rest is a daily 08:00 UTC digest of up to 10 stories. */
export type SubscribedChannel = Pick<ChatChannel, 'platform' | 'channel' | 'sources'> & Partial<Omit<ChatChannel, 'updatedAt'>>;

/**
 * A channel an admin subscribed earlier, saved straight in the store at `at` (a test's feeds are
 * on loopback, which `/newsdigest subscribe` refuses), with its one change recorded.
 */
export async function subscribedEarlier(chatChannels: ChatChannelStore, channel: SubscribedChannel, at: Date): Promise<void> {
  const actor = channel.updatedBy ?? `${channel.platform}:1`;
  await chatChannels.save(
    {
      schedule: '0 8 * * *',
      timeZone: 'UTC',
      keywords: [],
      maxItems: 10,
      paused: false,
      ...channel,
      updatedAt: at.toISOString(),
      updatedBy: actor,
    },
    { actor, at: at.toISOString(), action: 'subscribe', detail: channel.sources[0] ?? '' },
  );
}
