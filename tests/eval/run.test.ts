/**
 * The eval runner end to end on a small corpus this test writes (never corpus text): real reader,
 * real summarizer, the table and the error listings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presentSets } from '../../eval/corpus.js';
import { errorReport, evalTable } from '../../eval/report.js';
import { runSet } from '../../eval/run.js';
import { jobsHiring, jobsOstmark, jobsRate, museum, strikeCourier, strikeHerald, type TestArticle } from '../digest/same-story.fixtures.js';

const corpus = mkdtempSync(path.join(tmpdir(), 'newsdigest-corpus-'));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

function writeSet(name: string, articles: Record<string, string>, gold: object[], annotated?: object[]): string {
  const dir = path.join(corpus, name);
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const [file, text] of Object.entries(articles)) writeFileSync(path.join(dir, 'articles', file), text);
  writeFileSync(path.join(dir, 'gold.jsonl'), gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  if (annotated) writeFileSync(path.join(dir, 'annotated.jsonl'), annotated.map((g) => JSON.stringify(g)).join('\n') + '\n');
  return dir;
}

const harbour = [
  'Harbour reopens after storm',
  '',
  'PORT ALDEN - The harbour of Port Alden reopened on Tuesday, three days after a storm sank two ferries.',
  '',
  '“We will rebuild every pier before the winter comes,” Mayor Ines Brandt said on Tuesday.',
  '',
  'At least 12 people were killed and 40 injured when the storm hit the coast, officials said.',
  '',
  'Fishermen said the catch had fallen by half since the storm.',
].join('\n');

const quotesDir = writeSet('quotes', { 'a.txt': harbour }, [
  {
    id: 'a',
    file: 'a.txt',
    quotes: [
      { text: 'We will rebuild every pier before the winter comes,', source: 'Ines Brandt', surname: 'Brandt' },
      { text: 'salt ruined all our nets', source: 'a fisherman', surname: null },
    ],
  },
  { id: 'gone', file: 'gone.txt', quotes: [] },
]);
const casualtiesDir = writeSet(
  'casualties',
  { 'a.txt': harbour },
  [{ id: 'a', file: 'a.txt', civilians: 12, noncivilians: 0, children: 0, women: 0, cause: 'storm', targets: [12], literal: true }],
  [
    {
      file: 'a.txt',
      figures: [
        { count: 12, min: 12, max: null, qualifier: 'at least', kind: 'killed', who: 'people', span: 'At least 12 people were killed' },
        { count: 40, min: null, max: null, qualifier: null, kind: 'injured', who: null, span: '40 injured' },
        { count: 9, min: null, max: null, qualifier: null, kind: 'missing', who: null, span: 'nine missing' },
      ],
    },
  ],
);
const summariesDir = writeSet('summaries', { 'a.txt': harbour }, [
  { id: 'a', file: 'a.txt', reference: 'The harbour of Port Alden reopened on Tuesday, three days after a storm sank two ferries.' },
]);

/** A story set as the corpus lays it out: windows/<window>/<file>, gold {window, file, story}. */
function writeStorySet(windows: Record<string, Array<[file: string, article: TestArticle, story: string]>>): string {
  const dir = path.join(corpus, 'samestory');
  const gold: object[] = [];
  for (const [window, articles] of Object.entries(windows)) {
    mkdirSync(path.join(dir, 'windows', window), { recursive: true });
    for (const [file, article, story] of articles) {
      writeFileSync(path.join(dir, 'windows', window, file), `${article.title}\n\n${article.body}\n`);
      gold.push({ window, file, story });
    }
  }
  writeFileSync(path.join(dir, 'gold.jsonl'), gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  return dir;
}

// The last gold label is wrong on purpose (the museum is not the jobs story), so one story is split.
const storiesDir = writeStorySet({
  'window-01': [
    ['001.txt', strikeHerald, 'strike'],
    ['002.txt', jobsRate, 'jobs'],
    ['003.txt', strikeCourier, 'strike'],
    ['004.txt', jobsHiring, 'jobs'],
  ],
  'window-02': [
    ['001.txt', jobsOstmark, 'ostmark'],
    ['002.txt', museum, 'ostmark'],
  ],
});

describe('runSet and the reports', () => {
  it('finds the sets that have gold and articles (or story windows)', () => {
    expect(presentSets(corpus)).toEqual(['quotes', 'casualties', 'summaries', 'samestory']);
  });

  it('groups each story window as a digest would, scores it, and runs the TF-IDF baseline beside it', () => {
    const run = runSet(storiesDir);
    expect(run.kind).toBe('samestory');
    expect(run.predictions.map((p) => [p.file, p.story])).toEqual([
      ['window-01/001.txt', 'window-01/001.txt'],
      ['window-01/003.txt', 'window-01/001.txt'],
      ['window-01/002.txt', 'window-01/002.txt'],
      ['window-01/004.txt', 'window-01/002.txt'],
      ['window-02/001.txt', 'window-02/001.txt'],
      ['window-02/002.txt', 'window-02/002.txt'],
    ]);
    expect(run.score).toMatchObject({
      kind: 'samestory',
      pairwise: { precision: 1, recall: 0.6667, f1: 0.8 },
      stories_split: 1,
      stories_wrongly_merged: 0,
      windows: 2,
      articles: 6,
    });
    expect(run.stories?.baseline.articles).toBe(6);
    const table = evalTable([run], 3);
    expect(table).toMatch(/pairwise F1 \(P \/ R\) +0\.8000 \(1\.0000 \/ 0\.6667\) +≥ 0\.9 +✗/);
    expect(table).toContain('TF-IDF baseline: pairwise F1 (P / R)');
    const report = errorReport(run, 5);
    expect(report).toContain('gold stories we split: 1');
    expect(report).toContain('[window-02/002.txt] window-02/002.txt  City museum reopens after two-year renovation');
  });

  it('reports an unreadable article as a failure and scores it as missing', () => {
    const run = runSet(quotesDir);
    expect(run.kind).toBe('quotes');
    expect(run.predictions.map((p) => p.file)).toEqual(['quotes/articles/a.txt']);
    expect(run.failures).toEqual([{ file: 'gone.txt', error: 'cannot read the article: ENOENT' }]);
    expect(run.score.kind === 'quotes' && run.score.missing_predictions).toBe(1);
    expect(errorReport(run, 5)).toContain('gone.txt  cannot read the article: ENOENT');
  });

  it('lists the gold quote nobody predicted, with its speaker', () => {
    const report = errorReport(runSet(quotesDir), 5);
    expect(report).toContain('gold quotes missed at overlap 0.8');
    expect(report).toMatch(/gold {2}“salt ruined all our nets” — a fisherman\n {4}ours {2}nothing shares a word with it/);
  });

  it('lists annotated figures we miss with their span', () => {
    const run = runSet(casualtiesDir);
    expect(run.score.kind).toBe('casualties');
    const report = errorReport(run, 5);
    expect(report).toContain('a.txt  missing count 9  “nine missing”  (values 9)');
  });

  it('prints one table with targets, and Lead-3 beside ROUGE', () => {
    const runs = [runSet(quotesDir), runSet(casualtiesDir), runSet(summariesDir)];
    const table = evalTable(runs, 3);
    for (const row of [
      'F1 @0.8 (P / R)',
      'speaker accuracy @0.8',
      'recall_literal',
      'annotated: precision',
      'Lead-3 ROUGE-1 / 2 / L',
      'words per summary',
    ]) {
      expect(table).toContain(row);
    }
    expect(table).toMatch(/recall_literal +\d\.\d{4} +≥ 0\.96 +[✓✗]/);
    expect(table).toContain('articles that threw (scored empty)');
    // Lead-3 holds all 16 reference words among its 50: ROUGE-1 F1 = 2·0.32·1 / 1.32, in percent to 2 places.
    const lead = runs[2]!.score.kind === 'summaries' ? runs[2]!.score.lead3.rouge1 : NaN;
    expect(lead).toBe(48.48);
  });
});
