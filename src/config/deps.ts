/**
 * The packages the config code is built on, imported from this one module. `npm run build` bundles
 * the compiled dist/config/deps.js with them into one file (scripts/bundle-config-deps.mjs): on
 * Node 20, loading zod and yaml from their 170 files took about 75 ms of every `preview`, and one
 * file takes about 30. The sources and tests import the packages as they are.
 */
export { z } from 'zod';
export { parse as parseYaml, YAMLParseError } from 'yaml';
