import { describe, expect, it } from 'vitest';
import { renderDigest, renderView } from '../../../src/platforms/terminal/render.js';
import { storyDigest } from '../../fakes/stories.js';

const plain = { color: false, width: 80 };

describe('terminal renderer', () => {
  it('prints a numbered digest with sources and summaries, no colour codes when asked', () => {
    const text = renderDigest(storyDigest(), plain);
    expect(text).toMatch(/^━━ News digest for 2026-11-27 ━━ {2}\(3 stories\)\n/);
    expect(text).toContain('Harbour bridge reopens after repairs');
    expect(text).toContain('Coast Herald / Reuters');
    expect(text).not.toMatch(/\u001b\[/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('colours when asked', () => {
    expect(renderDigest(storyDigest(), { color: true, width: 80 })).toMatch(/\u001b\[1m/);
  });

  it('strips escape sequences and bidi overrides that article text carries', () => {
    const digest = storyDigest();
    digest.items[0]!.headline = 'Evil \u001b[2J\u001b[31mheadline\u202e';
    const text = renderDigest(digest, plain);
    expect(text).toContain('Evil [2J[31mheadline');
    expect(text).not.toMatch(/\u001b|\u202e/);
  });

  it('says under the title which sources could not be read, wrapped and stripped, with or without stories', () => {
    const unreadSources = [{ name: 'city-news\u001b[2J', reason: 'timed out' }];
    const text = renderDigest({ ...storyDigest(), unreadSources }, plain);
    const [title, ...lines] = text.split('\n');
    expect(title).toMatch(/^━━ News digest for 2026-11-27 ━━/);
    expect(lines.slice(0, 2).join(' ')).toBe(
      'Not in this digest: feed “city-news[2J” could not be read (timed out); its latest stories follow in the next digest once it can be read.',
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/\u001b/);
    const empty = renderDigest({ ...storyDigest(), items: [], unreadSources }, plain);
    expect(empty).toContain('could not be read (timed out)');
    expect(empty).toContain('No stories for this digest.');
  });

  it('renders a story part and notices', () => {
    const item = storyDigest().items[0]!;
    expect(renderView({ kind: 'item', item, part: 'source', visibility: 'private' }, plain)).toContain('Source: ');
    expect(renderView({ kind: 'notice', tone: 'usage', text: 'Usage: /article <number|words>', visibility: 'private' }, plain)).toBe(
      'Usage: /article <number|words>\n',
    );
  });
});
