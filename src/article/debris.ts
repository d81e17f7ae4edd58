/**
 * Recognisers for the debris that feed text carries around an article's story: photo credits
 * and captions, datelines, and the WordPress feed trailer. Each returns what the debris tells.
 */

/** News agencies as they appear in datelines and photo credits. */
const AGENCIES = [
  'AFP',
  'Reuters',
  'AP',
  'Associated Press',
  'UPI',
  'Xinhua',
  'DPA',
  'dpa',
  'EFE',
  'ANSA',
  'Anadolu',
  'Anadolu Agency',
  'AA',
  'SANA',
  'IANS',
  'PTI',
  'Kyodo',
  'TASS',
  'RIA Novosti',
  'Bernama',
  'Yonhap',
  'KUNA',
  'WAM',
  'IRNA',
  'MENA',
  'Bloomberg',
  'CNN',
  'BBC',
  'Al Jazeera',
];
const AGENCY = AGENCIES.map((name) => name.replace(/ /g, '\\s')).join('|');
const DASH = '[-–—]{1,2}';

/** "(AFP PHOTO / POOL / Christian Hartmann)", "(Photo: Reuters)", "(Getty Images)" at a paragraph's end. */
const CREDIT = new RegExp(
  String.raw`\s*\((?:(?<agency>${AGENCY})[\s/]+)?(?:(?:PHOTO|Photo|photo|IMAGE|Image|Picture|FILE PHOTO)\b[^()]{0,120}|[^()]{0,60}(?:Getty Images|AP Photo|Reuters|AFP|Shutterstock)[^()]{0,60})\)\s*$`,
);

export function findCredit(paragraph: string): { index: number; credit: string; agency?: string } | null {
  const match = CREDIT.exec(paragraph);
  if (!match) return null;
  const credit = match[0].trim().slice(1, -1).trim();
  const agency = match.groups?.agency ?? AGENCIES.find((name) => new RegExp(String.raw`(^|[\s/])${name}([\s/]|$)`).test(credit));
  return { index: match.index, credit, agency };
}

/** Paragraphs that describe a picture: people placed (L), (C), (R) or "(L to R)". */
const CAPTION_POSITIONS = /\((?:L|C|R|L-R|R-L|L to R|2nd [LR]|centre|center|left|right|top|bottom)\)/g;
const CAPTION_VERBS = /\b(?:attends?|attended|poses?|posed|pictured|arrives?|gestures?|looks on|is seen|are seen|waves?|shakes hands)\b/;

export function looksLikeCaption(paragraph: string): boolean {
  // One "(R)" may be a party ("Senator Smith (R)"); a caption places people and says what they do.
  const positions = paragraph.match(CAPTION_POSITIONS)?.length ?? 0;
  return positions >= 2 || (positions === 1 && CAPTION_VERBS.test(paragraph));
}

/** "The post <title> appeared first on <Publication>." */
const TRAILER = /^The post\s+[\s\S]+?\s+appeared first on\s+(?<publication>[^\n]+?)\.?\s*$/;

export function findTrailer(paragraph: string): { publication: string } | null {
  const match = TRAILER.exec(paragraph);
  return match?.groups?.publication ? { publication: match.groups.publication.trim() } : null;
}

const PLACE = String.raw`[A-Z][\p{L}.'’-]*(?:[ ,/]{1,2}[A-Z0-9][\p{L}\d.'’-]*){0,5}`;
const CAPS_PLACE = String.raw`[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\p{L}.'’ -]{1,30}?)?`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?`;
const DATELINES: RegExp[] = [
  // "BEIRUT (Reuters) -", "Washington (AFP) –", "UNITED NATIONS, United States (AFP) -"
  new RegExp(String.raw`^(?:${PLACE}\s*)?\((?<agency>${AGENCY})\)\s*${DASH}\s*`, 'u'),
  // "AFP – "
  new RegExp(String.raw`^(?<agency>${AGENCY})\s*${DASH}\s+`, 'u'),
  // "GAZA CITY -", "DAMASCUS, Syria —"
  new RegExp(String.raw`^${CAPS_PLACE}\s*${DASH}\s+`, 'u'),
  // "Wed 05 Apr 2017 ", "12 February 2015 " (feeds that prefix the date)
  new RegExp(String.raw`^(?:${WEEKDAY}\s+)?(?:\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2},?)\s+\d{4}\s+(?=[A-Z"“‘'])`, 'u'),
];

export function findDateline(paragraph: string): { length: number; text: string; agency?: string } | null {
  for (const pattern of DATELINES) {
    const match = pattern.exec(paragraph);
    // A dateline is short and is followed by the story itself.
    if (match && match[0].length <= 80 && match[0].length < paragraph.length - 20) {
      return { length: match[0].length, text: match[0].trim(), agency: match.groups?.agency };
    }
  }
  return null;
}

/** `long` begins with the words of `short`, whatever the quotation marks, case and spacing. */
export function startsWithWords(long: string, short: string): boolean {
  // Punctuation and spacing change lengths a little, never by half: skip the work when they can't match.
  if (short.length > long.length * 1.5 + 10) return false;
  const ws = words(short);
  return ws.length > 0 && words(long).startsWith(ws);
}

/** Same words in the same order, whatever the quotation marks, punctuation, case and spacing. */
export function sameWords(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > Math.min(a.length, b.length) / 2 + 10) return false;
  const wa = words(a);
  return wa.length > 0 && wa === words(b);
}

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
