import type { Digest, DigestItem } from '../../../src/digest/types.js';
import type { Figure, Quote } from '../../../src/summarize/types.js';

/** Stories written for these tests (not from any corpus). */

export function quote(text: string, speaker: string | null, key = true, rank = 1): Quote {
  return { text, start: 0, end: text.length, speaker, key, rank };
}

export function figure(partial: Partial<Figure> & Pick<Figure, 'kind'>): Figure {
  const text = partial.text ?? `${partial.count ?? 'several'} people ${partial.kind}`;
  return { text, start: 0, end: text.length, count: null, min: null, max: null, qualifier: null, who: null, context: null, ...partial };
}

export function story(n: number, overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    id: `story-${n}`,
    headline: `River ferry service resumes in town ${n}`,
    summary: [
      `The ferry between the two banks of town ${n} ran again on Monday after a week of repairs.`,
      'Officials said the timetable would return to normal by Friday.',
    ],
    quotes: [
      quote('“We are glad to have the crossing back,” ', 'Mara Ellison', true, 1),
      quote('"Repairs took longer than planned"', 'the harbour office', true, 2),
      quote('"It was a quiet week"', null, false, 3),
    ],
    figures:
      n % 2 === 0
        ? [
            figure({
              kind: 'injured',
              count: 3,
              qualifier: 'at least',
              who: 'passengers',
              context: 'At least 3 passengers were injured when the old ramp gave way.',
            }),
          ]
        : [],
    sources: [
      {
        articleId: `article-${n}`,
        title: `River ferry service resumes in town ${n}`,
        publication: 'The Riverside Courier',
        agency: 'Valley Press Agency',
        url: `https://news.example.com/ferry-${n}`,
        publishedAt: '2026-03-02T07:30:00Z',
        origin: `seeds/ferry-${n}.txt`,
      },
    ],
    publishedAt: '2026-03-02T07:30:00Z',
    ...overrides,
  };
}

export function digestOf(count: number, date = '2026-03-02'): Digest {
  return {
    date,
    title: `Morning digest — ${date}`,
    items: Array.from({ length: count }, (_, i) => story(i + 1)),
    generatedAt: `${date}T08:00:00Z`,
  };
}

/** Article text trying every way to ping or forge a link in Slack. */
export const HOSTILE =
  'Alert <!channel> <!here> <!everyone> @channel @here <@U123> <#C999> & <https://evil.example|click here> *bold* ~x~ `code` > quote';

export function hostileStory(): DigestItem {
  return story(7, {
    id: 'hostile',
    headline: `Breaking ${HOSTILE}`,
    summary: [`Summary ${HOSTILE}`],
    quotes: [quote(`"Quote ${HOSTILE}"`, `<@U123> & <!here>`, true, 1)],
    figures: [figure({ kind: 'killed', count: null, text: `dozens <!channel> killed`, context: `Context ${HOSTILE}` })],
    sources: [
      {
        articleId: 'hostile-a',
        title: `Title ${HOSTILE}`,
        publication: `Pub <!channel>`,
        agency: `Agency <@U123> & co`,
        url: 'https://news.example.com/a?x=1&y=<2>|3',
        publishedAt: '2026-03-02T07:30:00Z',
        origin: 'seeds/hostile.txt',
      },
    ],
  });
}
