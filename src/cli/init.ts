import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';

/** The config `init` writes: what a newcomer needs, each field explained. */
export const starterConfig = `# newsdigest configuration (https://github.com/newsdigest/newsdigest#readme).
# Paths below are relative to this file. Secrets (tokens, signing secrets, DATABASE_URL) come from
# the environment or a .env file, never from here. Every field is checked at start; a wrong one is named.

# Zone for "today" in commands and the terminal preview.
timeZone: UTC

summary:
  sentences: 2          # summary sentences per story, 1 to 5

sources:
  # Plain-text articles: a title line, a blank line, then the paragraphs. Drop any *.txt here.
  - id: articles
    type: files
    path: articles
  # A news feed (RSS, Atom, RDF or JSON Feed); uncomment and name it in a channel's sources.
  # - id: my-feed
  #   type: feed
  #   url: https://news.example/feed.xml
  #   backfill: 5       # items to take from the first poll (0: nothing old)

channels:
  # The terminal needs no account: \`newsdigest run\` prints the digest at 08:00 in the zone below.
  - id: terminal
    platform: terminal
    channel: stdout
    schedule: "0 8 * * *"
    timeZone: UTC
    sources: [articles]
  # A Slack channel (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET first):
  # - id: newsroom
  #   platform: slack
  #   channel: C0123456789
  #   schedule: "30 7 * * 1-5"
  #   timeZone: Europe/London
  #   filters: { keywords: [election], maxItems: 8 }

storage:
  sqlitePath: data/newsdigest.sqlite   # or set DATABASE_URL=postgres://… for PostgreSQL

http:
  port: 3000            # /healthz, /readyz, /metrics; the PORT variable wins over this
`;

/** An invented article, so the first preview shows a headline, a summary, a quote and a figure. */
export const exampleArticle = `Flood barrier holds as river Olvenna reaches record height

Engineers in the town of Marrowick said on Tuesday that the new flood barrier had held back the river Olvenna, which rose higher overnight than at any time since records began.

At least 40 people were evacuated from homes near the old mill before the water peaked, the county emergency office said. Nobody was hurt.

"The barrier did exactly what it was built to do," said Petra Lindqvist, the county's chief engineer. "We will inspect every section before the next storm arrives."

The barrier, finished last spring, cost 12 million crowns and replaced earthen banks that failed twice in the past decade.

Residents were allowed back into most streets by the afternoon. The mill road stays closed until the inspection is done.
`;

/** Adds `newsdigest init`: a commented config and an example article folder in the current directory. */
export function register(program: Command): void {
  program
    .command('init')
    .description('write a commented newsdigest.yaml and an example articles/ folder in the current directory')
    .option('--force', 'overwrite newsdigest.yaml and the example article if they exist')
    .action((options: { force?: boolean }) => {
      const files = [
        { path: 'newsdigest.yaml', text: starterConfig },
        { path: join('articles', 'example.txt'), text: exampleArticle },
      ];
      const existing = files.filter((file) => existsSync(file.path)).map((file) => file.path);
      if (existing.length > 0 && !options.force) {
        throw new UserError(
          `${existing.join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; keep your own, or use --force to overwrite`,
        );
      }
      mkdirSync('articles', { recursive: true });
      for (const file of files) writeFileSync(file.path, file.text);
      process.stdout.write(
        'Wrote newsdigest.yaml and articles/example.txt.\n' +
          'Next: `newsdigest preview` prints the digest of articles/; add your own *.txt files there.\n',
      );
    });
}
