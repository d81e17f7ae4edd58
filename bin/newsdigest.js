#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build` writes it; `npm install` in a checkout runs the build).
import { existsSync } from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';

// Node 22.1+ keeps the compiled code of dist/ and its dependencies on disk between runs, which
// takes a good part of every start-up's cost away (Node 20 has no such cache and skips this).
module.enableCompileCache?.();

// undici (the HTTP client of discord.js and of the feed reader) parses HTTP with llhttp compiled to
// WebAssembly. Once it is warm, V8 compiles it again with its optimizing compiler in the
// background, which takes about 30 MB of memory for a moment, enough to lift `post`'s peak past
// its aim, for parsing speed that a bot's few requests never notice. So WebAssembly stays in V8's
// baseline compiler (Liftoff, the tier all WebAssembly starts in); JavaScript is not affected.
// V8 lists the switch among its testing flags; the gentler --no-wasm-tier-up and
// --no-wasm-dynamic-tiering were measured too and left the peak above the aim.
v8.setFlagsFromString('--liftoff-only');

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('newsdigest: the compiled CLI (dist/) is missing; run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
