import type { Command } from 'commander';
import { UserError } from '../errors.js';

// The store, config and OPML code load only when one of these commands runs.
const loadAll = async () => {
  const [{ readSecrets }, { loadConfig }, { openStore }, setup, cron, opml, newsdigest] = await Promise.all([
    import('../config/env.js'),
    import('../config/load.js'),
    import('../store/open.js'),
    import('../service/setup.js'),
    import('../scheduler/cron.js'),
    import('../sources/opml.js'),
    import('../commands/newsdigest.js'),
  ]);
  return { readSecrets, loadConfig, openStore, setup, cron, opml, newsdigest };
};
type Loaded = Awaited<ReturnType<typeof loadAll>>;

/** The config and the store the service would use, closed after `work`. */
async function withStore<T>(
  program: Command,
  work: (loaded: Loaded, config: ReturnType<Loaded['loadConfig']>, chatChannels: import('../store/chat-channels.js').ChatChannelStore) => Promise<T>,
): Promise<T> {
  const loaded = await loadAll();
  const config = loaded.loadConfig(program.opts<{ config?: string }>().config);
  const store = await loaded.openStore({ databaseUrl: loaded.readSecrets().databaseUrl, sqlitePath: config.storage.sqlitePath });
  try {
    return await work(loaded, config, store.stores.chatChannels);
  } finally {
    await store.close();
  }
}

/** "2026-12-03 08:00 Europe/Paris", or "never" when the schedule has no next run. */
function nextRunText(loaded: Loaded, schedule: string, timeZone: string): string {
  try {
    const next = new loaded.cron.CronSchedule(schedule, timeZone).next(new Date());
    if (!next) return 'never';
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(next);
    return `${local} ${timeZone}`;
  } catch {
    return 'never';
  }
}

