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
import { STORY_BUTTONS, encodeStoryButton, type ButtonPart } from '../../commands/buttons.js';
import type { ItemPart, View } from '../../commands/types.js';
import type { Digest, DigestItem, SourceRef, StoryQuote } from '../../digest/types.js';
import {
  describeDevelopment,
  describeSource,
  describeSourceCount,
  describeStoryDay,
  describeStoryFigure,
  describeUnreadSources,
  quoteOutlets,
  quoteSpeaker,
  quoteWords,
} from '../../digest/format.js';
import { selectForDigest, selectInFull, type StorySelection } from '../../digest/select.js';
import { EmbedLimits, MessageLimits, inert, inertText, truncate } from './limits.js';

/** A message ready for Discord's REST API (channel message, interaction response or webhook). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Always `{ parse: [] }`: nothing a message says can ping anyone. */
  allowed_mentions: { parse: [] };
}

/** Stories per digest message: one row of three buttons each, and Discord allows five rows. */
export const storiesPerMessage = MessageLimits.actionRows;

const digestQuoteLength = 300;
/** Keeps a story's embed well inside the 6000-character budget shared by a message. */
const digestSummaryLength = 1500;
const brandColour = 0x2b6cb0;

/** `nd:quotes:<story id>`; the story id is the only state a button carries. */
export function buttonCustomId(part: ButtonPart, itemId: string): string {
  const id = encodeStoryButton(part, itemId);
  if (id.length > MessageLimits.customId)
    throw new Error(`story id ${itemId} is too long for a Discord button (${MessageLimits.customId} characters)`);
  return id;
}

function message(parts: Partial<Omit<DiscordMessage, 'allowed_mentions'>>): DiscordMessage {
  return { embeds: [], components: [], ...parts, allowed_mentions: { parse: [] } };
}

/** A quote as a field: the speaker as its name; the words, then the outlets that carried it when the story has several. */
function quoteField(quote: StoryQuote, maxText: number, attributed: boolean): APIEmbedField {
  const outlets = quoteOutlets(quote, attributed);
  const via = outlets ? `\n— ${inertText(outlets, 200)}` : '';
  return {
    name: inertText(quote.speaker ? quoteSpeaker(quote) : 'Unattributed', EmbedLimits.fieldName),
    value: `“${inertText(quoteWords(quote), Math.min(maxText, EmbedLimits.fieldValue - via.length) - 2)}”${via}`,
  };
}

function figuresField(shown: StorySelection): APIEmbedField | null {
  if (shown.figures.length === 0) return null;
  const lines = shown.figures.slice(0, 30).map((f) => `• ${inert(describeStoryFigure(f, shown.attributed))}`);
  return { name: 'Casualties', value: truncate(lines.join('\n'), EmbedLimits.fieldValue) };
}

