import { describe, expect, it } from 'vitest';
import { extractArticle, htmlShapeProblem, MAX_HTML_DEPTH } from '../../src/sources/html.js';

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
    expect(() => extractArticle(`<html><body>${nested(300, story)}</body></html>`, 'https://deep.example/a')).toThrow(`https://deep.example/a ${tooDeep}`);
  });

  it('does not parse what the scan skipped: nesting hidden in a noscript or template is left out', () => {
    const hidden = `<html><head><title>Ferry</title></head><body>${story}<noscript>${nested(5000, 'hidden fallback')}</noscript><template>${nested(5000, 'hidden template')}</template></body></html>`;
    const extracted = extractArticle(hidden, 'https://gazette.example/ferry');
    expect(extracted?.paragraphs).toHaveLength(3);
    expect(extracted?.paragraphs.join(' ')).not.toContain('hidden');
  });
});
