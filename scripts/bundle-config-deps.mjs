/**
 * The last step of `npm run build`: bundles dist/config/deps.js (re-exports of zod and yaml, see
 * src/config/deps.ts) with the packages into one file, which Node loads much faster than the
 * packages' 170 modules. Every command that reads the config pays for this load at start.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const file = 'dist/config/deps.js';
await build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // yaml is CommonJS and requires Node's own modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// tsc's source map described the re-exports, not the bundle.
rmSync(`${file}.map`, { force: true });
