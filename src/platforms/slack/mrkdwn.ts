/**
 * Slack mrkdwn for untrusted text. Slack reads `<…>` as links and mentions (`<!channel>`,
 * `<@U123>`, `<https://x|label>`), so `&`, `<` and `>` are escaped as Slack asks; with those gone
 * no article can mention anyone or forge a link. Text objects are also sent with `verbatim: true`
 * so Slack does not turn bare words into mentions or channel links either.
 */

const ELLIPSIS = '…';

export function escapeMrkdwn(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A word joiner keeps "@channel" readable but never a broadcast, whatever the client.
      .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1')
  );
}

/** Cuts `text` to at most `max` UTF-16 units, ending with "…" when cut, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * Escapes `raw` and keeps the result within `max` characters, cutting the raw text (never an
 * entity such as `&amp;` half way).
 */
export function escapeWithin(raw: string, max: number): string {
  const escaped = escapeMrkdwn(raw);
  if (escaped.length <= max) return escaped;
  // Escaping only lengthens text, so the longest raw prefix that fits is found by bisection.
  let fits = 0;
  let tooLong = Math.min(raw.length, max + 1);
  while (tooLong - fits > 1) {
    const keep = (fits + tooLong) >> 1;
    if (escapeMrkdwn(truncate(raw, keep)).length <= max) fits = keep;
    else tooLong = keep;
  }
  return fits > 0 ? escapeMrkdwn(truncate(raw, fits)) : ELLIPSIS;
}

/** An http(s) URL made safe inside `<url|label>`, or null for anything else (javascript:, junk). */
export function safeUrl(url: string | undefined, max = 1000): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // `|` would end the URL part of a Slack link; `&` is escaped like any other text.
  const href = parsed.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;');
  return href.length <= max ? href : null;
}

/** `<url|label>` with an escaped label, or just the escaped label when the URL is unusable. */
export function link(url: string | undefined, label: string, maxLabel: number): string {
  const href = safeUrl(url);
  const text = escapeWithin(label, maxLabel);
  return href ? `<${href}|${text}>` : text;
}

/** A time every reader sees in their own zone, with a UTC fallback for old clients. */
export function slackDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const fallback = new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/**
 * Joins mrkdwn lines within `max` characters: whole lines while they fit, then an ellipsis.
 * Each line must already be escaped and individually within `max`.
 */
export function joinWithin(lines: string[], max: number, separator = '\n'): string {
  let out = '';
  for (const line of lines) {
    const next = out ? out + separator + line : line;
    if (next.length > max)
      return out ? (out.length + separator.length + ELLIPSIS.length <= max ? out + separator + ELLIPSIS : out) : truncate(line, max);
    out = next;
  }
  return out;
}
