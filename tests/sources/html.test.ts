import { describe, expect, it } from 'vitest';
import { extractArticle, htmlShapeProblem, htmlToParagraphs, MAX_HTML_DEPTH } from '../../src/sources/html.js';

const nested = (depth: number, inner = 'x') => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;
/** What a news site's page-data script looks like: HTML inside JSON, closing tags escaped. */
const pageData = (depth: number) => `{"teaser":"${nested(depth).replace(/\//g, '\\/').replace(/"/g, '\\"')}"}`;
const tooDeep = `nests elements more than ${MAX_HTML_DEPTH} levels deep`;

describe('htmlShapeProblem: what the scan counts', () => {
  it.each([
    ['a script holding HTML in JSON (closing tags escaped)', `<script type="application/json">${pageData(300)}</script>`, null],
    ['a script holding thousands of <div> strings', `<script>var parts = [${'"<div>",'.repeat(5000)}];</script>`, null],
    ['an upper-case SCRIPT with a spaced end tag', `<SCRIPT>${'<div>'.repeat(300)}</SCRIPT >`, null],
    ['a style sheet holding tag-like text', `<style>/* ${'<div>'.repeat(300)} */ p { color: red }</style>`, null],
    ['a comment of old markup', `<!-- ${'<div>'.repeat(300)} -->`, null],
    ['a template', `<template>${nested(300)}</template>`, null],
    ['a textarea', `<textarea>${'<div>'.repeat(300)}</textarea>`, null],
    ['a noscript fallback', `<noscript>${nested(300)}</noscript>`, null],
    ['a title', `<title>${'<div>'.repeat(300)}</title>`, null],
    ['a script that never ends (the rest of the page is its text)', `<script>${'<div>'.repeat(300)}`, null],
    ['40,000 tags inside a script do not count as elements', `<script>${'<span></span>'.repeat(40_000)}</script>`, null],
    ['real nesting 300 deep', nested(300), tooDeep],
    ['real nesting after a script', `<script>var a = "<div>";</script>${nested(300)}`, tooDeep],
    ['real nesting after a comment', `<!-- <script> -->${nested(300)}`, tooDeep],
    ['a custom element named like a script is an element', `<script-island>${nested(300)}</script-island>`, tooDeep],
  ])('%s', (_, html, problem) => {
    const found = htmlShapeProblem(`<html><body>${html}</body></html>`);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toBe(problem);
  });
});

describe('extractArticle on a real page shape', () => {
  const story = [
    '<article><h1>Ferry service to Gull Island resumes</h1>',
    '<p>The ferry to Gull Island sailed again on Tuesday after a storm closed the crossing for nine days, the harbour office said.</p>',
    '<p>Captain Idris Vantongeren said the first crossing carried 84 passengers and two supply trucks.</p>',
    '<p>The harbour office expects the normal timetable of six crossings a day to return by Friday.</p>',
    '</article>',
  ].join('');
  /** A news page of DOM depth about 11 whose page-data script holds HTML nested 290 deep. */
  const page = `<!doctype html><html><head><title>Ferry service to Gull Island resumes</title>
    <script id="__PAGE_DATA__" type="application/json">${pageData(290)}</script></head>
    <body><div id="app"><div class="layout"><main><div class="column"><div class="story">${story}</div></div></main></div></div>
    <script>window.parts = [${'"<div class=\\"card\\">",'.repeat(3000)}];</script>
    <noscript><div><div><img src="pixel.gif"></div></div></noscript></body></html>`;

  it('reads a page whose scripts hold thousands of <div> strings', () => {
    const extracted = extractArticle(page, 'https://gazette.example/ferry');
    expect(extracted?.title).toBe('Ferry service to Gull Island resumes');
    expect(extracted?.paragraphs).toEqual([
      'The ferry to Gull Island sailed again on Tuesday after a storm closed the crossing for nine days, the harbour office said.',
      'Captain Idris Vantongeren said the first crossing carried 84 passengers and two supply trucks.',
      'The harbour office expects the normal timetable of six crossings a day to return by Friday.',
    ]);
  });

  it('still refuses a page nested too deep outside its scripts, naming it', () => {
    expect(() => extractArticle(`<html><body>${nested(300, story)}</body></html>`, 'https://deep.example/a')).toThrow(
      `https://deep.example/a ${tooDeep}`,
    );
  });

  it('does not parse what the scan skipped: nesting hidden in a noscript or template is left out', () => {
    const hidden = `<html><head><title>Ferry</title></head><body>${story}<noscript>${nested(5000, 'hidden fallback')}</noscript><template>${nested(5000, 'hidden template')}</template></body></html>`;
    const extracted = extractArticle(hidden, 'https://gazette.example/ferry');
    expect(extracted?.paragraphs).toHaveLength(3);
    expect(extracted?.paragraphs.join(' ')).not.toContain('hidden');
  });
});

