import { InvalidArgumentError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { UserError } from '../errors.js';

// The summarizer (its language model alone is about 50 MB) and the digest code load only when
// `summarize` or `preview` runs: `--version`, `init` and the setup commands start without them.
const loadSummarizing = async () => {
  const [files, summarizer, build, item, render] = await Promise.all([
    import('../sources/files.js'),
    import('../summarize/index.js'),
    import('../digest/build.js'),
    import('../digest/item.js'),
    import('../platforms/terminal/render.js'),
  ]);
  return { ...files, ...summarizer, ...build, ...item, ...render };
};

function sentenceCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new InvalidArgumentError('give a whole number from 1 to 10');
  return n;
}

/** Prints each file's problem as one line on stderr; the other files go on. */
function reportErrors(errors: Error[]): void {
  for (const error of errors) process.stderr.write(`newsdigest: ${error.message}\n`);
}

/** Folders of the config's file sources (the seeds/ folder by default). */
function fileSourcePaths(config: Config): string[] {
  return config.sources.flatMap((source) => (source.type === 'files' ? [source.path] : []));
}

export function register(program: Command): void {
  program
    .command('preview', { isDefault: true })
    .description("print today's digest of the configured article files (seeds/) in the terminal, as /digest shows it")
    .argument('[digest-args...]', 'what /digest takes after its name: N for the top N stories')
    .option('-s, --sentences <n>', 'summary sentences per story', sentenceCount)
    .action(async (digestArgs: string[], options: { sentences?: number }) => {
      // The config code (zod, YAML) loads only here: `summarize` needs none of it.
      const [
        { builtInConfig, findConfigPath, loadConfig },
        { readArticleFiles, summarize, buildDigest, entryFor, terminalStyle },
        { localDate },
        { MemoryLibrary },
        { runTerminalCommand },
        { findCommand },
      ] = await Promise.all([
        import('../config/load.js'),
        loadSummarizing(),
        import('../digest/dates.js'),
        import('../digest/library.js'),
        import('../platforms/terminal/commands.js'),
        import('../commands/index.js'),
      ]);
      const configPath = program.opts<{ config?: string }>().config;
      const config = loadConfig(configPath);
      const paths = fileSourcePaths(config);
      const starterFolder = builtInConfig.sources[0].path;
      if (findConfigPath(configPath) === undefined && !existsSync(starterFolder)) {
        throw new UserError(
          `no newsdigest.yaml here and no ${starterFolder}/ folder to preview; run \`newsdigest init\` to create both, or give --config FILE`,
        );
      }
      if (paths.length === 0)
        throw new UserError('the config lists no "files" sources to preview; add one such as { id: seeds, type: files, path: seeds }');
      const { articles, errors } = readArticleFiles(paths);
      reportErrors(errors);
      const sentences = options.sentences ?? config.summary.sentences;
      const now = new Date();
      const digest = buildDigest(
        articles.map((article) => entryFor(article, summarize(article, { sentences }))),
        { date: localDate(now, config.timeZone), now },
      );
      // The same /digest command and View as Slack and Discord, over the digest just built.
      const context = {
        library: new MemoryLibrary([digest]),
        now: () => now,
        timeZone: config.timeZone,
        fetchArticle: () => Promise.reject(new UserError('the terminal preview reads only the configured article files')),
      };
      const { view, text } = await runTerminalCommand(findCommand('digest')!, digestArgs.join(' '), context, terminalStyle());
      process.stdout.write(text);
      if (articles.length === 0 || (view.kind === 'notice' && view.tone !== 'info')) process.exitCode = 1;
    });

  program
    .command('summarize')
    .description('summarize article files (or folders of *.txt): a readable block each, or JSON lines')
    .argument('<paths...>', 'article files or folders')
    .option('--json', 'one JSON object per article per line')
    .option('-s, --sentences <n>', 'summary sentences', sentenceCount, 2)
    .action(async (paths: string[], options: { json?: boolean; sentences: number }) => {
      const [{ readArticleFiles, summarize, groupBySameStory, entryFor, toDigestItem, renderView, terminalStyle }, { summaryRecord }] =
        await Promise.all([loadSummarizing(), import('../summarize/json.js')]);
      const { articles, errors } = readArticleFiles(paths);
      reportErrors(errors);
      const style = terminalStyle();
      const summaries = articles.map((article) => summarize(article, { sentences: options.sentences }));
      // Stories are grouped over all the files of the run, exactly as a digest built from them would be.
      const storyOf = new Map<string, string>();
      if (options.json) {
        for (const group of groupBySameStory(articles.map((article, i) => entryFor(article, summaries[i]!)))) {
          for (const entry of group) storyOf.set(entry.source.articleId, group[0]!.summary.articleId);
        }
      }
      articles.forEach((article, i) => {
        const summary = summaries[i]!;
        if (options.json) {
          process.stdout.write(`${JSON.stringify(summaryRecord(article.source.origin, article, summary, storyOf.get(article.id)))}\n`);
        } else {
          const item = toDigestItem(entryFor(article, summary));
          process.stdout.write(`${renderView({ kind: 'item', item, part: 'full', visibility: 'private' }, style)}\n`);
        }
      });
      if (errors.length > 0) process.exitCode = 1;
    });
}
