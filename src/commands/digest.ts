import { addDays, localDate } from '../digest/dates.js';
import { defineCommand } from './define.js';
import type { CommandArgs, CommandOption } from './types.js';
import { noDigestHere, notice, usage } from './views.js';

const USAGE = '/digest [today|yesterday|N] [share] (N: show the top N stories; add "share" to post it in the channel)';

const options = [
  { name: 'when', description: 'today, yesterday, or a number N for the top N stories', type: 'string', required: false },
  { name: 'share', description: 'Post it in the channel for everyone', type: 'boolean', required: false },
] as const satisfies readonly CommandOption[];

/** `/digest`: the latest digest, or today's / yesterday's, only to the caller unless shared. */
export const digestCommand = defineCommand({
  name: 'digest',
  description: "Show the latest news digest (today's, yesterday's, or its top N stories)",
  usage: USAGE,
  options,
  parseText(text) {
    const args: CommandArgs = {};
    for (const word of text.trim().split(/\s+/).filter(Boolean)) {
      if (/^(share|public|channel)$/i.test(word)) args.share = true;
      else if (args.when === undefined) args.when = word;
      // Not an option: a word too many gets the usage line.
      else args.extra = word;
    }
    return args;
  },
  async run(args, ctx) {
    const when = args.when?.toLowerCase() ?? '';
    let date: string | undefined;
    let limit: number | undefined;
    const today = localDate(ctx.now(), ctx.timeZone);
    if (when === 'today') date = today;
    else if (when === 'yesterday') date = addDays(today, -1);
    else if (/^\d{1,2}$/.test(when) && Number(when) > 0) limit = Number(when);
    else if (when !== '' && when !== 'latest') return usage(USAGE);
    if (ctx.digestChannel === null) return noDigestHere();

    const digest = await ctx.library.digest(date);
    if (!digest) {
      return notice('info', date ? `There is no digest for ${date} yet.` : 'There is no digest yet. One is posted on each channel’s schedule.');
    }
    const shown = limit ? { ...digest, items: digest.items.slice(0, limit) } : digest;
    return { kind: 'digest', digest: shown, visibility: args.share ? 'channel' : 'private' };
  },
});
