import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  embedLength,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { ItemPart, View } from '../../commands/types.js';
import type { Digest, DigestItem, SourceRef } from '../../digest/types.js';
import type { Figure, Quote } from '../../summarize/types.js';
import { describeFigure, describeSource, keyQuotes, quoteSpeaker, quoteWords } from '../../digest/format.js';
import { EmbedLimits, MessageLimits, inert, inertText, truncate } from './limits.js';

/** A message ready for Discord's REST API (channel message, interaction response or webhook). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Always `{ parse: [] }`: nothing a message says can ping anyone. */
  allowed_mentions: { parse: [] };
}

/** The parts a digest message's buttons open. */
export type ButtonPart = Extract<ItemPart, 'quotes' | 'figures' | 'source'>;
const buttonParts: readonly ButtonPart[] = ['quotes', 'figures', 'source'];
const buttonLabels: Record<ButtonPart, string> = { quotes: 'Quotes', figures: 'Figures', source: 'Source' };

/** Stories per digest message: one row of three buttons each, and Discord allows five rows. */
export const storiesPerMessage = MessageLimits.actionRows;

const customIdPrefix = 'nd';
/** Key quotes shown under a story in a digest (all of them are one button away). */
const digestQuotes = 3;
const digestQuoteLength = 300;
/** Keeps a story's embed well inside the 6000-character budget shared by a message. */
const digestSummaryLength = 1500;
const brandColour = 0x2b6cb0;

/** `nd:quotes:<story id>`; the story id is the only state a button carries. */
export function buttonCustomId(part: ButtonPart, itemId: string): string {
  const id = `${customIdPrefix}:${part}:${itemId}`;
  if (id.length > MessageLimits.customId) throw new Error(`story id ${itemId} is too long for a Discord button (${MessageLimits.customId} characters)`);
  return id;
}

export function parseButtonCustomId(customId: string): { part: ButtonPart; itemId: string } | null {
  const [prefix, part, ...rest] = customId.split(':');
  const itemId = rest.join(':');
  if (prefix !== customIdPrefix || !buttonParts.includes(part as ButtonPart) || !itemId) return null;
  return { part: part as ButtonPart, itemId };
}

function message(parts: Partial<Omit<DiscordMessage, 'allowed_mentions'>>): DiscordMessage {
  return { embeds: [], components: [], ...parts, allowed_mentions: { parse: [] } };
}

function quoteField(quote: Quote, maxText: number): APIEmbedField {
  return {
    name: inertText(quote.speaker ? quoteSpeaker(quote) : 'Unattributed', EmbedLimits.fieldName),
    value: `“${inertText(quoteWords(quote), Math.min(maxText, EmbedLimits.fieldValue) - 2)}”`,
  };
}

function figuresField(figures: Figure[]): APIEmbedField | null {
  if (figures.length === 0) return null;
  return { name: 'Casualties', value: truncate(figures.slice(0, 30).map((f) => `• ${inert(describeFigure(f))}`).join('\n'), EmbedLimits.fieldValue) };
}

/** Only http(s) links become embed urls (EmbedBuilder rejects anything else, and so should we). */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function validDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** "Daily News Egypt / AFP", plus how many other sources carried the story. */
function footerText(sources: SourceRef[]): string | undefined {
  const lead = sources[0];
  if (!lead) return undefined;
  const parts = [describeSource(lead)];
  const others = sources.length - 1;
  if (others > 0) parts.push(`+${others} more source${others === 1 ? '' : 's'}`);
  return truncate(parts.join(' · '), EmbedLimits.footer);
}

/** Builds through EmbedBuilder so that discord.js validates every limit, then trims to the message budget. */
function buildEmbed(data: APIEmbed): APIEmbed {
  const fields = (data.fields ?? []).slice(0, EmbedLimits.fields);
  const embed = { ...data, fields };
  // Fields go first, then the description, until the whole embed fits one message's budget.
  while (embedLength(embed) > EmbedLimits.totalPerMessage && embed.fields.length > 0) embed.fields.pop();
  const over = embedLength(embed) - EmbedLimits.totalPerMessage;
  if (over > 0 && embed.description) embed.description = truncate(embed.description, embed.description.length - over);
  const builder = new EmbedBuilder();
  if (embed.title) builder.setTitle(embed.title);
  if (embed.url) builder.setURL(embed.url);
  if (embed.description) builder.setDescription(embed.description);
  if (embed.fields.length) builder.setFields(embed.fields);
  if (embed.footer?.text) builder.setFooter({ text: embed.footer.text });
  if (embed.timestamp) builder.setTimestamp(new Date(embed.timestamp));
  builder.setColor(brandColour);
  return builder.toJSON();
}

/** One story as it appears in a digest: linked headline, summary, key quotes, casualties, source. */
export function storyEmbed(item: DigestItem, position?: number): APIEmbed {
  const figures = figuresField(item.figures);
  const number = position === undefined ? '' : `${position}. `;
  return buildEmbed({
    title: number + inertText(item.headline, EmbedLimits.title - number.length),
    url: safeUrl(item.sources[0]?.url),
    description: inertText(item.summary.join(' '), digestSummaryLength) || undefined,
    fields: [...keyQuotes(item, digestQuotes).map((q) => quoteField(q, digestQuoteLength)), ...(figures ? [figures] : [])],
    footer: { text: footerText(item.sources) ?? '' },
    timestamp: validDate(item.publishedAt ?? item.sources[0]?.publishedAt),
  });
}

