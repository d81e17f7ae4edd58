import { describe, expect, it } from 'vitest';
import { linkBlockRule, type BlockStats } from '../../src/sources/page-signals.js';

/** A block's counts from its text and the part of it that is links. */
function block(text: string, linked: string[]): BlockStats {
  const chars = (value: string) => value.replace(/\s+/g, '').length;
  return { chars: chars(text), linkChars: linked.reduce((sum, link) => sum + chars(link), 0), links: linked.length, text };
}

describe('linkBlockRule', () => {
  it.each([
    ['Related Storm closes crossing Pilots hired', ['Storm closes crossing', 'Pilots hired'], 'a list of links'],
    ['Related', [], 'a label of a link list'],
    ['More stories:', [], 'a label of a link list'],
    ['YOU MAY ALSO LIKE', [], 'a label of a link list'],
    ['Read more: How the storm hit the island', ['How the storm hit the island'], 'a lead-in and its link'],
    ['Watch | The first crossing after the storm', ['The first crossing after the storm'], 'a lead-in and its link'],
    ['Timeline of the closure', ['Timeline of the closure'], 'a lone headline link'],
  ])('%j is links to elsewhere (%s)', (text, linked, rule) => {
    expect(linkBlockRule(block(text, linked))).toBe(rule);
  });

  it.each([
    ['Harbour master Ama Osei said the pier was not damaged.', ['Ama Osei']],
    ['The harbour office published its full storm report on Monday.', ['The harbour office published its full storm report on Monday.']],
    ['Related work on the pier will start in spring, the office said.', []],
    ['More than 80 passengers crossed on Tuesday.', []],
    ['Fare: 4 euros', ['4 euros']],
    ['Ferries between Gull Island and the mainland ran twice a day before the storm and six times a day in summer.', ['Gull Island', 'mainland']],
  ])('%j is article text', (text, linked) => {
    expect(linkBlockRule(block(text, linked))).toBeNull();
  });
});
