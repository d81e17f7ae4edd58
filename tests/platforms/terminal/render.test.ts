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

  it('renders a story part and notices', () => {
    const item = storyDigest().items[0]!;
    expect(renderView({ kind: 'item', item, part: 'source', visibility: 'private' }, plain)).toContain('Source: ');
    expect(renderView({ kind: 'notice', tone: 'usage', text: 'Usage: /article <number|words>', visibility: 'private' }, plain)).toBe(
      'Usage: /article <number|words>\n',
    );
  });
});