function storyButtons(item: DigestItem, position: number): APIActionRowComponent<APIButtonComponent> {
  const empty: Record<ButtonPart, boolean> = { quotes: item.quotes.length === 0, figures: item.figures.length === 0, source: item.sources.length === 0 };
  const buttons = buttonParts.map((part) =>
    new ButtonBuilder()
      .setCustomId(buttonCustomId(part, item.id))
      .setLabel(`${buttonLabels[part]} #${position}`)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(empty[part]),
  );
  return new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON();
}

/**
 * A digest as Discord messages: a header, then one embed and one row of buttons per story,
 * split so that every message stays within 10 embeds, 5 button rows and 6000 characters.
 */
export function renderDigest(digest: Digest): DiscordMessage[] {
  const count = digest.items.length;
  const header = truncate(`**${inert(digest.title)}** · ${digest.date} · ${count} ${count === 1 ? 'story' : 'stories'}`, MessageLimits.content);
  if (count === 0) return [message({ content: `${header}\nNo stories yet for ${digest.date}.` })];
  const messages: DiscordMessage[] = [];
  let current = message({ content: header });
  let length = 0;
  digest.items.forEach((item, index) => {
    const embed = storyEmbed(item, index + 1);
    const size = embedLength(embed);
    const full =
      current.embeds.length >= Math.min(EmbedLimits.embedsPerMessage, storiesPerMessage) || length + size > EmbedLimits.totalPerMessage;
    if (full && current.embeds.length > 0) {
      messages.push(current);
      current = message({});
      length = 0;
    }
    current.embeds.push(embed);
    current.components.push(storyButtons(item, index + 1));
    length += size;
  });
  messages.push(current);
  return messages;
}

function sourceFields(sources: SourceRef[]): APIEmbedField[] {
  return sources.slice(0, EmbedLimits.fields).map((source) => {
    const url = safeUrl(source.url);
    const details = [
      source.agency ? `Agency: ${inert(source.agency)}` : null,
      validDate(source.publishedAt) ? `Published: ${validDate(source.publishedAt)!.slice(0, 16).replace('T', ' ')} UTC` : null,
      url ? `<${url}>` : `From ${inert(source.origin)}`,
    ].filter(Boolean);
    return {
      name: inertText(source.publication ?? source.title, EmbedLimits.fieldName),
      value: truncate(details.join('\n'), EmbedLimits.fieldValue),
    };
  });
}

/** One story, whole or one part of it (the Quotes / Figures / Source buttons, /article). */
export function renderItem(item: DigestItem, part: ItemPart): DiscordMessage {
  const base = {
    title: inertText(item.headline, EmbedLimits.title),
    url: safeUrl(item.sources[0]?.url),
    footer: { text: footerText(item.sources) ?? '' },
    timestamp: validDate(item.publishedAt ?? item.sources[0]?.publishedAt),
  };
  const quotes = [...item.quotes].sort((a, b) => a.rank - b.rank);
  let embed: APIEmbed;
  switch (part) {
    case 'full': {
      const figures = figuresField(item.figures);
      embed = buildEmbed({
        ...base,
        description: inertText(item.summary.join(' '), EmbedLimits.description) || undefined,
        fields: [...quotes.map((q) => quoteField(q, EmbedLimits.fieldValue)), ...(figures ? [figures] : [])],
      });
      break;
    }
    case 'quotes':
      embed = buildEmbed({
        ...base,
        description: quotes.length === 0 ? 'No quotes in this story.' : quotes.length > EmbedLimits.fields ? `${quotes.length} quotes; the first ${EmbedLimits.fields} are shown.` : undefined,
        fields: quotes.map((q) => quoteField(q, EmbedLimits.fieldValue)),
      });
      break;
    case 'figures':
      embed = buildEmbed({
        ...base,
        description:
          item.figures.length === 0
            ? 'No casualty figures in this story.'
            : truncate(
                item.figures.slice(0, 50).map((f) => `• **${inert(describeFigure(f))}**${f.context ? `\n  ${inertText(f.context, 300)}` : ''}`).join('\n'),
                EmbedLimits.description,
              ),
      });
      break;
    case 'source':
      embed = buildEmbed({ ...base, fields: sourceFields(item.sources) });
      break;
  }
  return message({ embeds: [embed] });
}

/** Any command answer as Discord messages (more than one only for long digests). */
export function renderView(view: View): DiscordMessage[] {
  switch (view.kind) {
    case 'digest':
      return renderDigest(view.digest);
    case 'item':
      return [renderItem(view.item, view.part)];
    case 'notice': {
      const prefix = view.tone === 'error' ? '⚠️ ' : '';
      return [message({ content: truncate(prefix + inert(view.text), MessageLimits.content) })];
    }
  }
}
