import { addDays } from '../digest/dates.js';
import { FOLLOW_DAYS, followedStories, leadArticleIds, storyRecords, type FollowedStory } from '../digest/follow.js';
import type { DigestEntry } from '../digest/item.js';
import type { Digest } from '../digest/types.js';
import { storedEntry } from './library.js';
import type { ArticleStore, StoryDayStore } from './types.js';

/** The stories a channel's posted digests showed in the days before `date`, with their articles. */
export async function followedStoriesOf(
  stores: { storyDays: StoryDayStore; articles: Pick<ArticleStore, 'getArticle'> },
  channelId: string,
  date: string,
): Promise<FollowedStory[]> {
  const records = await stores.storyDays.storyDays(channelId, { since: addDays(date, -FOLLOW_DAYS), before: date });
  if (records.length === 0) return [];
  const entries = new Map<string, DigestEntry>();
  for (const id of leadArticleIds(records)) {
    const article = await stores.articles.getArticle(id);
    if (article) entries.set(id, storedEntry(article));
  }
  return followedStories(records, (id) => entries.get(id));
}

/** Records what a channel's digest showed of each story, for the next digests to follow. */
export async function recordStoryDays(storyDays: StoryDayStore, channelId: string, digest: Digest): Promise<void> {
  await storyDays.saveStoryDays(channelId, digest.date, storyRecords(digest));
}
