/**
 * Synthetic news articles for the benchmark: composed from templates with invented names, so the
 * bench runs anywhere (no corpus needed) and exercises every stage of the summarizer: datelines,
 * captions and trailers, quotes attributed in every position (before, after, split, pronouns,
 * "according to"), casualty figures in digits, words, ranges and vague amounts, numbers that are
 * not casualties, curly and straight quotes, and thousands with their commas stripped.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives the same articles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amira', 'Tomas', 'Leila', 'Jonas', 'Priya', 'Marek', 'Sofia', 'Idris', 'Helena', 'Karim', 'Ines', 'Viktor', 'Nadia', 'Oren'];
const LAST = ['Varga', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Castellanos', 'Brandt', 'Nakamura', 'Ferreira', 'Kowal', 'Aziz', 'Dunmore'];
const TITLES = ['Foreign Minister', 'Senator', 'Governor', 'spokeswoman', 'spokesman', 'General', 'Mayor', 'President', 'Dr.', 'police chief'];
const ORGS = [
  'the Northern Relief Council',
  'the Ministry of Health',
  'the Harbour Workers Union',
  'the Coastal Monitoring Group',
  'the National Election Board',
  'the Red Valley Hospital',
];
const PLACES = ['Port Alden', 'Vesna', 'Kharim Valley', 'Lowmarsh', 'Tarsel', 'New Corran', 'the eastern district', 'Belmont Heights'];
const AGENCIES = ['AFP', 'Reuters', 'AP'];
const PUBLICATIONS = ['The Daily Courier', 'Evening Ledger', 'Harbour Times'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CAUSES = ['a car bomb', 'shelling', 'an air strike', 'a landslide', 'a fire at a market', 'clashes between rival groups'];
const VICTIMS = ['people', 'civilians', 'soldiers', 'children', 'workers', 'passengers'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty'];
const VAGUE = ['dozens of', 'hundreds of', 'scores of', 'thousands of', 'tens of'];
const QUALIFIERS = ['at least', 'more than', 'nearly', 'up to', 'about', 'over', 'some'];
const QUOTE_PARTS = [
  'we will not accept any attempt to undermine the talks',
  'the people of this city deserve better than empty promises',
  'our teams are working around the clock to reach the wounded',
  'this is a tragedy that could have been prevented',
  'nobody should have to live in fear of the next attack',
  'we have asked for a full and independent investigation',
  'the budget will be balanced within two years',
  'I am confident that both sides will return to the table',
  'there is no military solution to this conflict',
  'the numbers are still rising and we expect more victims',
  'we call on all parties to respect the ceasefire',
  'it is too early to say who was behind the attack',
];
const FILLER = [
  'The talks are expected to resume next week after a pause of several months.',
  'Officials said the road to the airport had been closed as a precaution.',
  'The council approved a budget of 4.5 million dollars for repairs, up 12% from last year.',
  'Turnout in the 2016 vote reached 63 percent, according to official figures.',
  'Residents said electricity had been cut for most of the day.',
  'The company employs 1,200 people at its plant outside the city.',
  'Analysts expect the decision to weigh on markets in the coming days.',
  'Schools in the area will remain closed until further notice.',
];

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function person(rng: Rng): { full: string; last: string; title: string } {
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  return { full: `${first} ${last}`, last, title: pick(rng, TITLES) };
}

function quoteText(rng: Rng): string {
  const parts = [pick(rng, QUOTE_PARTS)];
  if (rng() < 0.5) parts.push(pick(rng, QUOTE_PARTS));
  const text = parts.join(', and ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A casualty amount in one of the ways reporters write it. */
function amount(rng: Rng, commas: boolean): string {
  const r = rng();
  if (r < 0.15) return pick(rng, NUMBER_WORDS);
  if (r < 0.25) return pick(rng, VAGUE);
  if (r < 0.35) {
    const low = 5 + Math.floor(rng() * 40);
    return `between ${low} and ${low + 5 + Math.floor(rng() * 20)}`;
  }
  const n = rng() < 0.2 ? 1000 + Math.floor(rng() * 400000) : 2 + Math.floor(rng() * 300);
  const digits = commas ? n.toLocaleString('en-US') : String(n);
  return rng() < 0.5 ? `${pick(rng, QUALIFIERS)} ${digits}` : digits;
}

