import { describe, expect, it } from 'vitest';
import { STORY_BUTTONS, decodeStoryButton, encodeStoryButton } from '../../src/commands/buttons.js';

describe('story buttons, defined once for Slack and Discord', () => {
  it('offers Quotes, Figures and Source', () => {
    expect(STORY_BUTTONS.map((button) => [button.part, button.label])).toEqual([
      ['quotes', 'Quotes'],
      ['figures', 'Figures'],
      ['source', 'Source'],
    ]);
  });

  it.each(STORY_BUTTONS.map((button) => button.part))('encodes and decodes the %s button, ids with colons included', (part) => {
    for (const itemId of ['story-1', 'a:b:c']) expect(decodeStoryButton(encodeStoryButton(part, itemId))).toEqual({ part, itemId });
  });

  it.each([
    ['a button of an earlier Slack digest', 'newsdigest:figures:story-2', { part: 'figures', itemId: 'story-2' }],
    ['another app’s id', 'other:quotes:1', null],
    ['an unknown part', 'nd:delete:1', null],
    ['no story id', 'nd:quotes:', null],
  ] as const)('decodes %s', (_case, id, decoded) => {
    expect(decodeStoryButton(id)).toEqual(decoded);
  });
});
