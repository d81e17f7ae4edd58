/**
 * npm run eval — runs the summarizer over each set of the annotated corpus (../shared/corpus),
 * scores it with the corpus's rules (a TypeScript port of its score.py) and prints one table.
 * See docs/evaluation.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserError } from '../src/errors.js';
import { corpusDir, presentSets, SET_NAMES } from '../eval/corpus.js';
import { errorReport, evalTable } from '../eval/report.js';
import { runSet, type SetRun } from '../eval/run.js';
import { meets, THRESHOLDS } from '../eval/thresholds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run eval -- [--set NAME[,NAME]] [--corpus DIR] [--sentences N] [--errors N] [--write DIR] [--json] [--check]
  --set NAME      run only these sets (${SET_NAMES.join(', ')})
  --corpus DIR    the corpus folder (default: NEWSDIGEST_CORPUS, else ../shared/corpus beside the project)
  --sentences N   summary length (default 3, as the targets assume)
  --errors N      list the N worst misses of each kind per set
  --write DIR     where the predictions JSONL files go (default .eval/)
  --json          print the scores as JSON instead of the table
  --check         exit with status 1 when a target is not met`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--${name} must be a whole number, not "${value}"`);
  return n;
}

/** Targets not met, for --check. */
function unmet(runs: readonly SetRun[]): string[] {
  const out: string[] = [];
  for (const { name, score: s } of runs) {
    if (s.kind === 'quotes') {
      if (!meets(THRESHOLDS.quoteF1, s['overlap0.8'].f1)) out.push(`${name} F1 @0.8`);
      if (!meets(THRESHOLDS.speakerAccuracy, s['overlap0.8'].speaker_accuracy)) out.push(`${name} speaker accuracy`);
      if (!meets(THRESHOLDS.speakerWrong, s['overlap0.8'].speaker_wrong)) out.push(`${name} speaker wrong`);
    } else if (s.kind === 'casualties') {
      if (!meets(THRESHOLDS.recallLiteral, s.recall_literal)) out.push(`${name} recall_literal`);
      if (s.annotated && !meets(THRESHOLDS.annotatedPrecision, s.annotated.precision)) out.push(`${name} annotated precision`);
      if (s.annotated && !meets(THRESHOLDS.annotatedRecall, s.annotated.recall)) out.push(`${name} annotated recall`);
    } else if (s.kind === 'samestory') {
      if (!meets(THRESHOLDS.storyF1, s.pairwise.f1)) out.push(`${name} pairwise F1`);
      if (!meets(THRESHOLDS.storyPrecision, s.pairwise.precision)) out.push(`${name} pairwise precision`);
    } else {
      if (!meets(THRESHOLDS.rouge2, s.system.rouge2)) out.push(`${name} ROUGE-2`);
      if (!meets(THRESHOLDS.summaryWords, s.mean_summary_words)) out.push(`${name} words per summary`);
    }
  }
  return out;
}

function main(argv: string[]): number {
  // `--write` without a folder means the default one.
  const args = argv.flatMap((a, i) => (a === '--write' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) ? [a, '.eval'] : [a]));
  const { values } = parseArgs({
    args,
    options: {
      set: { type: 'string', multiple: true },
      corpus: { type: 'string' },
      sentences: { type: 'string' },
      errors: { type: 'string' },
      write: { type: 'string' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sentences = positiveInt('sentences', values.sentences, 3);
  const errors = positiveInt('errors', values.errors, 0);
  const dir = corpusDir(root, values.corpus);
  const present = presentSets(dir);
  if (present.length === 0) {
    console.log(`eval: skipped — no corpus at ${dir} (pass --corpus DIR or set NEWSDIGEST_CORPUS to evaluate).`);
    return 0;
  }
  const wanted = values.set
    ?.flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of wanted ?? []) {
    if (!(SET_NAMES as readonly string[]).includes(name)) throw new UserError(`--set ${name}: no such set; choose from ${SET_NAMES.join(', ')}`);
  }
  const names = wanted ? present.filter((n) => wanted.includes(n)) : present;
  for (const name of wanted ?? []) {
    if (!present.includes(name)) console.log(`eval: set ${name} skipped — ${path.join(dir, name)} has no gold.jsonl and articles/.`);
  }
  if (!values.json) console.log(`eval: corpus ${dir}, summaries at ${sentences} sentences, Node ${process.version}\n`);

  const runs = names.map((name) => runSet(path.join(dir, name), { sentences, name }));

  const outDir = values.write ? path.resolve(values.write) : path.join(root, '.eval');
  mkdirSync(outDir, { recursive: true });
  for (const run of runs) {
    writeFileSync(path.join(outDir, `${run.name}.jsonl`), run.predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  }

  if (values.json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(runs.map((r) => [r.name, { ...r.score, ...(r.stories ? { stories: r.stories } : {}), failures: r.failures }])),
        null,
        2,
      ),
    );
  } else {
    console.log(evalTable(runs, sentences));
    const rel = path.relative(process.cwd(), outDir);
    const shown = !rel || rel.startsWith('..') ? outDir : rel;
    const example = runs.length === 1 ? runs[0]!.name : '<set>';
    console.log(
      `\npredictions: ${shown}/<set>.jsonl (score one with: python3 ${path.join(dir, 'score.py')} ${path.join(dir, example)} ${path.join(shown, `${example}.jsonl`)})`,
    );
  }
  if (errors > 0) {
    for (const run of runs) console.log(`\n${errorReport(run, errors)}`);
  }
  if (values.check) {
    const missing = unmet(runs);
    if (missing.length > 0) {
      console.error(`eval: targets not met: ${missing.join(', ')}`);
      return 1;
    }
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UserError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`eval: ${(err as Error).message}`);
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
