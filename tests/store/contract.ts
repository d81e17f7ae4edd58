import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleFilter, ArticleStore, DeliveryLedger, DigestStore, FeedStateStore, LeaseStore, Store } from '../../src/store/types.js';
import { article, digest, digestItem, type StoreFixture } from './fixtures.js';

const at = (iso: string) => new Date(iso);
const key = { channelId: 'slack-general', date: '2024-03-01' };

/**
 * The one suite every Store implementation must pass, one part per small store (each part sees
 * only its own interface). `makeFixture` gives a store on a fresh,
 * empty database that has not been migrated yet.
 */
export function storeContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`${name} store`, () => {
    let fixture: StoreFixture;
    let store: Store;
    /** A second connection to the same database when the implementation has one, else the same store. */
    const other = async () => (fixture.connect ? fixture.connect() : store);

    beforeEach(async () => {
      fixture = await makeFixture();
      store = fixture.store;
      await store.migrate();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    describe('migrations', () => {
      it('applies once: migrating again keeps the data', async () => {
        await store.saveArticle(article({ title: 'Kept', text: 'Kept across migrations.' }));
        await store.migrate();
        await store.migrate();
        expect((await store.searchArticles('kept', 5)).map((a) => a.title)).toEqual(['Kept']);
        expect(await store.ping()).toBe(true);
      });

      it('lets two stores migrate one fresh database at the same time', async () => {
        const fresh = await makeFixture();
        try {
          const second = fresh.connect ? await fresh.connect() : fresh.store;
          await Promise.all([fresh.store.migrate(), second.migrate(), fresh.store.migrate()]);
          await fresh.store.saveArticle(article({ title: 'Both see it', text: 'Written by the first store.' }));
          expect((await second.searchArticles('both', 5)).map((a) => a.title)).toEqual(['Both see it']);
        } finally {
          await fresh.dispose();
        }
      });
    });

    describe('articles', () => {
      /** Only the ArticleStore, as the code that uses it sees the store. */
      let articles: ArticleStore;
      beforeEach(() => {
        articles = store.stores.articles;
      });

      it('keeps every field and the summary as saved', async () => {
        const saved = article({
          title: 'Talks resume in Geneva',
          text: 'Talks resume in Geneva\n\nDelegations met on Friday.',
          url: 'https://news.example/geneva',
          publication: 'Daily News',
          agency: 'AFP',
          author: 'A. Writer',
          publishedAt: '2024-03-01T05:30:00+02:00',
        });
        expect(await articles.saveArticle(saved)).toEqual({ stored: true, id: saved.id });
        expect(await articles.getArticle(saved.id)).toEqual({ ...saved, storyId: saved.id });
        expect(await articles.getArticle('missing')).toBeNull();
      });

      it('skips an article whose URL is already stored, ignoring tracking parameters and fragments', async () => {
        const first = article({ title: 'First', text: 'First version.', url: 'https://news.example/a' });
        await articles.saveArticle(first);
        const again = article({ title: 'Updated', text: 'Updated version.', url: 'https://news.example/a' });
        expect(await articles.saveArticle(again)).toEqual({ stored: false, id: first.id });
        const tracked = article({ title: 'Feed', text: 'Via the feed.', url: 'https://NEWS.example/a?utm_source=rss#top' });
        expect(await articles.saveArticle(tracked)).toEqual({ stored: false, id: first.id });
        expect(await articles.getArticle(again.id)).toBeNull();
        expect((await articles.getArticle(first.id))?.title).toBe('First');
      });

      it('skips an article whose content hash is already stored, under another URL', async () => {
        const wire = article({ title: 'Wire story', text: 'The same wire text.', url: 'https://one.example/x' });
        await articles.saveArticle(wire);
        const copy = article({
          id: 'copy-id',
          title: 'Wire story',
          text: 'The same wire text.',
          url: 'https://two.example/y',
          sourceId: 'other',
        });
        expect(copy.contentHash).toBe(wire.contentHash);
        expect(await articles.saveArticle(copy)).toEqual({ stored: false, id: wire.id });
        // Articles without a URL are told apart by their text alone.
        expect((await articles.saveArticle(article({ title: 'No URL 1', text: 'One.' }))).stored).toBe(true);
        expect((await articles.saveArticle(article({ title: 'No URL 2', text: 'Two.' }))).stored).toBe(true);
      });

      it('groups articles of one story under the id of its first article', async () => {
        const lead = article({ title: 'Quake hits coast', text: 'A quake hit the coast.', ingestedAt: '2024-03-01T06:00:00.000Z' });
        const second = article({
          title: 'Coast quake',
          text: 'The coast was hit by a quake.',
          storyId: lead.id,
          ingestedAt: '2024-03-01T07:00:00.000Z',
        });
        // Joining via a member of the story still lands in the lead's story.
        const third = article({ title: 'Quake aftermath', text: 'After the quake.', storyId: second.id, ingestedAt: '2024-03-01T05:00:00.000Z' });
        const unrelated = article({ title: 'Market closes', text: 'Markets closed higher.' });
        for (const a of [lead, second, third, unrelated]) await articles.saveArticle(a);

        expect((await articles.getArticle(third.id))?.storyId).toBe(lead.id);
        expect((await articles.storyArticles(lead.id)).map((a) => a.id)).toEqual([lead.id, third.id, second.id]);
        expect((await articles.storyArticles(unrelated.id)).map((a) => a.id)).toEqual([unrelated.id]);
      });

      it('lists articles since a time, oldest first, optionally from some sources', async () => {
        const early = article({ title: 'Early', text: 'Early.', ingestedAt: '2024-03-01T01:00:00.000Z' });
        const late = article({ title: 'Late', text: 'Late.', ingestedAt: '2024-03-01T09:00:00.000Z', sourceId: 'bbc' });
        const middle = article({ title: 'Middle', text: 'Middle.', ingestedAt: '2024-03-01T05:00:00+02:00' });
        for (const a of [late, early, middle]) await articles.saveArticle(a);

        const titles = (list: { title: string }[]) => list.map((a) => a.title);
        expect(titles(await articles.articlesSince(at('2024-03-01T02:00:00Z')))).toEqual(['Middle', 'Late']);
        expect(titles(await articles.articlesSince(at('2024-03-01T00:00:00Z'), { sourceIds: ['bbc'] }))).toEqual(['Late']);
        expect(await articles.articlesSince(at('2024-03-01T00:00:00Z'), { sourceIds: [] })).toEqual([]);
        expect((await articles.getArticle(middle.id))?.ingestedAt).toBe('2024-03-01T03:00:00.000Z');
      });

      it('leaves out the sources whose id starts with a prefix, its % and _ matching only themselves', async () => {
        const from = (sourceId: string, title: string) =>
          article({ sourceId, title, text: `${title} happened.`, ingestedAt: '2024-03-01T06:00:00.000Z' });
        for (const a of [
          from('chat-1a2b', 'Subscribed from chat'),
          from('CHAT-upper', 'Prefix in capitals'),
          from('chatter', 'No hyphen'),
          from('wire', 'Config feed'),
          from('ab%_x', 'Literal wildcards'),
          from('abcdx', 'Would match an unescaped %'),
          from('ab%zx', 'Would match an unescaped _'),
          from('ab\\x', 'Backslash'),
        ])
          await articles.saveArticle(a);
        const titles = async (filter: ArticleFilter) => (await articles.articlesSince(at('2024-03-01T00:00:00Z'), filter)).map((a) => a.title).sort();

        expect(await titles({ excludeSourcePrefix: 'chat-' })).toEqual(
          ['No hyphen', 'Config feed', 'Literal wildcards', 'Would match an unescaped %', 'Would match an unescaped _', 'Backslash'].sort(),
        );
        expect(await titles({ excludeSourcePrefix: 'ab%_' })).not.toContain('Literal wildcards');
        expect(await titles({ excludeSourcePrefix: 'ab%_' })).toHaveLength(7);
        expect(await titles({ excludeSourcePrefix: 'ab\\' })).toHaveLength(7);
        expect(await titles({ excludeSourcePrefix: 'ab\\' })).not.toContain('Backslash');
        // Both filters at once: the sources named, less the excluded ones.
        expect(await titles({ sourceIds: ['chat-1a2b', 'wire'], excludeSourcePrefix: 'chat-' })).toEqual(['Config feed']);
        // An empty prefix leaves nothing out.
        expect(await titles({ excludeSourcePrefix: '' })).toHaveLength(8);
      });

      it('searches headline and text, every word required, headline matches first', async () => {
        await articles.saveArticle(article({ title: 'Floods in the north', text: 'Rain fell on the valley.', ingestedAt: '2024-03-01T01:00:00Z' }));
        await articles.saveArticle(
          article({ title: 'Harvest report', text: 'Floods in the NORTH ruined the harvest.', ingestedAt: '2024-03-01T02:00:00Z' }),
        );
        await articles.saveArticle(
          article({ title: 'Budget vote', text: 'Parliament voted on 100% of the budget.', ingestedAt: '2024-03-01T03:00:00Z' }),
        );

        const titles = async (query: string, limit = 10) => (await articles.searchArticles(query, limit)).map((a) => a.title);
        expect(await titles('floods north')).toEqual(['Floods in the north', 'Harvest report']);
        expect(await titles('FLOODS')).toEqual(['Floods in the north', 'Harvest report']);
        expect(await titles('floods budget')).toEqual([]);
        expect(await titles('floods', 1)).toEqual(['Floods in the north']);
        // Wildcards in the query are plain characters.
        expect(await titles('%')).toEqual([]);
        expect(await titles('   ')).toEqual([]);
        expect(await titles("100% budget'; DROP TABLE articles; --")).toEqual([]);
        expect(await titles('100 budget')).toEqual(['Budget vote']);
        // A word far longer than any headline is cut, not sent whole (SQLite refuses huge LIKE patterns).
        expect(await titles('x'.repeat(60_000))).toEqual([]);
        expect(await titles(`floods${'s'.repeat(60_000)}`)).toEqual([]);
      });
    });

    describe('digests', () => {
      /** Only the DigestStore, as the code that uses it sees the store. */
      let digests: DigestStore;
      beforeEach(() => {
        digests = store.stores.digests;
      });

      it('returns the latest digest, or one channel and date', async () => {
        expect(await digests.getDigest({})).toBeNull();
        const monday = digest('2024-03-04', [digestItem('a1', 'Monday story')]);
        const tuesday = digest('2024-03-05', [digestItem('b1', 'Tuesday story')]);
        const discordMonday = digest('2024-03-04', [digestItem('c1', 'Discord story')], '2024-03-04T09:00:00.000Z');
        await digests.saveDigest('slack', tuesday);
        await digests.saveDigest('slack', monday);
        await digests.saveDigest('discord', discordMonday);

        expect(await digests.getDigest({})).toEqual(tuesday);
        expect(await digests.getDigest({ channelId: 'discord' })).toEqual(discordMonday);
        expect(await digests.getDigest({ channelId: 'slack', date: '2024-03-04' })).toEqual(monday);
        expect(await digests.getDigest({ date: '2024-03-04' })).toEqual(discordMonday);
        expect(await digests.getDigest({ date: '2024-03-06' })).toBeNull();
      });

      it('replaces the digest of the same channel and date', async () => {
        await digests.saveDigest('slack', digest('2024-03-04', [digestItem('a1', 'Draft')]));
        const rebuilt = digest('2024-03-04', [digestItem('a2', 'Rebuilt')], '2024-03-04T07:00:00.000Z');
        await digests.saveDigest('slack', rebuilt);
        expect(await digests.getDigest({ channelId: 'slack' })).toEqual(rebuilt);
      });

      it('finds a story in the most recent digest that carries it', async () => {
        await digests.saveDigest('slack', digest('2024-03-04', [digestItem('s1', 'Old headline'), digestItem('s2', 'Other')]));
        await digests.saveDigest('slack', digest('2024-03-05', [digestItem('s1', 'New headline')]));
        await digests.saveDigest('discord', digest('2024-03-06', [digestItem('s2', 'On Discord')]));

        expect((await digests.findDigestItem('s1'))?.headline).toBe('New headline');
        expect((await digests.findDigestItem('s2'))?.headline).toBe('On Discord');
        expect((await digests.findDigestItem('s2', 'slack'))?.headline).toBe('Other');
        expect(await digests.findDigestItem('nope')).toBeNull();
      });
    });

    describe('delivery ledger', () => {
      /** Only the DeliveryLedger, as the code that uses it sees the store. */
      let ledger: DeliveryLedger;
      beforeEach(() => {
        ledger = store.stores.ledger;
      });

      it('remembers whether the last failure was retryable', async () => {
        await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:00Z'));
        expect(await ledger.failDelivery(key, 'channel_not_found', at('2024-03-01T08:00:01Z'), undefined, false)).toBe(true);
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'failed', retryable: false, lastError: 'channel_not_found' });
        await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:30:00Z'));
        await ledger.failDelivery(key, 'HTTP 503', at('2024-03-01T08:30:01Z'));
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'failed', retryable: true });
      });

      it('claims a delivery once; a second claim gets null', async () => {
        const claim = await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:00Z'));
        expect(claim).toEqual({
          ...key,
          status: 'claimed',
          owner: 'replica-a',
          claimedAt: '2024-03-01T08:00:00.000Z',
          messageIds: [],
          attempts: 1,
          retryable: true,
        });
        expect(await ledger.claimDelivery(key, 'replica-b', at('2024-03-01T08:00:01Z'))).toBeNull();
        expect(await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:02Z'))).toBeNull();
        expect(await ledger.getDelivery(key)).toEqual(claim);
        // Another date or channel is another delivery.
        expect(await ledger.claimDelivery({ ...key, date: '2024-03-02' }, 'replica-b', at('2024-03-02T08:00:00Z'))).not.toBeNull();
        expect(await ledger.claimDelivery({ ...key, channelId: 'discord' }, 'replica-b', at('2024-03-01T08:00:00Z'))).not.toBeNull();
      });

      it('lets exactly one of many concurrent claimers win', async () => {
        const second = (await other()).stores.ledger;
        const stores = [ledger, second, ledger, second, ledger, second, ledger, second];
        const claims = await Promise.all(stores.map((s, i) => s.claimDelivery(key, `replica-${i}`, at('2024-03-01T08:00:00Z'))));
        const winners = claims.filter((c) => c !== null);
        expect(winners).toHaveLength(1);
        expect((await second.getDelivery(key))?.owner).toBe(winners[0]!.owner);
      });

      it('completes a delivery with the message ids; a posted delivery cannot be claimed or failed', async () => {
        await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:00Z'));
        await ledger.completeDelivery(key, ['C1/1709280000.0001', 'C1/1709280000.0002'], at('2024-03-01T08:00:03Z'));
        const posted = await ledger.getDelivery(key);
        expect(posted).toMatchObject({
          status: 'posted',
          postedAt: '2024-03-01T08:00:03.000Z',
          messageIds: ['C1/1709280000.0001', 'C1/1709280000.0002'],
          attempts: 1,
        });
        expect(await ledger.claimDelivery(key, 'replica-b', at('2024-03-01T09:00:00Z'))).toBeNull();
        await ledger.failDelivery(key, 'late failure', at('2024-03-01T09:00:00Z'));
        await ledger.completeDelivery(key, ['other'], at('2024-03-01T09:00:00Z'));
        expect(await ledger.getDelivery(key)).toEqual(posted);
      });

      it('refuses to complete a delivery nobody claimed', async () => {
        await expect(ledger.completeDelivery(key, ['m1'], at('2024-03-01T08:00:00Z'))).rejects.toThrow(/no delivery was claimed/);
      });

      it('lets a failed delivery be claimed again, counting attempts', async () => {
        await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:00Z'));
        await ledger.failDelivery(key, 'Slack answered 503', at('2024-03-01T08:00:05Z'));
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'failed', lastError: 'Slack answered 503' });

        const [a, b] = await Promise.all([
          ledger.claimDelivery(key, 'replica-b', at('2024-03-01T08:05:00Z')),
          (await other()).stores.ledger.claimDelivery(key, 'replica-c', at('2024-03-01T08:05:00Z')),
        ]);
        const retry = a ?? b;
        expect([a, b].filter((c) => c !== null)).toHaveLength(1);
        expect(retry).toMatchObject({ status: 'claimed', attempts: 2, claimedAt: '2024-03-01T08:05:00.000Z' });
        await ledger.completeDelivery(key, ['m2'], at('2024-03-01T08:05:01Z'));
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'posted', messageIds: ['m2'], attempts: 2 });
      });

      it('records the parts of a long digest as they go out, kept across a failure for the retry', async () => {
        const claim = (await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T08:00:00Z')))!;
        expect(await ledger.recordDeliveryParts(key, ['p1'], claim)).toBe(true);
        expect(await ledger.recordDeliveryParts(key, ['p1', 'p2'], claim)).toBe(true);
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'claimed', messageIds: ['p1', 'p2'] });
        // Only the live claim records: not another owner, not an earlier attempt.
        expect(await ledger.recordDeliveryParts(key, ['x'], { owner: 'replica-b', attempts: 1 })).toBe(false);
        expect(await ledger.recordDeliveryParts(key, ['x'], { owner: 'replica-a', attempts: 2 })).toBe(false);
        await ledger.failDelivery(key, 'posted 2 of 3 parts', at('2024-03-01T08:00:05Z'));
        expect(await ledger.recordDeliveryParts(key, ['x'], claim)).toBe(false);
        // The retry's claim carries the parts already in the channel; completing records all of them.
        const retry = (await (await other()).stores.ledger.claimDelivery(key, 'replica-b', at('2024-03-01T08:01:00Z')))!;
        expect(retry).toMatchObject({ attempts: 2, messageIds: ['p1', 'p2'] });
        await ledger.completeDelivery(key, ['p1', 'p2', 'p3'], at('2024-03-01T08:01:01Z'));
        expect(await ledger.getDelivery(key)).toMatchObject({ status: 'posted', messageIds: ['p1', 'p2', 'p3'] });
        expect(await ledger.recordDeliveryParts(key, ['x'], retry)).toBe(false);
      });

      it('releases a stale claim once when two processes resolve it at the same time', async () => {
        await ledger.claimDelivery(key, 'dead-replica', at('2024-03-01T08:00:00Z'));
        const [stale] = await ledger.staleClaims(at('2024-03-01T09:00:00Z'));
        const second = (await other()).stores.ledger;

        // Replica A releases the dead claim and claims it afresh…
        expect(await ledger.failDelivery(key, 'stopped before posting', at('2024-03-01T09:00:00Z'), stale)).toBe(true);
        const fresh = await ledger.claimDelivery(key, 'replica-a', at('2024-03-01T09:00:01Z'));
        expect(fresh).toMatchObject({ owner: 'replica-a', attempts: 2 });
        // …so replica B, resolving the same stale row, must not release A's live claim.
        expect(await second.failDelivery(key, 'stopped before posting', at('2024-03-01T09:00:02Z'), stale)).toBe(false);
        expect(await second.claimDelivery(key, 'replica-b', at('2024-03-01T09:00:03Z'))).toBeNull();
        expect(await second.getDelivery(key)).toMatchObject({ status: 'claimed', owner: 'replica-a' });
        // Without `expected`, failing releases whatever claim is live.
        expect(await second.failDelivery(key, 'Slack answered 503', at('2024-03-01T09:00:04Z'))).toBe(true);
        expect(await ledger.failDelivery(key, 'again', at('2024-03-01T09:00:05Z'))).toBe(false);
      });

      it('reports claims left behind by a crash, older than a cutoff', async () => {
        const crashed = { channelId: 'slack', date: '2024-03-01' };
        const recent = { channelId: 'discord', date: '2024-03-01' };
        const done = { channelId: 'terminal', date: '2024-03-01' };
        await ledger.claimDelivery(crashed, 'dead-replica', at('2024-03-01T08:00:00Z'));
        await ledger.claimDelivery(recent, 'live-replica', at('2024-03-01T08:09:00Z'));
        await ledger.claimDelivery(done, 'dead-replica', at('2024-03-01T07:00:00Z'));
        await ledger.completeDelivery(done, ['t1'], at('2024-03-01T07:00:01Z'));

        const stale = await ledger.staleClaims(at('2024-03-01T08:05:00Z'));
        expect(stale.map((d) => [d.channelId, d.owner])).toEqual([['slack', 'dead-replica']]);
        expect((await ledger.listDeliveries()).map((d) => d.channelId).sort()).toEqual(['discord', 'slack', 'terminal']);
        expect((await ledger.listDeliveries('slack')).map((d) => d.status)).toEqual(['claimed']);
      });
    });

    describe('feed state', () => {
      /** Only the FeedStateStore, as the code that uses it sees the store. */
      let feedState: FeedStateStore;
      beforeEach(() => {
        feedState = store.stores.feedState;
      });

      it('saves and reads back a feed state', async () => {
        const url = 'https://feeds.example/world.xml';
        expect(await feedState.getFeedState(url)).toBeNull();
        const state = {
          url,
          etag: '"abc"',
          lastModified: 'Fri, 01 Mar 2024 06:00:00 GMT',
          lastPolledAt: '2024-03-01T06:00:00.000Z',
          nextPollAt: '2024-03-01T06:15:00.000Z',
          consecutiveFailures: 0,
        };
        await feedState.saveFeedState(state);
        expect(await feedState.getFeedState(url)).toEqual(state);
        const failing = { url, consecutiveFailures: 2, lastError: 'HTTP 500', lastPolledAt: '2024-03-01T07:00:00.000Z' };
        await feedState.saveFeedState(failing);
        expect(await feedState.getFeedState(url)).toEqual(failing);
      });

      it('marks keys seen and returns only those not seen before, in order', async () => {
        const url = 'https://feeds.example/world.xml';
        expect(await feedState.markSeen(url, ['g1', 'g2', 'g1'])).toEqual(['g1', 'g2']);
        expect(await feedState.markSeen(url, ['g3', 'g2', 'g4'])).toEqual(['g3', 'g4']);
        expect(await feedState.markSeen(url, [])).toEqual([]);
        // Each feed has its own keys.
        expect(await feedState.markSeen('https://feeds.example/other.xml', ['g1'])).toEqual(['g1']);
      });

      it('gives each key to exactly one of two concurrent callers', async () => {
        const url = 'https://feeds.example/world.xml';
        const keys = Array.from({ length: 40 }, (_, i) => `item-${i}`);
        const second = (await other()).stores.feedState;
        const results = await Promise.all([
          feedState.markSeen(url, keys),
          second.markSeen(url, [...keys].reverse()),
          feedState.markSeen(url, keys.slice(10, 30)),
        ]);
        const all = results.flat();
        expect(all.sort()).toEqual([...keys].sort());
      });

      it('claims a due poll for one caller; saving the outcome releases it until the next poll time; a dead claim lapses', async () => {
        const url = 'https://feeds.example/world.xml';
        expect(await feedState.notDue([url], at('2024-03-01T06:00:00Z'))).toEqual(new Set());
        expect(await feedState.claimPoll(url, 'a', at('2024-03-01T06:00:00Z'), at('2024-03-01T06:05:00Z'))).toBe(true);
        expect(await feedState.claimPoll(url, 'b', at('2024-03-01T06:01:00Z'), at('2024-03-01T06:06:00Z'))).toBe(false);
        expect(await feedState.notDue([url, 'https://feeds.example/other.xml'], at('2024-03-01T06:01:00Z'))).toEqual(new Set([url]));
        // The claim is not part of the state a poll reads.
        expect(await feedState.getFeedState(url)).toEqual({ url, consecutiveFailures: 0 });
        await feedState.saveFeedState({
          url,
          nextPollAt: '2024-03-01T06:15:00.000Z',
          lastPolledAt: '2024-03-01T06:00:00.000Z',
          consecutiveFailures: 0,
        });
        expect(await feedState.claimPoll(url, 'b', at('2024-03-01T06:14:00Z'), at('2024-03-01T06:19:00Z'))).toBe(false);
        expect(await feedState.claimPoll(url, 'b', at('2024-03-01T06:15:00Z'), at('2024-03-01T06:20:00Z'))).toBe(true);
        // b died mid-poll: its claim holds until 06:20, then lapses.
        expect(await feedState.claimPoll(url, 'a', at('2024-03-01T06:19:59Z'), at('2024-03-01T06:25:00Z'))).toBe(false);
        expect(await feedState.claimPoll(url, 'a', at('2024-03-01T06:20:00Z'), at('2024-03-01T06:25:00Z'))).toBe(true);
      });

      it('gives a due poll to exactly one of many replicas asking at once', async () => {
        const url = 'https://feeds.example/shared.xml';
        const second = (await other()).stores.feedState;
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? second : feedState).claimPoll(url, `replica-${i}`, at('2024-03-01T06:00:00Z'), at('2024-03-01T06:05:00Z')),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('leases', () => {
      /** Only the LeaseStore, as the code that uses it sees the store. */
      let leases: LeaseStore;
      beforeEach(() => {
        leases = store.stores.leases;
      });

      it('takes a free lease, renews it for its owner, refuses others until it expires', async () => {
        expect(await leases.tryLease('scheduler', 'a', 30_000, at('2024-03-01T08:00:00Z'))).toBe(true);
        expect(await leases.tryLease('scheduler', 'b', 30_000, at('2024-03-01T08:00:10Z'))).toBe(false);
        // Renewal by the owner pushes the expiry to 08:00:50.
        expect(await leases.tryLease('scheduler', 'a', 30_000, at('2024-03-01T08:00:20Z'))).toBe(true);
        expect(await leases.tryLease('scheduler', 'b', 30_000, at('2024-03-01T08:00:40Z'))).toBe(false);
        // Expired: b takes over, and a is now the one refused.
        expect(await leases.tryLease('scheduler', 'b', 30_000, at('2024-03-01T08:00:50Z'))).toBe(true);
        expect(await leases.tryLease('scheduler', 'a', 30_000, at('2024-03-01T08:01:00Z'))).toBe(false);
        // Leases are independent by name.
        expect(await leases.tryLease('fetcher', 'a', 30_000, at('2024-03-01T08:01:00Z'))).toBe(true);
      });

      it('gives a released lease to the next asker; only the owner can release', async () => {
        await leases.tryLease('scheduler', 'a', 60_000, at('2024-03-01T08:00:00Z'));
        await leases.releaseLease('scheduler', 'b');
        expect(await leases.tryLease('scheduler', 'b', 60_000, at('2024-03-01T08:00:01Z'))).toBe(false);
        await leases.releaseLease('scheduler', 'a');
        expect(await leases.tryLease('scheduler', 'b', 60_000, at('2024-03-01T08:00:02Z'))).toBe(true);
      });

      it('lets exactly one of many concurrent askers take a lease', async () => {
        const second = (await other()).stores.leases;
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? second : leases).tryLease('fire:digest:2024-03-01T08:00', `replica-${i}`, 60_000, at('2024-03-01T08:00:00Z')),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
