/**
 * Bytes to text the way browsers and feed readers do: a byte-order mark, else the Content-Type
 * charset, else what the document declares (XML declaration or <meta charset>), else UTF-8.
 */
export function decodeText(body: Buffer, contentType?: string): string {
  const label = bomCharset(body) ?? headerCharset(contentType) ?? declaredCharset(body) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    // An unknown label (a typo in the feed) is no reason to lose the feed: read it as UTF-8.
    return new TextDecoder('utf-8').decode(body);
  }
}

function bomCharset(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function headerCharset(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

function declaredCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 2048).toString('latin1');
  return head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1] ?? head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}
