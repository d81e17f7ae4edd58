/**
 * What a page's structure says about a block beyond its words: a block that is mostly links
 * ("Related", "More stories", a teaser table) points at other stories and is not article text.
 * The words are data; the rules are a table run in order by `linkBlockRule`.
 */

/** Headings that introduce a list of links to other stories (the whole block, any case, optional colon). */
export const linkListLabels = [
  'related',
  'related stories',
  'related articles',
  'related content',
  'related coverage',
  'related news',
  'related topics',
  'more stories',
  'more news',
  'more on this story',
  'more on this topic',
  'more from this section',
  'more in this section',
  'see also',
  'read more',
  'read next',
  'also read',
  'read also',
  'you may also like',
  'you might also like',
  'recommended',
  'recommended stories',
  'most read',
  'most popular',
  'most viewed',
  'top stories',
  'latest news',
  'latest stories',
  'trending',
  'trending now',
  "editor's picks",
  'editors’ picks',
];

/** Lead-ins to a link at the start of a block ("Read more: …", "Related: …"). */
export const linkLeadIns = ['read more', 'read also', 'also read', 'related', 'see also', 'more', 'watch', 'listen', 'read', 'more on this'];

/** The counts a rule reads about one block. */
export interface BlockStats {
  /** Non-space characters of text in the block. */
  chars: number;
  /** Non-space characters of that text inside links. */
  linkChars: number;
  /** Links holding text. */
  links: number;
  /** The block's text, whitespace collapsed ('' for long blocks, which no text rule needs). */
  text: string;
}

const labelPattern = new RegExp(`^(?:${linkListLabels.map(escapeRegExp).join('|')})\\s*:?$`, 'i');
const leadInPattern = new RegExp(`^(?:${linkLeadIns.map(escapeRegExp).join('|')})\\s*[:|»›>-]`, 'i');
/** A sentence ends here: a linked sentence is story text, a linked headline is not. */
const sentenceEnd = /[.!?…]["”’')]*$/;

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const density = (block: BlockStats): number => (block.chars === 0 ? 0 : block.linkChars / block.chars);

/** Rules that mark a block as links to elsewhere, in the order they are tried. */
export const linkBlockRules: { name: string; test(block: BlockStats): boolean }[] = [
  { name: 'a list of links', test: (block) => block.links >= 2 && density(block) >= 0.5 },
  { name: 'a label of a link list', test: (block) => block.links === 0 && block.text.length <= 40 && labelPattern.test(block.text) },
  {
    name: 'a lead-in and its link',
    test: (block) => block.links >= 1 && block.text.length <= 200 && leadInPattern.test(block.text) && density(block) >= 0.5,
  },
  { name: 'a lone headline link', test: (block) => block.links === 1 && density(block) >= 0.9 && block.text !== '' && !sentenceEnd.test(block.text) },
];

/** The name of the first rule that marks the block as links to elsewhere, or null for article text. */
export function linkBlockRule(block: BlockStats): string | null {
  return linkBlockRules.find((rule) => rule.test(block))?.name ?? null;
}
