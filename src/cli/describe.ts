/** What `newsdigest fetch` prints: what a feed or page would bring into the next digest. */
import { bodyParagraphs } from '../article/types.js';
import { groupSameStory } from '../digest/same-story.js';
import { collapse } from '../article/read.js';
import { stripControl } from '../digest/format.js';
import { decodeText } from '../sources/charset.js';
import { FeedError, parseFeedText, type ParsedFeed } from '../sources/feed.js';
import type { HttpClient } from '../sources/http.js';
import { readPage } from '../sources/page.js';

/** Terminal-safe text on one line: no control characters (a feed title must not move the cursor or recolour the screen). */
function printable(text: string): string {
  return collapse(stripControl(text));
}

function day(iso: string | undefined): string | undefined {
  return iso?.slice(0, 10);
}

/** What a feed would bring into the next digest: one line per story, its sources beneath. */
export function describeFeed(feed: ParsedFeed, url: string): string {
  const lines = [
    `${printable(feed.title ?? url)} — ${feed.format.toUpperCase()} feed, ${feed.items.length} item${feed.items.length === 1 ? '' : 's'}`,
  ];
  const stories = groupSameStory(
    feed.items.map((item, index) => ({ id: String(index), title: item.title, body: item.paragraphs.join('\n\n'), item })),
  );
  stories.forEach((story, n) => {
    story.forEach(({ item }, i) => {
      const headline = printable(item.title || item.paragraphs[0]?.slice(0, 80) || '(no headline)');
      const source = [item.publication, item.author, day(item.publishedAt)]
        .filter(Boolean)
        .map((s) => printable(s!))
        .join(' · ');
      const note = item.textFrom === 'none' ? ' (text from the linked page)' : '';
      lines.push(`${i === 0 ? `${String(n + 1).padStart(3)}.` : '    also:'} ${headline}${source ? ` — ${source}` : ''}${note}`);
      if (item.link) lines.push(`      ${printable(item.link)}`);
    });
  });
  for (const skipped of feed.skipped) lines.push(`  skipped: ${printable(skipped)}`);
  return `${lines.join('\n')}\n`;
}

/** Feeds announce themselves in their type or first bytes; anything else is read as a page. */
function looksLikeFeed(contentType: string, text: string): boolean {
  if (/(rss|atom|rdf|feed|xml|json)/i.test(contentType)) return true;
  return /^\s*(<\?xml|<rss|<feed|<rdf:RDF|\{)/i.test(text.slice(0, 512));
}

/** Fetches a feed or an article page and describes what would go into the next digest. */
export async function describeUrl(url: string, client: HttpClient): Promise<string> {
  const response = await client.get(url, {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5',
  });
  const contentType = response.contentType ?? '';
  const text = decodeText(response.body, contentType);
  if (looksLikeFeed(contentType, text)) {
    try {
      return describeFeed(parseFeedText(text, url), url);
    } catch (error) {
      // An XML or JSON document that is no feed may still be a page (XHTML); anything else says why.
      if (!(error instanceof FeedError) || !/html/i.test(contentType + text.slice(0, 512))) throw error;
    }
  }
  const article = readPage(text, response.url, url);
  const source = [article.source.publication, article.source.author, day(article.source.publishedAt)]
    .filter(Boolean)
    .map((s) => printable(s!))
    .join(' · ');
  const count = bodyParagraphs(article).length;
  return `${printable(article.title)}${source ? ` — ${source}` : ''}\n  ${count} paragraph${count === 1 ? '' : 's'} — ${printable(response.url)}\n`;
}
