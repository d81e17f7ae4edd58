import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readArticle } from '../../src/article/read.js';
import { bodyParagraphs, type Article } from '../../src/article/types.js';

function body(article: Article): string[] {
  return bodyParagraphs(article).map((p) => article.text.slice(p.start, p.end));
}

const WIRE_STORY = `Floods cut off river towns

Floods cut off river towns

Residents wade through a flooded street in Riverton (C) as rescuers (L) look on, on March 3, 2024. (Reuters PHOTO / Jane Doe)

RIVERTON (Reuters) - Rising water cut off three river towns on Sunday, officials said.

The regional governor, Maria Lopez, asked for calm.

The post Floods cut off river towns appeared first on Valley Times.`;

describe('readArticle', () => {
  it('keeps the title and marks the repeated title, caption, credit and trailer as debris', () => {
    const article = readArticle(WIRE_STORY, { origin: 'wire.txt' });
    expect(article.title).toBe('Floods cut off river towns');
    expect(article.paragraphs.map((p) => p.role)).toEqual(['title', 'title-repeat', 'caption', 'credit', 'body', 'body', 'trailer']);
    expect(body(article)).toEqual([
      'Rising water cut off three river towns on Sunday, officials said.',
      'The regional governor, Maria Lopez, asked for calm.',
    ]);
    expect(article.source).toMatchObject({
      publication: 'Valley Times',
      agency: 'Reuters',
      photoCredit: 'Reuters PHOTO / Jane Doe',
      origin: 'wire.txt',
    });
  });

  it.each([
    ['AFP – Talks resumed in the capital on Monday after a week of delays.', 'AFP', 'AFP –'],
    ['Washington (AFP) – Talks resumed in the capital on Monday after a week of delays.', 'AFP', 'Washington (AFP) –'],
    ['BEIRUT (Reuters) - Talks resumed in the capital on Monday after a week of delays.', 'Reuters', 'BEIRUT (Reuters) -'],
    [
      'UNITED NATIONS, United States (AP) — Talks resumed in the capital on Monday after a week of delays.',
      'AP',
      'UNITED NATIONS, United States (AP) —',
    ],
    ['GAZA CITY - Talks resumed in the capital on Monday after a week of delays.', undefined, 'GAZA CITY -'],
    ['DAMASCUS, Syria — Talks resumed in the capital on Monday after a week of delays.', undefined, 'DAMASCUS, Syria —'],
    ['Wed 05 Apr 2017 Talks resumed in the capital on Monday after a week of delays.', undefined, 'Wed 05 Apr 2017'],
  ])('cuts the dateline from %j', (lede, agency, dateline) => {
    const article = readArticle(`Talks resume\n\n${lede}`, { origin: 't.txt' });
    expect(body(article)).toEqual(['Talks resumed in the capital on Monday after a week of delays.']);
    expect(bodyParagraphs(article)[0]!.dateline?.text).toBe(dateline);
    expect(article.source.agency).toBe(agency);
  });

  it('does not mistake an ordinary first sentence for a dateline', () => {
    const article = readArticle('Budget passes\n\nUS lawmakers passed the budget on Friday - a day late.', { origin: 't.txt' });
    expect(body(article)).toEqual(['US lawmakers passed the budget on Friday - a day late.']);
  });

  it('treats a caption repeated with other quotation marks and no credit as a caption', () => {
    const text = `Leaders meet\n\nLeaders of the 'Border Pact' group meet in Oslo, on May 1, 2023. (AFP PHOTO / Ola Nordmann)\n\nLeaders of the ‘Border Pact’ group meet in Oslo, on May 1, 2023.\n(AFP PHOTO / Ola Nordmann)\n\nOslo – The leaders agreed on a new border regime.`;
    const article = readArticle(text, { origin: 't.txt' });
    expect(article.paragraphs.map((p) => p.role)).toEqual(['title', 'caption', 'credit', 'caption', 'credit', 'body']);
  });

  it('keeps a party marker such as "(R)" in the story', () => {
    const article = readArticle('Vote\n\nSenator Ann Bell (R) said the vote would pass easily this week.', { origin: 't.txt' });
    expect(body(article)).toHaveLength(1);
  });

  it('decodes HTML entities and maps offsets back to the raw text', () => {
    const raw = 'Prices &amp; wages\n\nPrices rose 5&nbsp;percent, said Ana&#8217;s team.\r\n\r\nWages did not.';
    const article = readArticle(raw, { origin: 't.txt' });
    expect(article.title).toBe('Prices & wages');
    expect(body(article)).toEqual(['Prices rose 5 percent, said Ana’s team.', 'Wages did not.']);
    const at = article.text.indexOf('said');
    expect(raw.slice(article.rawOffset(at), article.rawOffset(at) + 4)).toBe('said');
    const wages = article.text.lastIndexOf('Wages');
    expect(raw.slice(article.rawOffset(wages), article.rawOffset(wages) + 5)).toBe('Wages');
  });

  it('joins hard-wrapped lines and splits one-paragraph-per-line text', () => {
    const article = readArticle('Title\n\nThe council met on Monday and\nagreed a new plan.\nIt takes effect in May.', { origin: 't.txt' });
    expect(body(article)).toEqual(['The council met on Monday and\nagreed a new plan.', 'It takes effect in May.']);
  });

  it('never throws and keeps offsets in range for odd input', () => {
    for (const raw of ['', '\n\n\n', '\u0000\u0001', 'only a title', '&bogus; &#99999999; &amp', '\ufeffTitle\n\nBody.', '"'.repeat(1000)]) {
      const article = readArticle(raw, { origin: 'odd' });
      for (const p of article.paragraphs) {
        expect(p.start).toBeGreaterThanOrEqual(0);
        expect(p.end).toBeLessThanOrEqual(article.text.length);
        expect(p.start).toBeLessThanOrEqual(p.end);
      }
    }
  });

  it('reads the seed: no caption, credit, dateline or trailer in the body', () => {
    const article = readArticle(readFileSync('seeds/000_64716e510a3de195.txt', 'utf8'), { origin: 'seed' });
    expect(article.source).toMatchObject({ publication: 'Daily News Egypt', agency: 'AFP', photoCredit: 'AFP PHOTO / POOL / Christian Hartmann' });
    const paragraphs = body(article);
    expect(paragraphs[0]).toMatch(/^Top US diplomat John Kerry meets/);
    for (const text of paragraphs) expect(text).not.toMatch(/AFP PHOTO|appeared first on|^AFP –|attend a meeting dedicated/);
  });
});
