/** Stories written for these tests (not taken from any corpus). */
import type { Digest, DigestItem } from '../../../src/digest/types.js';
import type { Figure, Quote } from '../../../src/summarize/types.js';

function quote(text: string, speaker: string | null, rank: number, key = rank <= 2): Quote {
  return { text, start: 0, end: text.length, speaker, key, rank };
}

function figure(count: number, kind: Figure['kind'], who: string): Figure {
  const text = `${count} ${who} ${kind}`;
  return {
    text,
    start: 0,
    end: text.length,
    count,
    min: count,
    max: count,
    qualifier: 'at least',
    kind,
    who,
    context: `At least ${count} ${who} were ${kind} on Tuesday, officials said.`,
  };
}

export function story(n: number, overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    id: `story${String(n).padStart(4, '0')}abcdef`,
    headline: `Harbour town ${n} reopens its ferry line after the storm`,
    summary: [
      `The ferry line of harbour town ${n} reopened on Tuesday after repairs to the pier.`,
      `Officials expect traffic to return to normal within a week.`,
    ],
    quotes: [
      quote('We worked through the night to get the boats running again', 'Mara Lind', 1),
      quote('Tourists are already calling to book crossings', 'Jon Brae', 2),
      quote('The pier needed this work for years', null, 3, false),
    ],
    figures: [figure(3, 'injured', 'workers')],
    sources: [
      {
        articleId: `story${n}`,
        title: `Harbour town ${n} reopens`,
        publication: 'Coastal Courier',
        agency: 'NDA',
        url: `https://news.example/harbour/${n}`,
        publishedAt: '2024-05-07T09:30:00Z',
        origin: `seeds/harbour-${n}.txt`,
      },
    ],
    publishedAt: '2024-05-07T09:30:00Z',
    ...overrides,
  };
}

export function digestOf(count: number, date = '2024-05-07'): Digest {
  return {
    date,
    title: `News digest for ${date}`,
    items: Array.from({ length: count }, (_, i) => story(i + 1)),
    generatedAt: `${date}T08:00:00.000Z`,
  };
}

/** A story whose text tries to ping everyone, a user and a role, and to inject a masked link. */
export function hostileStory(): DigestItem {
  return story(99, {
    id: 'hostile0000000001',
    headline: '@everyone look at <@123> and @here now',
    summary: ['Click [your prize](https://evil.example/phish) now, <@&456> and @everyone.', '# Not a heading'],
    quotes: [quote('Ping <@123> and @everyone please', '@here <@!789>', 1)],
  });
}
