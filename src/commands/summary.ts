import { readArticle } from '../article/read.js';
import type { Article } from '../article/types.js';
import { entryFor, toDigestItem } from '../digest/item.js';
import { UserError } from '../errors.js';
import { summarize } from '../summarize/index.js';
import { defineCommand } from './define.js';
import type { CommandOption } from './types.js';
import { notice } from './views.js';

const USAGE = '/summary <url or pasted text>';
/** Pasted text beyond this is cut: Slack and Discord carry at most a few thousand characters anyway. */
const MAX_PASTED_CHARS = 100_000;

const options = [
  { name: 'input', description: 'An article URL, or the article text', type: 'string', required: true },
] as const satisfies readonly CommandOption[];

/** `/summary`: summarize a page (public URLs only) or pasted text on request. */
export const summaryCommand = defineCommand({
  name: 'summary',
  description: 'Summarize an article from a URL or pasted text',
  usage: USAGE,
  options,
  parseText(text) {
    return { input: text.trim() };
  },
  async run({ input }, ctx) {
    let article: Article;
    if (/^<?https?:\/\/\S+>?$/i.test(input)) {
      // Slack wraps links as <https://…> or <https://…|label>.
      const url = input.replace(/^<|>$/g, '').split('|')[0]!;
      try {
        article = await ctx.fetchArticle(url);
      } catch (error) {
        if (error instanceof UserError) return notice('error', `Could not summarize ${url}: ${error.message}`);
        throw error;
      }
    } else {
      const text = input.slice(0, MAX_PASTED_CHARS);
      // Pasted text often has no title line: then it is all story, and its first words stand in as headline.
      const titled = /^[^\n]{1,200}\n\s*\n/.test(text) && !/[.!?"”]$/.test(text.split('\n')[0]!.trim());
      article = readArticle(text, { origin: 'pasted text' }, { hasTitleLine: titled });
    }
    const summary = summarize(article, { sentences: 3 });
    if (summary.summary.length === 0) return notice('info', 'There is no article text to summarize there.');
    return { kind: 'item', item: toDigestItem(entryFor(article, summary)), part: 'full', visibility: 'private' };
  },
});
