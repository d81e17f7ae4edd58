import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The package check (npm pack, npm install) runs on its own, `npm run test:package`, so its
    // install does not starve the timing-sensitive tests running beside it.
    exclude: [...configDefaults.exclude, 'tests/package/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores on CI: keep parallel forks modest so network-timing tests stay stable.
    maxWorkers: 2,
  },
});
