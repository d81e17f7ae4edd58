/**
 * The TypeScript scorer must give exactly the figures of the corpus's own score.py. Predictions
 * are derived at run time from the corpus articles by a naive extractor (with deliberate edge
 * cases: missing predictions, kindless and duplicate figures, null speakers, a string summary),
 * written to a temporary file and scored by both. Needs python3 and ../shared/corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, presentSets, readJsonl, readSetArticle, readWindowArticle, scoreSet, setKind } from '../../eval/corpus.js';
import { pyFrozensetRepr, pyRound, type PyNumber } from '../../eval/python.js';
import type { LooseFigure, LoosePrediction } from '../../eval/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = corpusDir(root);
const scorePy = path.join(corpus, 'score.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const sets = existsSync(scorePy) ? presentSets(corpus) : [];
const skipReason = !hasPython ? 'python3 is not installed' : sets.length === 0 ? `no corpus with score.py at ${corpus}` : '';
if (skipReason) console.warn(`score.py agreement skipped: ${skipReason}`);

const work = mkdtempSync(path.join(tmpdir(), 'newsdigest-eval-'));
afterAll(() => (process.env.KEEP_EVAL_TMP ? undefined : rmSync(work, { recursive: true, force: true })));

function python(args: string[], input?: string): unknown {
  const r = spawnSync('python3', args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const QUALIFIED: Record<string, (n: number) => Pick<LooseFigure, 'count' | 'min' | 'max'>> = {
  'at least': (n) => ({ count: n, min: n, max: null }),
  'more than': (n) => ({ count: n, min: n, max: null }),
  'up to': (n) => ({ count: n, min: null, max: n }),
  nearly: (n) => ({ count: n, min: null, max: n }),
};

/** A deliberately naive extractor: quoted spans with the next capitalised word as speaker, "N killed" figures, the first sentences. */
function naivePrediction(file: string, text: string, i: number): LoosePrediction {
  const quotes = [...text.matchAll(/[“"]([^”"\n]{3,600})[”"][\s,]*(?:said|says)?\s*([A-Z][\w'-]*)?/g)].flatMap((m, j) => {
    const q = { text: m[1]!, speaker: j % 3 === 2 ? null : (m[2] ?? null) };
    // Every fifth article also predicts a clipped copy, to exercise partial overlaps and pairing order.
    return i % 5 === 0 ? [q, { text: q.text.split(' ').slice(0, 6).join(' '), speaker: 'Clipped' }] : [q];
  });
  const casualties: LooseFigure[] = [];
  for (const m of text.matchAll(/\b(at least|more than|up to|nearly)?\s*(\d+)\s+(?:[a-z]+\s+){0,2}(killed|dead|died|injured|wounded)/gi)) {
    const n = Number(m[2]);
    const kind = /injured|wounded/i.test(m[3]!) ? 'injured' : 'killed';
    const qualifier = m[1]?.toLowerCase() ?? null;
    const values = qualifier ? QUALIFIED[qualifier]!(n) : { count: n, min: null, max: null };
    casualties.push({ ...values, qualifier, kind: i % 7 === 3 ? (null as unknown as string) : kind, text: m[0] });
  }
  if (/\bdozens\b/i.test(text)) casualties.push({ count: null, min: 24, max: null, qualifier: 'dozens', kind: 'casualties', text: 'dozens' });
  if (i % 4 === 1 && casualties[0]) casualties.push({ ...casualties[0] });
  if (i % 6 === 2) casualties.push({ count: null, min: null, max: null, qualifier: null, kind: 'killed', text: 'no value' });
  const sentences = text
    .split('\n')
    .slice(1)
    .join(' ')
    .split(/(?<=\.)\s+/)
    .filter(Boolean)
    .slice(0, 1 + (i % 4));
  return {
    file: `some/dir/${file}`,
    headline: text.split('\n')[0],
    summary: i % 17 === 0 ? sentences.join(' ') : sentences,
    quotes,
    casualties,
  };
}

/**
 * Naive story predictions: articles whose headlines start with the same two words are one story,
 * with edge cases: missing predictions, a null or absent story (one group per window in score.py),
 * numbers as stories, Windows separators and extra folders in `file`.
 */
function naiveStories(setDir: string): LoosePrediction[] {
  const gold = readJsonl<{ window: string; file: string }>(path.join(setDir, 'gold.jsonl'));
  return gold.flatMap(({ window, file }, i) => {
    if (i % 13 === 5) return [];
    const head = readWindowArticle(setDir, window, file).split('\n')[0]!.toLowerCase().split(/\s+/);
    const place = i % 17 === 0 ? `corpus\\samestory\\${window}\\${file}` : `samestory/${window}/${file}`;
    if (i % 11 === 3) return [{ file: place, story: null }];
    if (i % 23 === 7) return [{ file: place }];
    if (i % 7 === 4) return [{ file: place, story: head[0]!.length }];
    return [{ file: place, story: head.slice(0, 2).join(' ') }];
  });
}

describe.skipIf(Boolean(skipReason))(`score.py agreement${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it.each(sets)(
    'gives score.py’s figures on %s',
    (name) => {
      const setDir = path.join(corpus, name);
      const files = [...new Set(readJsonl<{ file: string }>(path.join(setDir, 'gold.jsonl')).map((g) => g.file))];
      // Every thirteenth article has no prediction at all.
      const preds =
        setKind(setDir) === 'samestory'
          ? naiveStories(setDir)
          : files.flatMap((file, i) => (i % 13 === 5 ? [] : [naivePrediction(file, readSetArticle(setDir, file), i)]));
      const predFile = path.join(work, `${name}.jsonl`);
      writeFileSync(predFile, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');

      const expected = python([scorePy, setDir, predFile]) as Record<string, unknown>;
      const { kind, ...ours } = scoreSet(setDir, preds);
      expect(kind).toBeTruthy();
      expect(ours).toEqual(expected);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(expected)); // same keys in the same order
    },
    60_000,
  );

  it('orders frozensets and rounds exactly as CPython does', () => {
    // A fixed pseudo-random sample of count/min/max triples and ratios.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (): PyNumber | null => {
      const r = next();
      if (r < 0.15) return null;
      if (r < 0.25) return -Math.floor(next() * 50);
      if (r < 0.35) return Math.floor(next() * 64) + 0.5;
      if (r < 0.4) return 2 ** 61 + Math.floor(next() * 8) * 2 ** 10;
      return Math.floor(next() * (r < 0.7 ? 64 : 100000));
    };
    const triples = Array.from({ length: 400 }, () => [pick(), pick(), pick()]);
    const ratios = Array.from({ length: 400 }, (_, i) => (i < 64 ? i / 64 : Math.floor(next() * 1000) / (1 + Math.floor(next() * 999))));
    const script = `
import json, sys
data = json.load(sys.stdin)
fs = [repr(frozenset({v for v in t if isinstance(v, (int, float))})) for t in data["triples"]]
rd = [[round(x, d) for d in (1, 2, 3, 4)] for x in data["ratios"]]
print(json.dumps({"fs": fs, "round": rd}))`;
    const out = python(['-c', script], JSON.stringify({ triples, ratios })) as { fs: string[]; round: number[][] };
    const values = (t: (PyNumber | null)[]): PyNumber[] => t.filter((v): v is PyNumber => v !== null);
    expect(triples.map((t) => pyFrozensetRepr(values(t)))).toEqual(out.fs);
    expect(ratios.map((x) => [1, 2, 3, 4].map((d) => pyRound(x, d)))).toEqual(out.round);
  });
});