describe('extractArticle keeps the structure’s signals', () => {
  const body = [
    'The ferry to Gull Island sailed again on Tuesday after a storm closed the crossing for nine days, the harbour office said.',
    'Captain Idris Vantongeren said the first crossing carried 84 passengers and two supply trucks.',
    'The harbour office expects the normal timetable of six crossings a day to return by Friday.',
  ];
  const page = (inside: string) =>
    `<html><head><title>Ferry service to Gull Island resumes</title></head><body><article><h1>Ferry service to Gull Island resumes</h1>
      <p>${body[0]}</p>${inside}<p>Captain <a href="/people/vantongeren">Idris Vantongeren</a> said the first crossing carried 84 passengers and two supply trucks.</p>
      <p>${body[2]}</p></article></body></html>`;

  it('gives figcaption text as a caption, not as story text', () => {
    const caption = 'Passengers board the morning ferry at the Gull Island pier on Tuesday.';
    const extracted = extractArticle(
      page(`<figure><img src="/ferry.jpg" alt=""><figcaption>${caption}</figcaption></figure>`),
      'https://gazette.example/ferry',
    );
    expect(extracted?.captions).toEqual([caption]);
    expect(extracted?.paragraphs).toEqual([body[0], caption, body[1], body[2]]);
  });

  it.each([
    [
      'a "Related" block of links',
      '<div class="box"><h3>Related</h3><ul><li><a href="/a">Storm closes Gull Island crossing</a></li><li><a href="/b">Harbour office hires two more pilots</a></li></ul></div>',
    ],
    [
      'a "More stories" heading and its list',
      '<h2>More stories</h2><ul><li><a href="/c">Pier repairs to start in spring</a></li><li><a href="/d">Island school reopens</a></li><li><a href="/e">Fish market moves indoors</a></li></ul>',
    ],
    ['a "Read more" line', '<p>Read more: <a href="/f">How the storm hit the island</a></p>'],
    ['a lone headline link', '<p><a href="/g">Timeline of the closure</a></p>'],
    ['links in a table of teasers', '<table><tr><td><a href="/h">Island ferry fares</a></td><td><a href="/i">Winter timetable</a></td></tr></table>'],
  ])('leaves out %s', (_, block) => {
    expect(extractArticle(page(block), 'https://gazette.example/ferry')?.paragraphs).toEqual(body);
  });

  it.each([
    [
      'a paragraph with a linked name',
      `<p>Harbour master <a href="/p/osei">Ama Osei</a> said the pier was not damaged.</p>`,
      'Harbour master Ama Osei said the pier was not damaged.',
    ],
    [
      'a sentence that is all link',
      `<p><a href="/report">The harbour office published its full storm report on Monday.</a></p>`,
      'The harbour office published its full storm report on Monday.',
    ],
    ['a list of facts with one link', `<ul><li>Crossings a day: 6</li><li>Fare: <a href="/fares">4 euros</a></li></ul>`, 'Crossings a day: 6'],
  ])('keeps %s', (_, block, kept) => {
    expect(extractArticle(page(block), 'https://gazette.example/ferry')?.paragraphs).toContain(kept);
  });
});

describe('htmlToParagraphs without a DOM (content too deep to parse)', () => {
  it('leaves out comments and the bodies of scripts, noscript fallbacks and templates', () => {
    const deep = `${'<div>'.repeat(300)}<p>The bridge reopened.</p><!-- old teaser --><noscript>Enable scripts</noscript><template><p>Card</p></template><script>var x = 1;</script><p>Traffic flows again.</p>${'</div>'.repeat(300)}`;
    expect(htmlToParagraphs(deep)).toEqual(['The bridge reopened.', 'Traffic flows again.']);
  });
});
