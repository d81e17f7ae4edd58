/**
 * Start-up of the compiled CLI as a user meets it: `newsdigest summarize` on one article and
 * `newsdigest preview`, each a fresh `node bin/newsdigest.js` process, timed from outside
 * (wall clock) with the process's own CPU time and peak resident memory (maxRSS).
 *
 *   npx tsx scripts/bench-startup.ts [--runs N]
 *
 * Builds dist/ first when it is missing or older than src/. Prints a table and one JSON line
 * (`{"bench":"startup",...}`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = 'seeds/000_64716e510a3de195.txt';

/** The aims for a command that starts, does its work and exits. */
export const STARTUP_TARGETS = { wallMs: 250, peakRssMb: 100 } as const;

/** Loaded before the CLI: reports the process's CPU time and peak memory on exit, on stderr's last line. */
const reporter = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(2, '\\nstartup-bench ' + JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }) + '\\n'); });",
)}`;

interface StartupFigures {
  command: string;
  runs: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

export function ensureBuilt(): void {
  const built = path.join(root, 'dist', 'cli.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(path.join(root, 'src'))) return;
  console.log('bench: building dist/ (npm run build) first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs one command `runs` times after one warm-up run (file cache), medians of each figure. */
function measure(command: string, args: string[], runs: number, script = 'bin/newsdigest.js'): StartupFigures {
  const walls: number[] = [];
  const cpus: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', reporter, script, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const line = child.stderr.split('\n').find((l) => l.startsWith('startup-bench '));
    if (child.status !== 0 || !line) throw new Error(`${command} failed (exit ${child.status}): ${child.stderr.trim().split('\n')[0] ?? ''}`);
    if (i === 0) continue;
    const usage = JSON.parse(line.slice('startup-bench '.length)) as { maxRssKb: number; cpuUs: number };
    walls.push(wallMs);
    cpus.push(usage.cpuUs / 1000);
    rss.push(usage.maxRssKb / 1024);
  }
  return { command, runs, wallMs: median(walls), cpuMs: median(cpus), peakRssMb: median(rss) };
}

/** The start-up section of `npm run bench`: returns the figures and prints them. */
export function benchStartup(runs = 5): StartupFigures[] {
  ensureBuilt();
  // Node itself, doing nothing: what no change to newsdigest can take away.
  const bare = measure('node -e 0', ['0'], runs, '-e');
  const figures = [
    measure(`newsdigest summarize ${path.basename(seed)}`, ['summarize', seed], runs),
    measure('newsdigest preview', ['--config', 'config/default.yaml', 'preview'], runs),
  ];
  const ok = (value: number, target: number) => (value <= target ? '✓' : '✗');
  console.log(`compiled CLI (node bin/newsdigest.js → dist/), Node ${process.version}, median of ${runs} runs after one warm-up`);
  for (const f of figures) {
    console.log(
      `  ${f.command.padEnd(52)} wall ${f.wallMs.toFixed(0).padStart(4)} ms (≤ ${STARTUP_TARGETS.wallMs} ${ok(f.wallMs, STARTUP_TARGETS.wallMs)})` +
        `  CPU ${f.cpuMs.toFixed(0).padStart(4)} ms  peak RSS ${f.peakRssMb.toFixed(1).padStart(5)} MB (≤ ${STARTUP_TARGETS.peakRssMb} ${ok(f.peakRssMb, STARTUP_TARGETS.peakRssMb)})`,
    );
  }
  console.log(
    `  (Node alone: wall ${bare.wallMs.toFixed(0)} ms, CPU ${bare.cpuMs.toFixed(0)} ms, peak RSS ${bare.peakRssMb.toFixed(1)} MB; wall time grows when others share the machine, CPU time much less)`,
  );
  console.log(JSON.stringify({ bench: 'startup', node: process.version, targets: STARTUP_TARGETS, bare, figures }));
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  benchStartup(values.runs ? Number(values.runs) : 5);
}
