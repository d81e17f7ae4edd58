import { defineCommand } from './define.js';
import type { CommandContext, CommandOption, ItemPart, View } from './types.js';
import { noDigestHere, notice, usage } from './views.js';

const USAGE = '/article <number|words> (a number from the latest digest, or words from a headline)';
/** Longer than any headline; a longer query is a paste by mistake (or an attempt to load the database). */
export const MAX_ARTICLE_QUERY_CHARS = 300;

const options = [
  { name: 'query', description: 'Its number in the latest digest, or words from its headline', type: 'string', required: true, autocomplete: true },
] as const satisfies readonly CommandOption[];

/** `/article`: one story in full: summary, all quotes, figures and sources, and the timeline of a developing story. */
export const articleCommand = defineCommand({
  name: 'article',
  description: 'Show one story in full: summary, quotes, figures and source',
  usage: USAGE,
  options,
  parseText(text) {
    return { query: text.trim() };
  },
  async run({ query }, ctx) {
    if (query.length > MAX_ARTICLE_QUERY_CHARS) {
      return usage(`${USAGE}; words at most ${MAX_ARTICLE_QUERY_CHARS} characters, not ${query.length.toLocaleString('en-US')}`);
    }
    if (/^\d{1,3}$/.test(query)) {
      if (ctx.digestChannel === null) return noDigestHere();
      const digest = await ctx.library.digest();
      const item = digest?.items[Number(query) - 1];
      if (!item) {
        const count = digest?.items.length ?? 0;
        return notice(
          'error',
          count ? `The latest digest has stories 1 to ${count}; there is no story ${query}.` : 'There is no digest yet to pick a story from.',
        );
      }
      return { kind: 'item', item, part: 'full', visibility: 'private' };
    }
    // Autocomplete answers with the story id; accept it as well as words.
    const byId = await ctx.library.item(query);
    if (byId) return { kind: 'item', item: byId, part: 'full', visibility: 'private' };
    const [best] = await ctx.library.search(query, 1);
    if (!best) return notice('info', `No stored story matches “${query}”.`);
    return { kind: 'item', item: best, part: 'full', visibility: 'private' };
  },
  async autocomplete(_option, partial, ctx) {
    if (partial.trim().length > MAX_ARTICLE_QUERY_CHARS) return [];
    const latest = ctx.digestChannel === null ? [] : ((await ctx.library.digest())?.items ?? []);
    const items = partial.trim() ? await ctx.library.search(partial, 25) : latest.slice(0, 25);
    // Discord allows 100 characters a choice name.
    return items.map((item) => ({ name: item.headline.length > 100 ? `${item.headline.slice(0, 99)}…` : item.headline, value: item.id }));
  },
});

/** The answer to a digest's Quotes / Figures / Source button: that part of the stored story. */
export async function itemPartView(ctx: CommandContext, itemId: string, part: ItemPart): Promise<View> {
  const item = await ctx.library.item(itemId);
  if (!item) return notice('error', 'That story is no longer stored.');
  return { kind: 'item', item, part, visibility: 'private' };
}
