import type { CommandDefinition, CommandContext, ItemPart, View } from './types.js';
import { notice, usage } from './views.js';

const USAGE = '/article <number|words> (a number from the latest digest, or words from a headline)';

/** `/article`: one story in full: summary, all quotes, figures and sources, and the timeline of a developing story. */
export const articleCommand: CommandDefinition = {
  name: 'article',
  description: 'Show one story in full: summary, quotes, figures and source',
  usage: USAGE,
  options: [{ name: 'query', description: 'Its number in the latest digest, or words from its headline', type: 'string', required: true, autocomplete: true }],
  parseText(text) {
    return { query: text.trim() };
  },
  async run(args, ctx) {
    const query = String(args.query ?? '').trim();
    if (!query) return usage(USAGE);
    if (/^\d{1,3}$/.test(query)) {
      const digest = await ctx.library.digest();
      const item = digest?.items[Number(query) - 1];
      if (!item) {
        const count = digest?.items.length ?? 0;
        return notice('error', count ? `The latest digest has stories 1 to ${count}; there is no story ${query}.` : 'There is no digest yet to pick a story from.');
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
    const items = partial.trim() ? await ctx.library.search(partial, 25) : ((await ctx.library.digest())?.items ?? []).slice(0, 25);
    // Discord allows 100 characters a choice name.
    return items.map((item) => ({ name: item.headline.length > 100 ? `${item.headline.slice(0, 99)}…` : item.headline, value: item.id }));
  },
};

/** The answer to a digest's Quotes / Figures / Source button: that part of the stored story. */
export async function itemPartView(ctx: CommandContext, itemId: string, part: ItemPart): Promise<View> {
  const item = await ctx.library.item(itemId);
  if (!item) return notice('error', 'That story is no longer stored.');
  return { kind: 'item', item, part, visibility: 'private' };
}
