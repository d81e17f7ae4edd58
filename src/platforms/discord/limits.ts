import { stripControl } from '../../digest/format.js';

/**
 * Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Everything the renderer produces is cut to these before discord.js validates it.
 */
export const EmbedLimits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author of every embed in one message. */
  totalPerMessage: 6000,
  embedsPerMessage: 10,
} as const;

export const MessageLimits = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** Application command choices (autocomplete answers). */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** `nonce` of a message create. */
  nonce: 25,
} as const;

/**
 * Cuts text to `max` UTF-16 units, ending in "…" when cut. Never splits a surrogate pair or
 * leaves a lone escaping backslash at the end (which would escape the ellipsis instead).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let cut = text.slice(0, end);
  // An odd run of trailing backslashes would escape the "…"; drop one.
  const backslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Makes article text inert in Discord: markdown is shown literally (no masked links, headings,
 * quotes, lists or spoilers), and `@everyone`, `@here` and `<@…>` / `<#…>` mention syntax cannot
 * ping or render as mentions. Messages are also sent with `allowed_mentions: { parse: [] }`; this
 * is the second line of defence, and keeps embeds (where Discord renders mentions) clean.
 *
 * One linear pass of regular expressions rather than discord.js's escapeMarkdown, which takes
 * about 400 ms on 10 kB of text: a 40-story digest must render well inside Discord's 3 seconds.
 */
export function inert(text: string): string {
  return stripControl(text)
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^(\s*)(#{1,3}\s|-#\s|>|[-+]\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#|\/)/g, '<\u200b$1');
}

/** Inert text cut to a limit. */
export function inertText(text: string, max: number): string {
  // Cut first, so that no more text than can be shown is ever escaped.
  return truncate(inert(truncate(text, max)), max);
}
