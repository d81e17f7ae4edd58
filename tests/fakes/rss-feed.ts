/** One story of a test feed: its headline and paragraphs (text the tests write, never the corpus). */
export interface FeedStory {
  title: string;
  paragraphs: string[];
  /** Default: made from the title. */
  guid?: string;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** An RSS 2.0 feed whose items carry their full text (content:encoded), for a WebServer route. */
export function rssFeed(title: string, ...stories: FeedStory[]): string {
  const site = `https://${slug(title)}.example`;
  const items = stories.map((story) => {
    const guid = story.guid ?? slug(story.title);
    const body = story.paragraphs.map((p) => `<p>${p}</p>`).join('');
    return `<item><title>${story.title}</title><guid>${guid}</guid><link>${site}/${guid}</link><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>${site}</link>
${items.join('\n')}
</channel></rss>`;
}
