/** The eval table and the error listings that engineers read to improve the summarizer. */
import { collapse } from '../src/article/read.js';
import path from 'node:path';
import { deathValues, figureValues, literalArticles, literalHit, matchAnnotated, type FigureKey } from './casualties.js';
import { loadAnnotated, predictionsByFile, readJsonl, readSetArticle } from './corpus.js';
import type { PyNumber } from './python.js';
import { pairQuotes, scoreQuotes, scoredQuotes, speakerMatches } from './quotes.js';
import type { SetRun } from './run.js';
import { aggregateSummaries, rougeArticle, summaryText } from './summaries.js';
import { formatTable } from './table.js';
import { overlap } from './text.js';
import { describeTarget, mark, THRESHOLDS, type Threshold } from './thresholds.js';
import type { SameStoryGold } from './samestory.js';
import type { CasualtiesGold, LooseFigure, QuotesGold, SummariesGold } from './types.js';

type Row = [set: string, figure: string, ours: string, target: string, ok: string];

const f4 = (v: number): string => v.toFixed(4);
const f2 = (v: number): string => v.toFixed(2);

function targetCells(t: Threshold, value: number): [string, string] {
  return [describeTarget(t), mark(t, value)];
}

/** One table for every set that ran: each figure with its target and ✓/✗. */
export function evalTable(runs: readonly SetRun[], sentences: number): string {
  const rows: Row[] = [];
  for (const run of runs) {
    const s = run.score;
    const first = rows.length;
    if (s.kind === 'quotes') {
      const lenient = s['overlap0.3'];
      const strict = s['overlap0.8'];
      rows.push(
        ['', 'articles · gold quotes', `${s.articles} · ${s.gold_quotes}`, '', ''],
        ['', 'F1 @0.3 (P / R)', `${f4(lenient.f1)} (${f4(lenient.precision)} / ${f4(lenient.recall)})`, '', ''],
        ['', 'F1 @0.8 (P / R)', `${f4(strict.f1)} (${f4(strict.precision)} / ${f4(strict.recall)})`, ...targetCells(THRESHOLDS.quoteF1, strict.f1)],
        ['', 'speaker accuracy @0.3', `${f4(lenient.speaker_accuracy)} of ${lenient.speaker_scored}`, '', ''],
        [
          '',
          'speaker accuracy @0.8 (name + role, as shown)',
          `${f4(strict.speaker_accuracy)} of ${strict.speaker_scored}`,
          ...targetCells(THRESHOLDS.speakerAccuracy, strict.speaker_accuracy),
        ],
        ['', 'speaker accuracy @0.8 (name only)', `${f4(nameOnlyAccuracy(run))} of ${strict.speaker_scored}`, '', ''],
        ['', 'speaker wrong @0.8 (someone else named)', f4(strict.speaker_wrong), ...targetCells(THRESHOLDS.speakerWrong, strict.speaker_wrong)],
      );
    } else if (s.kind === 'casualties') {
      const entries = Object.entries(s.kinds);
      const kinds = entries
        .slice(0, 3)
        .map(([k, n]) => `${k} ${n}`)
        .concat(entries.length > 3 ? ['…'] : [])
        .join(', ');
      rows.push(
        ['', 'articles · with literal count', `${s.articles} · ${s.literal_articles}`, '', ''],
        ['', 'recall_literal', f4(s.recall_literal), ...targetCells(THRESHOLDS.recallLiteral, s.recall_literal)],
        ['', 'figures per article', `${s.figures_per_article}${kinds ? ` (${kinds})` : ''}`, '', ''],
      );
      if (s.annotated) {
        const a = s.annotated;
        rows.push(
          ['', 'annotated: precision', `${f4(a.precision)}`, ...targetCells(THRESHOLDS.annotatedPrecision, a.precision)],
          ['', 'annotated: recall', `${f4(a.recall)} of ${a.gold_figures} figures`, ...targetCells(THRESHOLDS.annotatedRecall, a.recall)],
        );
      } else {
        rows.push(['', 'annotated', 'annotated.jsonl absent', '', '']);
      }
    } else if (s.kind === 'samestory') {
      const prf = (x: { precision: number; recall: number; f1: number }): string => `${f4(x.f1)} (${f4(x.precision)} / ${f4(x.recall)})`;
      const base = run.stories?.baseline;
      rows.push(
        ['', 'windows · articles · stories of 2+', `${s.windows} · ${s.articles} · ${s.stories_with_2plus}`, '', ''],
        ['', 'pairwise F1 (P / R)', prf(s.pairwise), ...targetCells(THRESHOLDS.storyF1, s.pairwise.f1)],
        ['', 'pairwise precision', f4(s.pairwise.precision), ...targetCells(THRESHOLDS.storyPrecision, s.pairwise.precision)],
        ['', 'B-cubed F1 (P / R)', prf(s.bcubed), '', ''],
        ['', 'stories split · wrongly merged', `${s.stories_split} · ${s.stories_wrongly_merged}`, '', ''],
      );
      if (base) {
        rows.push(
          ['', 'TF-IDF baseline: pairwise F1 (P / R)', prf(base.pairwise), '', ''],
          ['', 'TF-IDF baseline: B-cubed F1 (P / R)', prf(base.bcubed), '', ''],
          ['', 'TF-IDF baseline: split · wrongly merged', `${base.stories_split} · ${base.stories_wrongly_merged}`, '', ''],
        );
      }
      if (run.stories) {
        const { oddWindows: odd, evenWindows: even } = run.stories;
        rows.push(['', 'pairwise F1: odd windows (tuned) · even (held out)', `${f4(odd.pairwise.f1)} · ${f4(even.pairwise.f1)}`, '', '']);
      }
      if (s.missing > 0) rows.push(['', 'gold articles without prediction', String(s.missing), '0', '✗']);
    } else {
      rows.push(
        ['', 'articles', String(s.articles), '', ''],
        ['', `ROUGE-1 / 2 / L (${sentences} sentences)`, `${f2(s.system.rouge1)} / ${f2(s.system.rouge2)} / ${f2(s.system.rougeL)}`, '', ''],
        ['', 'Lead-3 ROUGE-1 / 2 / L', `${f2(s.lead3.rouge1)} / ${f2(s.lead3.rouge2)} / ${f2(s.lead3.rougeL)}`, '', ''],
        ['', 'ROUGE-2', f2(s.system.rouge2), ...targetCells(THRESHOLDS.rouge2, s.system.rouge2)],
        ['', 'words per summary', String(s.mean_summary_words), ...targetCells(THRESHOLDS.summaryWords, s.mean_summary_words)],
      );
    }
    if ('missing_predictions' in s && s.missing_predictions > 0)
      rows.push(['', 'gold articles without prediction', String(s.missing_predictions), '0', '✗']);
    if (run.failures.length > 0) rows.push(['', 'articles that threw (scored empty)', String(run.failures.length), '0', '✗']);
    const rate = run.predictions.length / Math.max(run.seconds, 1e-9);
    rows.push([
      '',
      s.kind === 'samestory' ? 'read + summarize + group time' : 'read + summarize time',
      `${run.seconds.toFixed(2)} s (${Math.round(rate)} articles/s)`,
      '',
      '',
    ]);
    rows[first]![0] = run.name;
  }
  return formatTable(['set', 'figure', 'ours', 'target', ''], rows);
}

