import type { ItemPart } from './types.js';

/**
 * The buttons under each story of a digest, defined once for Slack and Discord: which parts they
 * open, their labels, and the id that carries the story id back when a reader presses one.
 */

export type ButtonPart = Exclude<ItemPart, 'full'>;

export const STORY_BUTTONS: readonly { part: ButtonPart; label: string }[] = [
  { part: 'quotes', label: 'Quotes' },
  { part: 'figures', label: 'Figures' },
  { part: 'source', label: 'Source' },
];

const PREFIX = 'nd';
/** Digests posted before the ids were shared used this prefix on Slack; their buttons keep working. */
const EARLIER_PREFIXES = ['newsdigest'];

/** Matches any story button id: Slack routes button presses with it. */
export const STORY_BUTTON_PATTERN = new RegExp(`^(?:${[PREFIX, ...EARLIER_PREFIXES].join('|')}):(${STORY_BUTTONS.map((b) => b.part).join('|')}):`);

/** `nd:quotes:<story id>`: the story id is the only state a button carries. */
export function encodeStoryButton(part: ButtonPart, itemId: string): string {
  return `${PREFIX}:${part}:${itemId}`;
}

/** The part and story id of a button id, or null for an id that is not a story button. */
export function decodeStoryButton(id: string): { part: ButtonPart; itemId: string } | null {
  const match = STORY_BUTTON_PATTERN.exec(id);
  const itemId = match ? id.slice(match[0].length) : '';
  return match && itemId ? { part: match[1] as ButtonPart, itemId } : null;
}