function attributedQuote(rng: Rng, open: string, close: string): string[] {
  const p = person(rng);
  const org = pick(rng, ORGS);
  const q = quoteText(rng);
  switch (Math.floor(rng() * 6)) {
    case 0:
      return [`${open}${q},${close} said ${p.title} ${p.full} of ${org}.`];
    case 1:
      return [`${p.full}, the ${p.title.toLowerCase()} of ${org}, told reporters: ${open}${q}.${close}`];
    case 2:
      return [`${open}${q},${close} ${p.full} said. ${open}${quoteText(rng)}.${close}`];
    case 3:
      return [`${p.title} ${p.full} spoke briefly after the meeting.`, `${open}${q},${close} ${rng() < 0.5 ? 'she' : 'he'} added.`];
    case 4:
      return [`${open}${q},${close} ${org.replace(/^the /, 'The ')} said in a statement.`];
    default:
      return [`${p.last} said the situation was ${open}${q.toLowerCase()}${close}, according to a transcript released by ${org}.`];
  }
}

function casualtyParagraph(rng: Rng, commas: boolean): string {
  const place = pick(rng, PLACES);
  const cause = pick(rng, CAUSES);
  const killed = amount(rng, commas);
  const victims = pick(rng, VICTIMS);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return `${cap(killed)} ${victims} were killed and ${amount(rng, commas)} wounded when ${cause} hit ${place} on ${pick(rng, DAYS)}.`;
    case 1:
      return `The death toll from ${cause} in ${place} rose to ${killed}, ${pick(rng, ORGS)} said.`;
    case 2:
      return `${cap(cause)} killed ${killed} ${victims} in ${place}, according to ${pick(rng, ORGS)}, which said ${amount(rng, commas)} more were missing.`;
    default:
      return `Since ${pick(rng, ['March', 'June', 'October'])}, ${killed} ${victims} have died and ${amount(rng, commas)} have fled their homes.`;
  }
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** One synthetic article: title line, blank line, paragraphs separated by blank lines. */
export function syntheticArticle(rng: Rng): string {
  const straight = rng() < 0.3; // degraded feeds: straight quotes
  const commas = rng() < 0.6; // and sometimes thousands without commas
  const [open, close] = straight ? ['"', '"'] : ['“', '”'];
  const place = pick(rng, PLACES);
  const lead = person(rng);
  const title = rng() < 0.5 ? `${cap(amount(rng, commas))} killed in ${place} as talks stall` : `${lead.full} vows to restore order in ${place}`;
  const paragraphs: string[] = [];
  if (rng() < 0.25) paragraphs.push(title); // feed debris: the title repeated
  const dateline = rng() < 0.6 ? `${place.replace(/^the /, '').toUpperCase()} (${pick(rng, AGENCIES)}) - ` : '';
  paragraphs.push(
    `${dateline}${lead.title} ${lead.full} on ${pick(rng, DAYS)} promised to restore order in ${place} after ${pick(rng, CAUSES)} left the town in shock.`,
  );
  if (rng() < 0.3)
    paragraphs.push(`${lead.full} speaks to the press in ${place} on ${pick(rng, DAYS)}. (${pick(rng, AGENCIES)} PHOTO / ${person(rng).full})`);
  const count = 6 + Math.floor(rng() * 14);
  for (let i = 0; i < count; i++) {
    const r = rng();
    if (r < 0.35) paragraphs.push(...attributedQuote(rng, open, close));
    else if (r < 0.6) paragraphs.push(casualtyParagraph(rng, commas));
    else paragraphs.push(Array.from({ length: 2 + Math.floor(rng() * 3) }, () => pick(rng, FILLER)).join(' '));
  }
  if (rng() < 0.3) paragraphs.push(`The post ${title} appeared first on ${pick(rng, PUBLICATIONS)}.`);
  const text = [title, ...paragraphs].join('\n\n');
  return commas ? text : text.replace(/(\d),(\d{3})/g, '$1$2');
}

/** `n` articles from one seed. */
export function syntheticArticles(n: number, seed = 1): string[] {
  const rng = prng(seed);
  return Array.from({ length: n }, () => syntheticArticle(rng));
}