/** Speaker accuracy at overlap 0.8 with each predicted speaker cut back to the name alone (no role). */
function nameOnlyAccuracy(run: SetRun): number {
  const gold = readJsonl<QuotesGold>(path.join(run.dir, 'gold.jsonl'));
  const nameOnly = run.predictions.map((p) => ({
    ...p,
    quotes: p.quotes.map((q) => ({ ...q, speaker: q.name !== undefined ? q.name : q.speaker })),
  }));
  return scoreQuotes(gold, predictionsByFile(nameOnly))['overlap0.8'].speaker_accuracy;
}

/** One line of text, at most `max` characters. */
function clip(text: unknown, max = 110): string {
  const s = collapse(typeof text === 'string' ? text : String(text ?? ''));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function speakerText(speaker: unknown): string {
  return typeof speaker === 'string' && speaker ? speaker : '(no speaker)';
}

function section(title: string, shown: number, total: number, lines: string[]): string {
  const head = `── ${title}: ${total === 0 ? 'none' : shown < total ? `${shown} of ${total}` : String(total)}`;
  return [head, ...lines].join('\n');
}

/** The worst misses of a set, at most `n` of each kind. */
export function errorReport(run: SetRun, n: number): string {
  const parts: string[] = [];
  if (run.failures.length > 0) {
    const shown = run.failures.slice(0, n);
    parts.push(
      section(
        `${run.name}: articles that threw`,
        shown.length,
        run.failures.length,
        shown.map((f) => `  ${f.file}  ${f.error}`),
      ),
    );
  }
  if (run.kind === 'quotes') parts.push(...quoteErrors(run, n));
  else if (run.kind === 'casualties') parts.push(...casualtyErrors(run, n));
  else if (run.kind === 'samestory') parts.push(...storyErrors(run, n));
  else parts.push(...summaryErrors(run, n));
  return parts.join('\n\n');
}

function quoteErrors(run: SetRun, n: number): string[] {
  const gold = readJsonl<QuotesGold>(path.join(run.dir, 'gold.jsonl'));
  const preds = predictionsByFile(run.predictions);
  const missed: Array<{ overlap: number; lines: string[] }> = [];
  const wrongSpeaker: string[][] = [];
  const spurious: Array<{ overlap: number; lines: string[] }> = [];
  for (const g of gold) {
    const pq = scoredQuotes(preds.get(g.file));
    const pairs = pairQuotes(g.quotes, pq, 0.8);
    const used = new Set(pairs.flatMap((p) => (p.predIndex === null ? [] : [p.predIndex])));
    for (const p of pairs) {
      const goldLine = `    gold  “${clip(p.gold.text)}” — ${p.gold.source ?? '(unnamed)'}${p.gold.surname ? ` [${p.gold.surname}]` : ''}`;
      if (p.predIndex === null) {
        // The closest prediction, paired elsewhere or not, shows whether the span or the detection failed.
        let best = 0;
        let closest: (typeof pq)[number] | undefined;
        for (const q of pq) {
          const o = overlap(q.text, p.gold.text);
          if (o > best) [best, closest] = [o, q];
        }
        const ours = closest
          ? `    ours  ${best.toFixed(2)} “${clip(closest.text)}” — ${speakerText(closest.speaker)}`
          : '    ours  nothing shares a word with it';
        missed.push({ overlap: best, lines: [`  ${g.file}`, goldLine, ours] });
      } else if (p.gold.surname && !speakerMatches(p.gold.surname, pq[p.predIndex]!.speaker)) {
        wrongSpeaker.push([`  ${g.file}`, goldLine, `    ours  ${speakerText(pq[p.predIndex]!.speaker)}`]);
      }
    }
    pq.forEach((q, i) => {
      if (used.has(i)) return;
      const best = Math.max(0, ...g.quotes.map((gq) => overlap(q.text, gq.text)));
      spurious.push({
        overlap: best,
        lines: [`  ${g.file}`, `    ours  “${clip(q.text)}” — ${speakerText(q.speaker)}  (best overlap with a gold quote ${best.toFixed(2)})`],
      });
    });
  }
  missed.sort((a, b) => a.overlap - b.overlap);
  spurious.sort((a, b) => a.overlap - b.overlap);
  return [
    section(
      `${run.name}: gold quotes missed at overlap 0.8 (least overlap first)`,
      Math.min(n, missed.length),
      missed.length,
      missed.slice(0, n).flatMap((m) => m.lines),
    ),
    section(
      `${run.name}: paired quotes with the wrong speaker`,
      Math.min(n, wrongSpeaker.length),
      wrongSpeaker.length,
      wrongSpeaker.slice(0, n).flat(),
    ),
    section(
      `${run.name}: predicted quotes paired with no gold quote at 0.8 (they cost precision; least overlap first)`,
      Math.min(n, spurious.length),
      spurious.length,
      spurious.slice(0, n).flatMap((s) => s.lines),
    ),
  ];
}

function valuesText(values: readonly PyNumber[]): string {
  return values.map(Number).join('/');
}

function figureText(f: LooseFigure): string {
  const vals = [
    f.count !== null && f.count !== undefined ? `count ${String(f.count)}` : '',
    f.min !== null && f.min !== undefined ? `min ${String(f.min)}` : '',
    f.max !== null && f.max !== undefined ? `max ${String(f.max)}` : '',
  ].filter(Boolean);
  const q = typeof f.qualifier === 'string' && f.qualifier ? ` "${f.qualifier}"` : '';
  return `${String(f.kind ?? '(no kind)')} ${vals.join(' ')}${q}`;
}

/** Where a number stands in the text, for a literal miss: its first occurrence as a whole number. */
function numberContext(text: string, value: number): string | null {
  const m = new RegExp(`(?<![\\d.])${value}(?![\\d])`).exec(text);
  if (!m) return null;
  const from = Math.max(0, m.index - 70);
  return `…${clip(text.slice(from, m.index + 70), 160)}…`;
}

function casualtyErrors(run: SetRun, n: number): string[] {
  const gold = readJsonl<CasualtiesGold>(path.join(run.dir, 'gold.jsonl'));
  const preds = predictionsByFile(run.predictions);
  const seen = new Set<string>();
  const literalMisses: string[][] = [];
  for (const g of literalArticles(gold)) {
    const key = `${g.file} ${g.targets.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cs = preds.get(g.file)?.casualties ?? [];
    if (literalHit(g, cs)) continue;
    const deaths = deathValues(cs).map(Number);
    const others = cs.filter((c) => !['killed', 'dead', 'deaths', null, undefined].includes(c.kind as string) && figureValues(c).length > 0);
    const text = readSetArticle(run.dir, g.file);
    const context = g.targets.map((t) => numberContext(text, t)).find((c) => c !== null);
    literalMisses.push([
      `  ${g.file}  gold deaths ${g.targets.join(' or ')} (civilians ${g.civilians}, others ${g.noncivilians}; ${g.cause})`,
      `    ours  killed values: ${deaths.length ? deaths.join(', ') : 'none'}${others.length ? `; other figures: ${others.map(figureText).join('; ')}` : ''}`,
      ...(context ? [`    text  ${context}`] : []),
    ]);
  }
  const parts = [
    section(
      `${run.name}: articles whose death count is in the text but in no killed figure of ours`,
      Math.min(n, literalMisses.length),
      literalMisses.length,
      literalMisses.slice(0, n).flat(),
    ),
  ];
  const annotated = loadAnnotated(run.dir);
  if (annotated) {
    const missed: string[] = [];
    const extra: string[] = [];
    const span = (k: FigureKey<LooseFigure>): string =>
      `${figureText(k.figure)}  “${clip(k.figure.span ?? k.figure.text, 90)}”  (values ${valuesText(k.values)})`;
    for (const a of annotated) {
      const m = matchAnnotated(a.figures, preds.get(a.file)?.casualties ?? []);
      for (const k of m.missedGold) missed.push(`  ${a.file}  ${span(k)}`);
      for (const k of m.extraPred) extra.push(`  ${a.file}  ${span(k)}`);
    }
    parts.push(
      section(`${run.name} annotated: gold figures we miss (cost recall)`, Math.min(n, missed.length), missed.length, missed.slice(0, n)),
      section(
        `${run.name} annotated: our figures matching no gold figure (cost precision)`,
        Math.min(n, extra.length),
        extra.length,
        extra.slice(0, n),
      ),
    );
  }
  return parts;
}

function summaryErrors(run: SetRun, n: number): string[] {
  const gold = readJsonl<SummariesGold>(path.join(run.dir, 'gold.jsonl'));
  const preds = predictionsByFile(run.predictions);
  const rows = gold.map((g) => ({ g, r: rougeArticle(g, preds.get(g.file), readSetArticle(run.dir, g.file)) }));
  const overall = aggregateSummaries(rows.map((x) => x.r));
  rows.sort((a, b) => a.r.system.rouge2 - a.r.lead3.rouge2 - (b.r.system.rouge2 - b.r.lead3.rouge2));
  const lines = rows
    .slice(0, n)
    .flatMap(({ g, r }) => [
      `  ${g.file}  ROUGE-2 ${(100 * r.system.rouge2).toFixed(1)} vs Lead-3 ${(100 * r.lead3.rouge2).toFixed(1)}, ${r.words} words`,
      `    ours  ${clip(summaryText(preds.get(g.file)), 200)}`,
      `    ref   ${clip(g.reference, 200)}`,
    ]);
  return [
    section(
      `${run.name}: summaries furthest below Lead-3 in ROUGE-2 (set mean ${overall.system.rouge2} vs ${overall.lead3.rouge2})`,
      Math.min(n, rows.length),
      rows.length,
      lines,
    ),
  ];
}

/** Gold stories we split, and predicted groups that mix stories, with each article's headline. */
function storyErrors(run: SetRun, n: number): string[] {
  const gold = readJsonl<SameStoryGold>(path.join(run.dir, 'gold.jsonl'));
  const storyOf = new Map(run.predictions.map((p) => [p.file, p.story ?? p.file]));
  const headline = new Map(run.predictions.map((p) => [p.file, p.headline]));
  const byGold = new Map<string, string[]>();
  const byPred = new Map<string, string[]>();
  for (const g of gold) {
    const file = `${g.window}/${g.file}`;
    const goldKey = `${g.window}/${g.story}`;
    (byGold.get(goldKey) ?? byGold.set(goldKey, []).get(goldKey)!).push(file);
    const predKey = `${g.window}/${storyOf.get(file) ?? file}`;
    (byPred.get(predKey) ?? byPred.set(predKey, []).get(predKey)!).push(file);
  }
  const goldStory = new Map(gold.map((g) => [`${g.window}/${g.file}`, g.story]));
  const line = (file: string, mark: string): string => `    ${mark} ${file}  ${clip(headline.get(file) ?? '', 100)}`;
  const split = [...byGold.values()]
    .filter((files) => new Set(files.map((f) => storyOf.get(f) ?? f)).size > 1)
    .map((files) => [
      `  gold story of ${files.length}, in ${new Set(files.map((f) => storyOf.get(f) ?? f)).size} of our groups`,
      ...files.map((f) => line(f, `[${storyOf.get(f) ?? f}]`)),
    ]);
  const mixed = [...byPred.values()]
    .filter((files) => new Set(files.map((f) => goldStory.get(f))).size > 1)
    .map((files) => [
      `  our group of ${files.length}, mixing ${new Set(files.map((f) => goldStory.get(f))).size} gold stories`,
      ...files.map((f) => line(f, `[${goldStory.get(f)}]`)),
    ]);
  return [
    section(`${run.name}: gold stories we split`, Math.min(n, split.length), split.length, split.slice(0, n).flat()),
    section(`${run.name}: our groups that mix stories`, Math.min(n, mixed.length), mixed.length, mixed.slice(0, n).flat()),
  ];
}