/** "**Developing since 27 Nov:** …" above the summary of a story the channel has seen before. */
function developmentText(item: DigestItem): string {
  return item.development ? `**${inertText(describeDevelopment(item.development), 600)}**\n` : '';
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

/** "Daily News Egypt / AFP", plus how many outlets carried the story ("3 sources"). */
function footerText(item: DigestItem): string | undefined {
  const lead = item.sources[0];
  if (!lead) return undefined;
  const parts = [describeSource(lead)];
  const count = describeSourceCount(item);
  if (count) parts.push(count);
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
  const shown = selectForDigest(item);
  const figures = figuresField(shown);
  const number = position === undefined ? '' : `${position}. `;
  return buildEmbed({
    title: number + inertText(item.headline, EmbedLimits.title - number.length),
    url: safeUrl(item.sources[0]?.url),
    description: developmentText(item) + inertText(item.summary.join(' '), digestSummaryLength) || undefined,
    fields: [...shown.quotes.map((q) => quoteField(q, digestQuoteLength, shown.attributed)), ...(figures ? [figures] : [])],
    footer: { text: footerText(item) ?? '' },
    timestamp: validDate(item.publishedAt ?? item.sources[0]?.publishedAt),
  });
}

function storyButtons(item: DigestItem, position: number): APIActionRowComponent<APIButtonComponent> {
  const empty: Record<ButtonPart, boolean> = {
    quotes: item.quotes.length === 0,
    figures: item.figures.length === 0,
    source: item.sources.length === 0,
  };
  const buttons = STORY_BUTTONS.map(({ part, label }) =>
    new ButtonBuilder()
      .setCustomId(buttonCustomId(part, item.id))
      .setLabel(`${label} #${position}`)
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
  const title = `**${inert(digest.title)}** · ${digest.date} · ${count} ${count === 1 ? 'story' : 'stories'}`;
  // Sources that could not be read are said under the title, before any story.
  const unread = describeUnreadSources(digest);
  const header = truncate(unread ? `${title}\n⚠️ ${inert(unread)}` : title, MessageLimits.content);
  if (count === 0) return [message({ content: `${header}\nNo stories yet for ${digest.date}.` })];
  const messages: DiscordMessage[] = [];
  let current = message({ content: header });
  let length = 0;
  digest.items.forEach((item, index) => {
    const embed = storyEmbed(item, index + 1);
    const size = embedLength(embed);
    const full = current.embeds.length >= Math.min(EmbedLimits.embedsPerMessage, storiesPerMessage) || length + size > EmbedLimits.totalPerMessage;
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

/** Each day's figures and sources of a story followed across days. */
function timelineField(item: DigestItem): APIEmbedField | null {
  if (!item.timeline || item.timeline.length < 2) return null;
  return { name: 'Timeline', value: truncate(item.timeline.map((day) => `• ${inert(describeStoryDay(day))}`).join('\n'), EmbedLimits.fieldValue) };
}

/** One story, whole or one part of it (the Quotes / Figures / Source buttons, /article). */
export function renderItem(item: DigestItem, part: ItemPart): DiscordMessage {
  const base = {
    title: inertText(item.headline, EmbedLimits.title),
    url: safeUrl(item.sources[0]?.url),
    footer: { text: footerText(item) ?? '' },
    timestamp: validDate(item.publishedAt ?? item.sources[0]?.publishedAt),
  };
  const shown = selectInFull(item);
  const quotes = shown.quotes;
  let embed: APIEmbed;
  switch (part) {
    case 'full': {
      const figures = figuresField(shown);
      const timeline = timelineField(item);
      const development = developmentText(item);
      embed = buildEmbed({
        ...base,
        description: development + inertText(item.summary.join(' '), EmbedLimits.description - development.length) || undefined,
        // A developing story's figures and timeline come first, so that many quotes cannot push them out of the embed.
        fields: timeline
          ? [...(figures ? [figures] : []), timeline, ...quotes.map((q) => quoteField(q, EmbedLimits.fieldValue, shown.attributed))]
          : [...quotes.map((q) => quoteField(q, EmbedLimits.fieldValue, shown.attributed)), ...(figures ? [figures] : [])],
      });
      break;
    }
    case 'quotes':
      embed = buildEmbed({
        ...base,
        description:
          quotes.length === 0
            ? 'No quotes in this story.'
            : quotes.length > EmbedLimits.fields
              ? `${quotes.length} quotes; the first ${EmbedLimits.fields} are shown.`
              : undefined,
        fields: quotes.map((q) => quoteField(q, EmbedLimits.fieldValue, shown.attributed)),
      });
      break;
    case 'figures':
      embed = buildEmbed({
        ...base,
        description:
          shown.figures.length === 0
            ? 'No casualty figures in this story.'
            : truncate(
                shown.figures
                  .slice(0, 50)
                  .map((f) => `• **${inert(describeStoryFigure(f, shown.attributed))}**${f.context ? `\n  ${inertText(f.context, 300)}` : ''}`)
                  .join('\n'),
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
