#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build` writes it; `npm install` in a checkout runs the build).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of dist/ and its dependencies on disk between runs, which
// takes a good part of every start-up's cost away (Node 20 has no such cache and skips this).
module.enableCompileCache?.();

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('newsdigest: the compiled CLI (dist/) is missing; run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
