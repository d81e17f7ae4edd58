import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import type { KnownBlock } from '@slack/types';
import type { webApi } from '@slack/bolt';
import { checkMessage, SLACK_LIMITS, type SlackMessage } from '../../../src/platforms/slack/limits.js';
import { escapeMrkdwn, escapeWithin, safeUrl } from '../../../src/platforms/slack/mrkdwn.js';
import { STORY_BUTTON_PATTERN } from '../../../src/commands/buttons.js';
import { renderDigest, renderItem, renderView } from '../../../src/platforms/slack/render.js';
import type { Digest, DigestItem } from '../../../src/digest/types.js';
import { digestOf, figure, hostileStory, quote, story } from './fixtures.js';

/** Every text string in a message, wherever Block Kit puts it (plain_text ones only when asked). */
function texts(message: SlackMessage, { plain = true } = {}): string[] {
  const out = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.text === 'string') {
        if (plain || object.type !== 'plain_text') out.push(object.text);
      }
      for (const inner of Object.values(object)) walk(inner);
    }
  };
  walk(message.blocks);
  return out;
}

/** The `<…>` tokens Slack would interpret: only our own links and dates may appear. */
function slackTokens(message: SlackMessage): string[] {
  // A word joiner right after "<" (used in plain_text) keeps a token inert.
  return texts(message).flatMap((text) => text.match(/<(?!\u2060)[^>]*>/g) ?? []);
}

