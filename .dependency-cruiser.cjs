/**
 * Layer rules, checked by `npm run lint` (dependency-cruiser) and so by CI.
 *
 * Arrows point inward: article ← summarize ← digest ← commands ← platforms, service, scheduler, cli.
 * The core (article, summarize, digest, commands) is pure: no disk, network, database or chat SDK, so
 * it runs the same in tests, the terminal and the service. Each core layer may import only the layers
 * inside it and `src/errors.ts`. Sources make Articles and import only article/ (and config, errors, timing); the config imports no
 * other layer; nothing at the edge reaches up to the code that wires it (platforms, scheduler, service, cli).
 *
 * tests/lint/layers.test.ts proves each rule fails on a deliberate back-reference.
 */

/** Paths of the core layers, innermost first. */
const CORE = ['article', 'summarize', 'digest', 'commands'];
/** The only module outside the core that the core may import: the error users can act on. */
const SHARED = '^src/errors[.]ts$';

/** One rule per core layer: it may import itself, the layers inside it and the shared module only. */
const coreLayerRules = CORE.map((layer, index) => ({
  name: `${layer}-imports-only-inward`,
  comment: `src/${layer}/ may import only ${CORE.slice(0, index + 1).join(', ')} (and src/errors.ts): the arrows point inward.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: [`^src/(${CORE.slice(0, index + 1).join('|')})/`, SHARED] },
}));

/** The code that wires the core to the world, innermost first; the CLI wraps them all. */
const WIRING = ['store', 'platforms', 'scheduler', 'service'];

/** One rule per wiring layer: it never imports the layers that wire it. */
const wiringRules = WIRING.slice(0, -1).map((layer, index) => ({
  name: `${layer}-does-not-import-what-wires-it`,
  comment: `src/${layer}/ is used by ${WIRING.slice(index + 1).join(', ')} and the CLI, never the other way round.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${WIRING.slice(index + 1).join('|')})/` },
}));

/** Node modules that reach the disk, the network or other processes. */
const IO_CORE_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|dns|dns/promises|tls|dgram|child_process|cluster|worker_threads)$';
/** Packages that talk to databases, the network, chat platforms, schedules or logs. */
const IO_PACKAGES =
  '(^|/)node_modules/(better-sqlite3|pg|pg-[^/]+|undici|ws|@slack/[^/]+|discord[.]js|@discordjs/[^/]+|node-cron|pino|prom-client|commander)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...coreLayerRules,
    {
      name: 'core-does-no-io',
      comment: 'The core is pure functions of its input: no disk, network, database, chat SDK, clock-driven scheduler or logger.',
      severity: 'error',
      from: { path: `^src/(${CORE.join('|')})/` },
      to: { path: [IO_CORE_MODULES, IO_PACKAGES] },
    },
    {
      name: 'sources-only-make-articles',
      comment:
        'Sources turn files, feeds and pages into Articles (with the limits the config sets); summarizing and building digests happen further in.',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/', pathNot: ['^src/(sources|article|config)/', SHARED, '^src/timing[.]ts$'] },
    },
    {
      name: 'config-stands-alone',
      comment: 'Every layer at the edge reads the config, so the config imports none of them.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: ['^src/config/', SHARED] },
    },
    ...wiringRules,
    {
      name: 'only-the-cli-imports-the-cli',
      comment: 'The CLI is the outermost layer: it wires everything, and nothing imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli([.]ts$|/)' },
      to: { path: '^src/cli([.]ts$|/)' },
    },
    {
      name: 'product-does-not-import-tests-scripts-or-eval',
      comment: 'The product ships alone: src/ never imports tests, scripts or the evaluation (eval/, which is not shipped).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts|eval)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood or tested one at a time (type-only cycles are harmless and allowed).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'The import names a file or package that does not exist.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'The package is not declared in package.json, so an install from the lock file would not have it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'product-not-to-dev-dependency',
      comment: 'The product must run with production dependencies only (the image prunes devDependencies).',
      severity: 'error',
      from: { path: '^(bin|src)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/@types/' },
    },
  ],
  options: {
    // `depcruise .` checks every module of the project, whatever folders it grows (e.g. eval/).
    exclude: { path: '^(node_modules|dist|data|coverage|[.]eval|[.]git)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