/** Adds `channels` and `sources export|import`: the operator's view of every channel and its feeds. */
export function register(program: Command): void {
  program
    .command('channels')
    .description('list every channel (config file and chat) with its platform, schedule, zone, sources and next run')
    .action(() =>
      withStore(program, async (loaded, config, chatChannels) => {
        const sourceText = (id: string) => {
          const source = config.sources.find((s) => s.id === id);
          return source && source.type !== 'files' ? `${id} (${source.url})` : id;
        };
        const blocks: string[] = [];
        for (const channel of config.channels) {
          const sources = channel.sources.length ? channel.sources.map(sourceText) : ['every source of the config file'];
          blocks.push(
            [
              `${channel.id}  ${channel.platform} ${channel.channel}  (config file)`,
              `  schedule: ${channel.schedule}  zone: ${channel.timeZone}  next run: ${nextRunText(loaded, channel.schedule, channel.timeZone)}`,
              `  sources: ${sources.join(', ')}`,
            ].join('\n'),
          );
        }
        for (const chat of await chatChannels.list()) {
          const id = loaded.setup.chatChannelId(chat.platform, chat.channel);
          blocks.push(
            [
              `${id}  ${chat.platform} ${chat.channel}  (set up from chat${chat.paused ? ', paused' : ''})`,
              `  schedule: ${chat.schedule}  zone: ${chat.timeZone}  next run: ${chat.paused ? 'paused' : nextRunText(loaded, chat.schedule, chat.timeZone)}`,
              `  sources: ${chat.sources.length ? chat.sources.join(', ') : 'none yet'}`,
            ].join('\n'),
          );
        }
        process.stdout.write(
          blocks.length ? `${blocks.join('\n')}\n` : 'No channels: name some in the config file, or set one up from chat with /newsdigest.\n',
        );
      }),
    );

  const sources = program.command('sources').description("exchange a channel's feeds with feed readers as OPML");
  sources
    .command('export')
    .description('print the feeds of every source (or of one channel) as OPML 2.0')
    .option('--channel <id>', 'only this channel’s feeds (an id from `newsdigest channels`)')
    .action((options: { channel?: string }) =>
      withStore(program, async (loaded, config, chatChannels) => {
        const feeds: { xmlUrl: string; title?: string }[] = [];
        const configFeeds = (ids: readonly string[]) => {
          for (const source of config.sources)
            if (source.type !== 'files' && (ids.length === 0 || ids.includes(source.id))) feeds.push({ xmlUrl: source.url, title: source.id });
        };
        const chats = await chatChannels.list();
        if (options.channel === undefined) {
          configFeeds([]);
          for (const chat of chats) for (const url of chat.sources) feeds.push({ xmlUrl: url });
        } else {
          const configured = config.channels.find((c) => c.id === options.channel);
          const chat = chats.find((c) => loaded.setup.chatChannelId(c.platform, c.channel) === options.channel);
          if (configured) configFeeds(configured.sources);
          else if (chat) for (const url of chat.sources) feeds.push({ xmlUrl: url });
          else throw new UserError(`no channel "${options.channel}": \`newsdigest channels\` lists them`);
        }
        const seen = new Set<string>();
        const unique = feeds.filter((feed) => !seen.has(feed.xmlUrl) && seen.add(feed.xmlUrl));
        process.stdout.write(loaded.opml.opmlOf(options.channel ? `newsdigest: ${options.channel}` : 'newsdigest sources', unique));
      }),
    );

  sources
    .command('import')
    .description('subscribe a chat channel to each feed (xmlUrl) of an OPML file')
    .argument('<file>', 'OPML file, as feed readers export it')
    .requiredOption('--channel <id>', 'a chat channel: chat-slack-<channel id> or chat-discord-<channel id>')
    .action((file: string, options: { channel: string }) =>
      withStore(program, async (loaded, config, chatChannels) => {
        const { readFile } = await import('node:fs/promises');
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new UserError(
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
          );
        }
        let feeds: { xmlUrl: string }[];
        try {
          feeds = loaded.opml.feedsOfOpml(text);
        } catch {
          throw new UserError(`${file} is not an OPML file a feed reader exports (<opml><body><outline xmlUrl="…"/>…)`);
        }
        if (config.channels.some((c) => c.id === options.channel))
          throw new UserError(`"${options.channel}" is managed in the config file: add its sources there`);
        const match = /^chat-(slack|discord)-(.+)$/.exec(options.channel);
        if (!match)
          throw new UserError(
            `"${options.channel}" is not a chat channel: give chat-slack-<channel id> or chat-discord-<channel id> (see \`newsdigest channels\`)`,
          );
        const [platform, channel] = [match[1] as 'slack' | 'discord', match[2]!];
        const now = new Date().toISOString();
        const current = (await chatChannels.get(platform, channel)) ?? {
          platform,
          channel,
          sources: [],
          schedule: '0 8 * * *',
          timeZone: config.timeZone,
          keywords: [],
          maxItems: 10,
          paused: false,
          updatedAt: now,
          updatedBy: 'cli',
        };
        const sourceList = [...current.sources];
        const lines: string[] = [];
        for (const { xmlUrl } of feeds) {
          const problem = loaded.newsdigest.sourceUrlProblem(xmlUrl);
          let url = xmlUrl;
          if (!problem) url = new URL(xmlUrl).toString();
          if (problem) lines.push(`skipped ${xmlUrl.slice(0, 200)}: ${problem}`);
          else if (sourceList.includes(url)) lines.push(`skipped ${url}: already a source of ${options.channel}`);
          else if (sourceList.length >= loaded.newsdigest.MAX_SOURCES)
            lines.push(`skipped ${url}: ${options.channel} has ${loaded.newsdigest.MAX_SOURCES} sources, the most a channel takes`);
          else {
            sourceList.push(url);
            lines.push(`subscribed ${url}`);
          }
        }
        const added = sourceList.length - current.sources.length;
        if (added > 0) {
          const saved = await chatChannels.save(
            { ...current, sources: sourceList, updatedAt: now, updatedBy: 'cli' },
            { actor: 'cli', at: now, action: 'import', detail: `${added} feed${added === 1 ? '' : 's'} from ${file}` },
          );
          if (!saved) throw new UserError(`${options.channel} was changed from chat during the import; nothing was imported, run it again`);
        }
        lines.push(`${options.channel}: ${added} feed${added === 1 ? '' : 's'} added, ${feeds.length - added} skipped, ${sourceList.length} in all`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