function expectHarmless(message: SlackMessage, allowedUrls: string[]): void {
  for (const token of slackTokens(message)) {
    if (token.startsWith('<!date^')) {
      expect(token).toMatch(/^<!date\^\d+\^\{date_short_pretty\} \{time\}\|[\d: -]+UTC>$/);
      continue;
    }
    const url = /^<(https?:\/\/[^|<>\s]+)\|[^<]*>$/.exec(token)?.[1];
    expect(url, `unexpected Slack token ${token}`).toBeDefined();
    expect(allowedUrls).toContain(url);
  }
  for (const text of texts(message)) {
    expect(text).not.toMatch(/<[!@#](?!date\^)/);
    expect(text).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)/i);
  }
  // In mrkdwn every & starts an entity: no raw ampersand reaches Slack's parser.
  for (const text of texts(message, { plain: false })) expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

function expectValid(messages: SlackMessage[]): void {
  for (const message of messages) expect(checkMessage(message)).toEqual([]);
}

describe('Slack Block Kit renderer', () => {
  it('says under the header which sources could not be read, escaped, also when no story came', () => {
    const unreadSources = [{ name: '<!channel> & co', reason: 'timed out' }];
    for (const digest of [
      { ...digestOf(2), unreadSources },
      { ...digestOf(0), unreadSources },
    ]) {
      const [message] = renderDigest(digest);
      expectValid([message!]);
      expectHarmless(message!, ['https://news.example.com/ferry-1', 'https://news.example.com/ferry-2']);
      expect(message!.blocks[2]).toEqual({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: ':warning: Not in this digest: feed “&lt;!channel&gt; &amp; co” could not be read (timed out); its latest stories follow in the next digest once it can be read.',
            verbatim: true,
          },
        ],
      });
    }
    expect(JSON.stringify(renderDigest(digestOf(1)))).not.toContain('Not in this digest');
  });

  it('renders a digest: header, one section per story with linked headline, key quotes, figures, context and buttons', () => {
    const [message, ...rest] = renderDigest(digestOf(2));
    expect(rest).toEqual([]);
    expectValid([message!]);
    const blocks = message!.blocks;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Morning digest — 2026-03-02', emoji: false } });
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections).toHaveLength(2);
    const second = (sections[1] as { text: { text: string; verbatim: boolean } }).text;
    expect(second.verbatim).toBe(true);
    expect(second.text).toContain('*<https://news.example.com/ferry-2|River ferry service resumes in town 2>*');
    expect(second.text).toContain('ran again on Monday');
    expect(second.text).toContain('> “We are glad to have the crossing back” — _Mara Ellison_');
    expect(second.text).toContain('> “Repairs took longer than planned” — _the harbour office_');
    expect(second.text).not.toContain('quiet week'); // not a key quote
    expect(second.text).toContain('*Figures:* at least 3 passengers injured');
    const context = blocks.find((b) => b.type === 'context' && JSON.stringify(b).includes('Riverside'));
    expect(JSON.stringify(context)).toContain('The Riverside Courier / Valley Press Agency');
    expect(JSON.stringify(context)).toContain('<!date^1772436600^');
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(2);
    // Story 1 has no figures, so no Figures button; story 2 has all three.
    const ids = actions.map((a) => (a as { elements: { action_id: string; value: string }[] }).elements.map((e) => `${e.action_id}=${e.value}`));
    expect(ids).toEqual([
      ['nd:quotes:story-1=story-1', 'nd:source:story-1=story-1'],
      ['nd:quotes:story-2=story-2', 'nd:figures:story-2=story-2', 'nd:source:story-2=story-2'],
    ]);
    for (const id of ids.flat()) expect(id).toMatch(STORY_BUTTON_PATTERN);
    expect(blocks.at(-1)?.type).not.toBe('divider');
  });

  it('splits a digest of 40 stories over messages of at most 50 blocks, in order, without cutting a story', () => {
    const digest = digestOf(40);
    const messages = renderDigest(digest);
    expect(messages.length).toBe(4); // 4 blocks a story: 12 in the first message (after the header), 12, 12, 4
    expectValid(messages);
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(messages[0]!.blocks[0]!.type).toBe('header');
    for (const message of messages.slice(1)) expect(message.blocks.some((b) => b.type === 'header')).toBe(false);
    expect(messages.map((m) => m.text)).toEqual([1, 2, 3, 4].map((i) => `Morning digest — 2026-03-02 (${i}/4)`));
    // Each story once, in digest order, with its section and its buttons in the same message.
    const seen = messages.flatMap((message) =>
      message.blocks.flatMap((block) => (block.type === 'section' ? [/town (\d+)>/.exec(block.text?.text ?? '')?.[1]] : [])),
    );
    expect(seen).toEqual(digest.items.map((_, i) => String(i + 1)));
    for (const message of messages) {
      const sectionIds = message.blocks.flatMap((b) => (b.type === 'section' ? [/ferry-(\d+)/.exec(b.text?.text ?? '')?.[1]] : []));
      const buttonIds = message.blocks.flatMap((b) =>
        b.type === 'actions' ? [(b.elements[0] as { value: string }).value.replace('story-', '')] : [],
      );
      expect(buttonIds).toEqual(sectionIds);
    }
  });

  it('honours a smaller block budget (several short messages)', () => {
    const messages = renderDigest(digestOf(5), { maxBlocks: 10 });
    expectValid(messages);
    expect(messages.every((m) => m.blocks.length <= 10)).toBe(true);
    expect(messages.flatMap((m) => m.blocks.filter((b) => b.type === 'actions'))).toHaveLength(5);
  });

  it('renders an empty digest as one message that says so', () => {
    const messages = renderDigest({ ...digestOf(0), items: [] });
    expectValid(messages);
    expect(JSON.stringify(messages)).toContain('No stories for this digest yet.');
  });

  it('makes article text harmless: <!channel>, <@U123>, & and forged links are escaped', () => {
    const item = hostileStory();
    const digest: Digest = { ...digestOf(1), title: 'Digest <!channel> & more', items: [item] };
    const views = [
      ...renderDigest(digest),
      renderItem(item, 'full'),
      renderItem(item, 'quotes'),
      renderItem(item, 'figures'),
      renderItem(item, 'source'),
    ];
    expectValid(views);
    const allowed = ['https://news.example.com/a?x=1&amp;y=%3C2%3E%7C3'];
    for (const message of views) expectHarmless(message, allowed);
    const section = JSON.stringify(renderDigest(digest)[0]);
    expect(section).toContain('Alert &lt;!channel&gt; &lt;!here&gt;');
    expect(section).toContain('&lt;@U123&gt; &amp;');
    expect(section).toContain('&lt;https://evil.example|click here&gt;');
    expect(section).toContain('@\u2060channel');
  });

  it('never lets any text break the limits or form a mention (property)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 5000 }),
      fc.constantFrom('<!channel>', '<@U1>', '&', '&amp;', '|', '>'.repeat(4000)),
    );
    const arbitraryStory = fc.record({
      headline: text,
      summary: fc.array(text, { maxLength: 4 }),
      quotes: fc.array(fc.tuple(text, fc.option(text)), { maxLength: 12 }),
      publication: fc.option(text, { nil: undefined }),
      url: fc.option(fc.oneof(fc.webUrl(), text), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryStory, { minLength: 1, maxLength: 15 }), text, (stories, title) => {
        const items: DigestItem[] = stories.map((s, i) =>
          story(i, {
            id: `s${i}`,
            headline: s.headline,
            summary: s.summary,
            quotes: s.quotes.map(([q, who]) => quote(q, who)),
            figures: [figure({ kind: 'missing', count: 12, text: s.headline.slice(0, 300), context: s.headline })],
            sources: [{ articleId: `a${i}`, title: s.headline, publication: s.publication, url: s.url, origin: 'x' }],
          }),
        );
        const messages = [
          ...renderDigest({ date: '2026-03-02', title, items, generatedAt: '2026-03-02T08:00:00Z' }),
          ...items.map((item) => renderItem(item, 'full')),
        ];
        for (const message of messages) {
          expect(checkMessage(message)).toEqual([]);
          for (const t of texts(message)) expect(t).not.toMatch(/<[@#]|<!(?!date\^)/);
          expect(checkMessage(message)).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 20260302 },
    );
  });

  it('renders /article in full within the limits even for a huge story', () => {
    const many = Array.from({ length: 120 }, (_, i) => quote(`"${'word '.repeat(300)}${i}"`, `Speaker ${i}`, i < 3, i + 1));
    const item = story(1, {
      headline: 'H'.repeat(500),
      summary: ['S'.repeat(6000)],
      quotes: many,
      figures: Array.from({ length: 30 }, () => figure({ kind: 'displaced', count: 1200, context: 'C'.repeat(2000) })),
    });
    const full = renderItem(item, 'full');
    expectValid([full]);
    expect(full.blocks[0]).toMatchObject({ type: 'header' });
    expect((full.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect(full.blocks.length).toBe(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(full.blocks.at(-1))).toContain('Cut short');
    expectValid([renderItem(item, 'quotes'), renderItem(item, 'figures'), renderItem(item, 'source')]);
  });

  it('renders the button parts: every quote with its speaker, figures with context, sources with links', () => {
    const item = story(2);
    const quotes = JSON.stringify(renderItem(item, 'quotes'));
    expect(quotes).toContain('It was a quiet week'); // all quotes, not just key ones
    expect(quotes).toContain('_Mara Ellison_');
    const figures = JSON.stringify(renderItem(item, 'figures'));
    expect(figures).toContain('at least 3 passengers injured');
    expect(figures).toContain('old ramp gave way');
    const source = JSON.stringify(renderItem(item, 'source'));
    expect(source).toContain('<https://news.example.com/ferry-2|River ferry service resumes in town 2>');
    expect(source).toContain('The Riverside Courier / Valley Press Agency');
    const none = renderItem(story(1, { figures: [] }), 'figures');
    expect(JSON.stringify(none)).toContain('This story has no casualty figures.');
  });

  it('renders notices with their tone, escaped', () => {
    const [usage] = renderView({ kind: 'notice', tone: 'usage', text: 'Usage: /article <number|words>', visibility: 'private' });
    expectValid([usage!]);
    expect(JSON.stringify(usage)).toContain('Usage: /article &lt;number|words&gt;');
  });

  it('produces @slack/types blocks that chat.postMessage accepts', () => {
    const [message] = renderDigest(digestOf(3));
    expectTypeOf(message!.blocks).toEqualTypeOf<KnownBlock[]>();
    const args: webApi.ChatPostMessageArguments = { channel: 'C123', text: message!.text, blocks: message!.blocks };
    expect(args.blocks).toHaveLength(message!.blocks.length);
  });

  it('flags broken messages in the limit check', () => {
    const bad: SlackMessage = {
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'z'.repeat(76) }, action_id: 'a' },
            { type: 'button', text: { type: 'plain_text', text: 'ok' }, action_id: 'a' },
          ],
        },
        ...Array.from({ length: 48 }, (): KnownBlock => ({ type: 'divider' })),
      ],
    };
    const problems = checkMessage(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'text: empty fallback text',
        'blocks: 51 (limit 50)',
        'blocks[0] (header): text has 151 characters (limit 150)',
        'blocks[1] (section): text has 3001 characters (limit 3000)',
        'blocks[2] (actions).elements[0]: text has 76 characters (limit 75)',
        'blocks[2] (actions).elements[1]: action_id "a" is used twice',
      ]),
    );
  });
});

describe('mrkdwn helpers', () => {
  it('escapes the three characters Slack reads as markup', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('cuts escaped text without splitting an entity', () => {
    const cut = escapeWithin('&'.repeat(100), 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/^(&amp;)+…$/);
  });

  it('accepts only http(s) links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://x.example/a|b')).toBe('https://x.example/a%7Cb');
  });
});
