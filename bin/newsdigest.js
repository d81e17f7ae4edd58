#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build` writes it; `npm install` in a checkout runs the build).
try {
  await import('../dist/cli.js');
} catch (error) {
  // Only a missing build gets this hint; any other failure is a real problem and keeps its stack.
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/cli.js')) {
    process.stderr.write('newsdigest: the compiled CLI (dist/) is missing; run `npm run build` first\n');
    process.exit(1);
  }
  throw error;
}
