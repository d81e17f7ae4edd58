import { describe, expect, it } from 'vitest';
import { commands, findCommand, itemPartView, type CommandContext, type View } from '../../src/commands/index.js';
import { readArticle } from '../../src/article/read.js';
import { MemoryLibrary } from '../../src/digest/library.js';
import { UserError } from '../../src/errors.js';
import { StoreLibrary } from '../../src/store/library.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { article } from '../store/fixtures.js';
import { STORIES, storyDigest } from '../fakes/stories.js';

function context(library = new MemoryLibrary([storyDigest('2026-11-26', ['council']), storyDigest('2026-11-27')])): CommandContext {
  return {
    library,
    now: () => new Date('2026-11-27T10:00:00Z'),
    timeZone: 'UTC',
    async fetchArticle(url) {
      if (url.includes('private')) throw new UserError(`${url} resolves to 10.0.0.5, a private address`);
      return readArticle(STORIES.storm, { origin: url, url });
    },
  };
}

async function run(name: string, text: string, ctx = context()): Promise<View> {
  const command = findCommand(name)!;
  return command.run(command.parseText(text), ctx);
}

describe('commands', () => {
  it('defines digest, article, summary and newsdigest once, each with a usage line', () => {
    expect(commands.map((c) => c.name)).toEqual(['digest', 'article', 'summary', 'newsdigest']);
    for (const command of commands) expect(command.usage).toMatch(new RegExp(`^/${command.name}`));
  });

  it('/digest answers the latest digest privately, or shares it', async () => {
    const view = await run('digest', '');
    expect(view).toMatchObject({ kind: 'digest', visibility: 'private', digest: { date: '2026-11-27' } });
    expect(await run('digest', 'share')).toMatchObject({ kind: 'digest', visibility: 'channel' });
  });

  it('/digest yesterday, today and N', async () => {
    expect(await run('digest', 'yesterday')).toMatchObject({ kind: 'digest', digest: { date: '2026-11-26' } });
    expect(await run('digest', 'today')).toMatchObject({ kind: 'digest', digest: { date: '2026-11-27' } });
    const top = await run('digest', '2');
    expect(top.kind === 'digest' && top.digest.items).toHaveLength(2);
  });

  it('/digest with a bad argument answers the usage line', async () => {
    expect(await run('digest', 'tomorrow please')).toMatchObject({ kind: 'notice', tone: 'usage', text: expect.stringMatching(/^Usage: \/digest/) });
  });

  it('/digest says so when there is none', async () => {
    expect(await run('digest', '', context(new MemoryLibrary()))).toMatchObject({
      kind: 'notice',
      tone: 'info',
      text: expect.stringMatching(/no digest yet/),
    });
  });

  it('/article by number, by words, and by id', async () => {
    const latest = (await context().library.digest())!;
    expect(await run('article', '2')).toMatchObject({ kind: 'item', part: 'full', item: { id: latest.items[1]!.id } });
    expect(await run('article', 'cycling lanes')).toMatchObject({ kind: 'item', item: { headline: 'Council approves new cycling lanes' } });
    expect(await run('article', latest.items[0]!.id)).toMatchObject({ kind: 'item', item: { id: latest.items[0]!.id } });
  });

  it('/article explains a number out of range, no match, and empty input', async () => {
    expect(await run('article', '9')).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: 'The latest digest has stories 1 to 3; there is no story 9.',
    });
    expect(await run('article', 'volcano')).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(await run('article', '   ')).toMatchObject({ kind: 'notice', tone: 'usage' });
  });

  it('/article answers a very long query with its usage line, on the real SQLite store', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
    await store.saveArticle(
      article({ title: 'Harbour wall repaired', text: 'Harbour wall repaired\n\nMasons in Tarrow finished the harbour wall.' }),
    );
    try {
      const ctx = { ...context(), library: new StoreLibrary(store) };
      for (const query of ['x'.repeat(60_000), 'harbour '.repeat(5_000)]) {
        const view = await run('article', query, ctx);
        expect(view).toMatchObject({ kind: 'notice', tone: 'usage', visibility: 'private' });
        expect(view.kind === 'notice' && view.text).toBe(
          `Usage: /article <number|words> (a number from the latest digest, or words from a headline); words at most 300 characters, not ${query.trim().length.toLocaleString('en-US')}`,
        );
        expect(await findCommand('article')!.autocomplete!('query', query, ctx)).toEqual([]);
      }
      // Up to the cap, words are searched as before.
      expect(await run('article', 'y'.repeat(300), ctx)).toMatchObject({
        kind: 'notice',
        tone: 'info',
        text: expect.stringMatching(/^No stored story matches/),
      });
    } finally {
      await store.close();
    }
  });

  it('/article autocompletes headlines, at most 25, with story ids as values', async () => {
    const choices = await findCommand('article')!.autocomplete!('query', 'storm', context());
    expect(choices).toEqual([{ name: 'Storm leaves thousands without power', value: expect.any(String) }]);
    const all = await findCommand('article')!.autocomplete!('query', '', context());
    expect(all.length).toBe(3);
  });

  it('/summary summarizes pasted text and URLs, and explains a refused URL', async () => {
    const pasted = await run(
      'summary',
      'The river rose two metres overnight. Rescue teams moved 300 families to the school. "We had no warning at all," said farmer Ivan Petrov.',
    );
    expect(pasted).toMatchObject({ kind: 'item', part: 'full', visibility: 'private' });
    expect(pasted.kind === 'item' && pasted.item.summary[0]).toBe('The river rose two metres overnight.');
    expect(await run('summary', '<https://news.example/storm|storm>')).toMatchObject({
      kind: 'item',
      item: { headline: 'Storm leaves thousands without power' },
    });
    expect(await run('summary', 'http://private.example/x')).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: expect.stringMatching(/^Could not summarize http:\/\/private\.example\/x: .*private address/),
    });
    expect(await run('summary', '')).toMatchObject({ kind: 'notice', tone: 'usage' });
  });

  it('answers a button with that part of the stored story', async () => {
    const id = (await context().library.digest())!.items[0]!.id;
    expect(await itemPartView(context(), id, 'quotes')).toMatchObject({ kind: 'item', part: 'quotes', item: { id } });
    expect(await itemPartView(context(), 'gone', 'source')).toMatchObject({ kind: 'notice', tone: 'error' });
  });
});
