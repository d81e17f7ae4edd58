import { describe, expect, it } from 'vitest';
import { feedsOfOpml, opmlOf } from '../../src/sources/opml.js';

describe('OPML', () => {
  it.each([
    [
      'a flat list',
      '<opml version="2.0"><head/><body><outline text="Bay Post" xmlUrl="https://bay-post.example/feed"/></body></opml>',
      [{ xmlUrl: 'https://bay-post.example/feed', title: 'Bay Post' }],
    ],
    [
      'folders, in document order',
      '<opml version="1.0"><body><outline text="Coast"><outline title="Hill Weekly" text="Hill" xmlUrl="https://hill.example/atom.xml"/></outline><outline text="Dune Radio" xmlUrl=" https://dune.example/rss "/></body></opml>',
      [
        { xmlUrl: 'https://hill.example/atom.xml', title: 'Hill Weekly' },
        { xmlUrl: 'https://dune.example/rss', title: 'Dune Radio' },
      ],
    ],
    [
      'outlines without a feed are left out',
      '<opml version="2.0"><body><outline text="A note"/><outline text="Site" htmlUrl="https://site.example/"/></body></opml>',
      [],
    ],
    ['an empty body', '<opml version="2.0"><head><title>None</title></head><body/></opml>', []],
  ])('%s', (_case, text, feeds) => {
    expect(feedsOfOpml(text)).toEqual(feeds);
  });

  it.each([['<opml version="2.0"><body><outline text="cut'], ['plain words'], ['<rss version="2.0"><channel/></rss>']])(
    '“%s” is not OPML',
    (text) => {
      expect(() => feedsOfOpml(text)).toThrow();
    },
  );

  it('writes OPML 2.0 that reads back the same feeds', () => {
    const feeds = [{ xmlUrl: 'https://bay-post.example/feed', title: 'Bay Post & Tide' }, { xmlUrl: 'https://hill.example/atom.xml?a=1&b=2' }];
    const text = opmlOf('newsdigest sources', feeds);
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('<title>newsdigest sources</title>');
    expect(feedsOfOpml(text)).toEqual([
      { xmlUrl: 'https://bay-post.example/feed', title: 'Bay Post & Tide' },
      { xmlUrl: 'https://hill.example/atom.xml?a=1&b=2', title: 'https://hill.example/atom.xml?a=1&b=2' },
    ]);
  });
});
