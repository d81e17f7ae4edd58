import { generateOpml, parseOpml } from 'feedsmith';

/** A feed as feed readers exchange it: its address and, when known, a name. */
export interface OpmlFeed {
  xmlUrl: string;
  title?: string;
}

/** OPML 2.0 listing the feeds, flat, one outline each. */
export function opmlOf(title: string, feeds: readonly OpmlFeed[]): string {
  return generateOpml({
    head: { title },
    body: {
      outlines: feeds.map((feed) => ({ text: feed.title ?? feed.xmlUrl, title: feed.title ?? feed.xmlUrl, type: 'rss', xmlUrl: feed.xmlUrl })),
    },
  });
}

/**
 * Every feed address (`xmlUrl`) in an OPML document, in document order, folders included.
 * Throws when the text is not OPML; the caller names the file.
 */
export function feedsOfOpml(text: string): OpmlFeed[] {
  const document = parseOpml(text);
  const feeds: OpmlFeed[] = [];
  type Outline = { xmlUrl?: string; title?: string; text?: string; outlines?: Outline[] };
  const walk = (outlines: readonly Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      const xmlUrl = outline.xmlUrl?.trim();
      if (xmlUrl) feeds.push({ xmlUrl, title: outline.title ?? outline.text });
      walk(outline.outlines);
    }
  };
  walk(document.body?.outlines as Outline[] | undefined);
  return feeds;
}
