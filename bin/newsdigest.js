#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build` writes it; `npm install` in a checkout runs the build).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('newsdigest: the compiled CLI (dist/) is missing; run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
