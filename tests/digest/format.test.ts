import { describe, expect, it } from 'vitest';
import { describeUnreadSources, formatNumber } from '../../src/digest/format.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1234567, '1,234,567'],
    [-4500, '-4,500'],
    [2.5, '2.5'],
    [12345.5, '12,345.5'],
  ])('%d reads as %s, as en-US writes it', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
    expect(formatNumber(value)).toBe(value.toLocaleString('en-US'));
  });
});

describe('describeUnreadSources', () => {
  const timedOut = { name: 'city-news', reason: 'timed out' };
  const siteError = { name: 'harbour-post', reason: 'the site had an error' };
  const notAFeed = { name: 'valley.example/feed', reason: 'what it sent is not a feed' };
  const refused = { name: 'wire', reason: 'the site refused access' };

  it.each([
    ['no source unread', [], null],
    [
      'one feed',
      [timedOut],
      'Not in this digest: feed “city-news” could not be read (timed out); its latest stories follow in the next digest once it can be read.',
    ],
    [
      'two feeds',
      [timedOut, siteError],
      'Not in this digest: feeds “city-news” (timed out) and “harbour-post” (the site had an error) could not be read; their latest stories follow in the next digest once they can be read.',
    ],
    [
      'three feeds, all named',
      [timedOut, siteError, notAFeed],
      'Not in this digest: feeds “city-news” (timed out), “harbour-post” (the site had an error) and “valley.example/feed” (what it sent is not a feed) could not be read; their latest stories follow in the next digest once they can be read.',
    ],
    [
      'five feeds: three named, the rest counted',
      [timedOut, siteError, notAFeed, refused, { name: 'coast', reason: 'timed out' }],
      'Not in this digest: feeds “city-news” (timed out), “harbour-post” (the site had an error), “valley.example/feed” (what it sent is not a feed) and 2 more could not be read; their latest stories follow in the next digest once they can be read.',
    ],
  ])('%s', (_case, unreadSources, expected) => {
    expect(describeUnreadSources({ unreadSources })).toBe(expected);
  });

  it('says nothing for a digest built before sources were tracked', () => {
    expect(describeUnreadSources({})).toBeNull();
  });
});
