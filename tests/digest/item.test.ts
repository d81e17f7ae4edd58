import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { describeSourceCount, describeStoryFigure } from '../../src/digest/format.js';
import { toDigestItem } from '../../src/digest/item.js';
import { storyRecord } from '../../src/digest/record.js';
import { independentReports, outletName } from '../../src/digest/outlets.js';
import { entry } from './stories.fixtures.js';

const valley = () => entry('quakeWireValley', { publication: 'Valley Post', agency: 'Northwire', url: 'https://valleypost.example/quake' });
const harbor = () => entry('quakeWireHarbor', { publication: 'Harbor Times', agency: 'Northwire', url: 'https://harbortimes.example/quake' });
const herald = () => entry('quakeHerald', { publication: 'Coast Herald', url: 'https://coastherald.example/quake' });
const courier = () => entry('quakeDayTwo', { publication: 'Mountain Courier', url: 'https://courier.example/quake' });
const ferry = () => entry('ferry', { publication: 'Kalda Daily' });

describe('a merged story keeps every source’s facts', () => {
  it('counts wire copy republished by two sites as one outlet', () => {
    const item = toDigestItem(valley(), [harbor()]);
    expect(item.sources.map(outletName)).toEqual(['Valley Post', 'Harbor Times']);
    expect(item.outletCount).toBe(1);
    expect(describeSourceCount(item)).toBe('1 source, on 2 sites');
    // The wire story's figure is one figure carried by both sites.
    const killed = item.figures.filter((figure) => figure.kind === 'killed');
    expect(killed.map((figure) => describeStoryFigure(figure, true))).toEqual(['at least 700 people killed (Valley Post, Harbor Times)']);
  });

  it('counts an outlet’s own reporting apart from the wire copy', () => {
    const item = toDigestItem(valley(), [harbor(), herald()]);
    expect(item.outletCount).toBe(2);
    expect(describeSourceCount(item)).toBe('2 sources');
  });

  it.each([
    ['same publication, different text', { publication: 'Coast Herald' }, { publication: 'Coast Herald' }, 'quakeHerald', 'quakeDayTwo', 1],
    [
      'same agency, different text',
      { publication: 'A', agency: 'Northwire' },
      { publication: 'B', agency: 'Northwire' },
      'quakeWireValley',
      'quakeHerald',
      2,
    ],
    ['no agency, verbatim copy', { publication: 'A' }, { publication: 'B' }, 'quakeWireValley', 'quakeWireHarbor', 1],
    [
      'different agencies, near-identical text',
      { publication: 'A', agency: 'Northwire' },
      { publication: 'B', agency: 'Southwire' },
      'quakeWireValley',
      'quakeWireHarbor',
      1,
    ],
    ['different outlets, different text', { publication: 'A' }, { publication: 'B' }, 'quakeHerald', 'quakeDayTwo', 2],
  ] as const)('independent reports: %s', (_case, outletA, outletB, articleA, articleB, reports) => {
    expect(independentReports([entry(articleA, outletA), entry(articleB, outletB)])).toHaveLength(reports);
  });

  it.each([
    ['keeps most of the wire text', 0.6, 1],
    ['keeps under half of the wire text', 0.4, 2],
  ] as const)('independent reports: a site crediting the agency that %s', (_case, share, reports) => {
    const wire = entry('quakeWireValley', { publication: 'A', agency: 'Northwire' });
    const words = wire.body.split(' ');
    const shortened = {
      ...entry('quakeWireValley', { publication: 'B', agency: 'Northwire' }),
      body: words.slice(0, Math.round(words.length * share)).join(' '),
    };
    expect(independentReports([wire, shortened])).toHaveLength(reports);
  });

  it('keeps disagreeing figures side by side, each with the outlets that reported it', () => {
    const item = toDigestItem(valley(), [harbor(), herald()]);
    const killed = item.figures.filter((figure) => figure.kind === 'killed').map((figure) => describeStoryFigure(figure, true));
    expect(killed).toEqual(['at least 700 people killed (Valley Post, Harbor Times)', '750 people killed (Coast Herald)']);
    // Disagreeing figures about the same thing stand next to each other.
    const kinds = item.figures.map((figure) => figure.kind);
    expect(kinds.indexOf('killed') + 1).toBe(kinds.lastIndexOf('killed'));
  });

  it('shows the same quotation carried by several outlets once, with all of them, and keeps every other quote', () => {
    const item = toDigestItem(herald(), [valley(), harbor()]);
    expect(item.quotes.map((quote) => [quote.speaker, quote.outlets])).toEqual([
      ['Lena Vostrik', ['Coast Herald', 'Valley Post', 'Harbor Times']],
      ['Tomas Brell', ['Coast Herald']],
    ]);
    expect(item.quotes.map((quote) => quote.rank)).toEqual([1, 2]);
  });

  it('reads one outlet’s headline figure and its body’s qualified figure as one', () => {
    const item = toDigestItem(courier());
    expect(item.figures.filter((figure) => figure.kind === 'killed').map((figure) => describeStoryFigure(figure, false))).toEqual([
      'at least 820 killed',
    ]);
  });

  it('ranks stories by independent outlets before anything else; wire copy on two sites counts once', () => {
    const entries = [ferry(), valley(), harbor(), herald(), courier()];
    const digest = buildDigest(entries, {
      date: '2026-11-27',
      now: new Date('2026-11-27T08:00:00Z'),
      // Grouping is the same-story engine's job; here the groups are given.
      groupSameStory: ([ferryStory, valleyStory, harborStory, heraldStory, courierStory]) => [
        [ferryStory!],
        [valleyStory!, harborStory!],
        [heraldStory!, courierStory!],
      ],
    });
    expect(digest.items.map((item) => [item.headline, item.outletCount])).toEqual([
      ['Dravenia earthquake toll reaches 750', 2],
      ['Earthquake in Dravenia kills at least 700', 1],
      ['Ferry service to Oslen island resumes after strike', 1],
    ]);
  });
});

describe('a story as a JSON record', () => {
  it('keeps each quote’s and figure’s outlets, the sources and the outlet count', () => {
    const record = JSON.parse(JSON.stringify(storyRecord(toDigestItem(herald(), [valley(), harbor()]))));
    expect(record.outletCount).toBe(2);
    expect(record.sources.map((source: { outlet: string }) => source.outlet)).toEqual(['Coast Herald', 'Valley Post', 'Harbor Times']);
    expect(record.quotes[0]).toMatchObject({ speaker: 'Lena Vostrik', outlets: ['Coast Herald', 'Valley Post', 'Harbor Times'] });
    expect(
      record.casualties
        .filter((figure: { kind: string }) => figure.kind === 'killed')
        .map((figure: { count: number; outlets: string[] }) => [figure.count, figure.outlets]),
    ).toEqual([
      [750, ['Coast Herald']],
      [700, ['Valley Post', 'Harbor Times']],
    ]);
  });
});
