import { defineConfig } from 'vitest/config';

/** `npm run test:package`: the npm package packed, installed into an empty folder and run there. */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
