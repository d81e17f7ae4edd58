import { readArticle } from '../../src/article/read.js';
import { buildDigest } from '../../src/digest/build.js';
import { entryFor, type DigestEntry } from '../../src/digest/item.js';
import type { Digest } from '../../src/digest/types.js';
import { summarize } from '../../src/summarize/index.js';

/** Short articles the project wrote for its tests (never corpus text). */
export const STORIES = {
  bridge: `Harbour bridge reopens after repairs

PORTSMOUTH (Reuters) - The harbour bridge reopened on Friday after six months of repairs, city officials said.

"This bridge is the heart of our city and today it beats again," Mayor Helen Carter said at the ceremony.

Traffic is expected to return to normal by Monday.

The post Harbour bridge reopens after repairs appeared first on Coast Herald.`,
  storm: `Storm leaves thousands without power

AFP – A winter storm cut power to thousands of homes across the north on Tuesday and killed at least three people.

"We are working around the clock to restore electricity," said Tom Reyes, a spokesman for the grid operator.

At least 40 people were injured by falling trees, the health ministry said.`,
  council: `Council approves new cycling lanes

The city council approved a network of cycling lanes on Wednesday after a long debate.

"Safer streets are good for everyone who lives here," councillor Priya Shah said.

Work starts in the spring.`,
};

export function storyEntry(name: keyof typeof STORIES, url?: string): DigestEntry {
  const article = readArticle(STORIES[name], { origin: `${name}.txt`, url });
  return entryFor(article, summarize(article));
}

export function storyDigest(date = '2026-11-27', names: (keyof typeof STORIES)[] = ['bridge', 'storm', 'council']): Digest {
  return buildDigest(
    names.map((name) => storyEntry(name, `https://news.example/${name}`)),
    { date, now: new Date(`${date}T08:00:00Z`) },
  );
}
