import { decodeHTMLStrict } from 'entities';

/**
 * Text normalised for reading, with a map back to the text as it was read. Only a few edits
 * change lengths (CRLF → LF, HTML entities → characters); `toRaw` maps through them.
 */
export interface NormalizedText {
  text: string;
  toRaw(offset: number): number;
}

// Entities and carriage returns are the only edits; everything else keeps its offset.
const EDITS = /\r\n?|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

export function normalizeText(raw: string): NormalizedText {
  const input = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const shift = input === raw ? 0 : 1;
  // Edited positions as (offset in output, offset in raw) pairs, ascending.
  const outAt: number[] = [];
  const rawAt: number[] = [];
  let out = '';
  let last = 0;
  for (const match of input.matchAll(EDITS)) {
    const at = match.index;
    const source = match[0];
    const replacement = source[0] === '\r' ? '\n' : decodeEntity(source);
    if (replacement === source) continue;
    out += input.slice(last, at);
    outAt.push(out.length);
    rawAt.push(at + shift);
    out += replacement;
    last = at + source.length;
    outAt.push(out.length);
    rawAt.push(last + shift);
  }
  if (outAt.length === 0) {
    return { text: sameLengthCleanup(input), toRaw: (offset) => offset + shift };
  }
  out += input.slice(last);
  return {
    text: sameLengthCleanup(out),
    toRaw(offset) {
      // The last edit boundary at or before `offset`; past it, offsets move in step.
      let lo = 0;
      let hi = outAt.length - 1;
      if (offset < outAt[0]!) return offset + shift;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (outAt[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return rawAt[lo]! + (offset - outAt[lo]!);
    },
  };
}

/**
 * Edits that keep every offset: odd spaces read as plain spaces, and NUL (which no database
 * text column accepts, and which only binary junk carries) becomes the replacement character.
 */
function sameLengthCleanup(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/\u0000/g, '\ufffd');
}

function decodeEntity(entity: string): string {
  const decoded = decodeHTMLStrict(entity);
  // Non-breaking and other odd spaces read as plain spaces; line breaks stay structure.
  return decoded.replace(/[\u00a0\u2007\u202f]/g, ' ');
}
