import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores on CI: keep parallel forks modest so network-timing tests stay stable.
    maxWorkers: 2,
  },
});
