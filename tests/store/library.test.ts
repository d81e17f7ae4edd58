import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLibrary } from '../../src/store/library.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { article, digest, digestItem } from './fixtures.js';

describe('StoreLibrary', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore({ path: ':memory:' });
    await store.migrate();
  });
  afterEach(() => store.close());

  const lead = article({
    title: 'Ceasefire agreed in the north',
    text: 'Ceasefire agreed in the north\n\nBoth sides agreed to a ceasefire on Sunday.',
    url: 'https://one.example/ceasefire',
    publication: 'Daily News',
    ingestedAt: '2024-03-01T06:00:00.000Z',
  });
  const follow = article({
    title: 'Northern truce holds',
    text: 'Northern truce holds\n\nThe ceasefire held overnight, officials said.',
    url: 'https://two.example/truce',
    agency: 'AFP',
    storyId: lead.id,
    ingestedAt: '2024-03-01T07:00:00.000Z',
  });
  const other = article({ title: 'Harvest begins', text: 'Harvest begins\n\nFarmers began the wheat harvest.' });

  it('returns the latest digest, that of a date, or only one channel’s', async () => {
    const monday = digest('2024-03-04', [digestItem('x1', 'Monday')]);
    const tuesday = digest('2024-03-05', [digestItem('x2', 'Tuesday')]);
    await store.saveDigest('slack', monday);
    await store.saveDigest('discord', tuesday);
    expect(await new StoreLibrary(store).digest()).toEqual(tuesday);
    expect(await new StoreLibrary(store).digest('2024-03-04')).toEqual(monday);
    expect(await new StoreLibrary(store, { channelId: 'slack' }).digest()).toEqual(monday);
    expect(await new StoreLibrary(store, { channelId: 'slack' }).digest('2024-03-05')).toBeNull();
  });

  it('shows a story as its digest showed it', async () => {
    await store.saveArticle(lead);
    const posted = { ...digestItem(lead.id, 'Edited headline in the digest') };
    await store.saveDigest('slack', digest('2024-03-01', [posted]));
    expect(await new StoreLibrary(store).item(lead.id)).toEqual(posted);
  });

  it('builds a story no digest carried from its stored articles, lead source first', async () => {
    for (const a of [lead, follow, other]) await store.saveArticle(a);
    const library = new StoreLibrary(store);
    const item = await library.item(lead.id);
    expect(item).toMatchObject({
      id: lead.id,
      headline: lead.title,
      summary: [lead.summary.summary[0]!.text.replace(/\s+/g, ' ')],
      sources: [
        { articleId: lead.id, title: lead.title, publication: 'Daily News', url: lead.url, origin: lead.origin },
        { articleId: follow.id, title: follow.title, agency: 'AFP', url: follow.url, origin: follow.origin },
      ],
    });
    // Asking by a later article of the story gives the whole story.
    expect((await library.item(follow.id))?.id).toBe(lead.id);
    expect(await library.item('unknown')).toBeNull();
  });

  it('finds stories by words, each story once, best first', async () => {
    for (const a of [lead, follow, other]) await store.saveArticle(a);
    const library = new StoreLibrary(store);
    expect((await library.search('ceasefire', 5)).map((i) => i.id)).toEqual([lead.id]);
    expect((await library.search('harvest', 5)).map((i) => i.headline)).toEqual(['Harvest begins']);
    expect((await library.search('truce', 5)).map((i) => i.id)).toEqual([lead.id]);
    expect(await library.search('nothing matches this', 5)).toEqual([]);
    expect(await library.search('ceasefire', 0)).toEqual([]);
  });

  it('within a tenant’s sources: finds and shows only their articles, and a story only as far as they carry it', async () => {
    const northLead = { ...lead, sourceId: 'north' };
    const southFollow = { ...follow, sourceId: 'south' };
    const southOther = { ...other, sourceId: 'south' };
    for (const a of [northLead, southFollow, southOther]) await store.saveArticle(a);
    const north = new StoreLibrary(store, { channelId: null, sources: async () => ['north'] });
    const south = new StoreLibrary(store, { channelId: null, sources: async () => ['south'] });
    expect((await north.search('harvest', 5)).map((i) => i.headline)).toEqual([]);
    expect((await south.search('harvest', 5)).map((i) => i.headline)).toEqual(['Harvest begins']);
    // One story, two tenants: each sees its own article of it, never the other's.
    expect((await north.search('ceasefire', 5)).map((i) => i.sources.map((source) => source.articleId))).toEqual([[lead.id]]);
    expect((await south.search('truce', 5)).map((i) => i.sources.map((source) => source.articleId))).toEqual([[follow.id]]);
    expect(await south.item(lead.id)).toBeNull();
    expect(await new StoreLibrary(store, { sources: async () => [] }).search('harvest', 5)).toEqual([]);
  });

  it('reads no digest where there is none (channel null), even when other channels have one', async () => {
    await store.saveArticle(lead);
    const posted = digestItem(lead.id, 'Edited headline in the digest');
    await store.saveDigest('slack', digest('2024-03-01', [posted]));
    const nowhere = new StoreLibrary(store, { channelId: null });
    expect(await nowhere.digest()).toBeNull();
    expect((await nowhere.item(lead.id))?.headline).toBe(lead.title);
  });
});
