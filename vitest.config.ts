import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // CLI and browser tests start real processes; on a busy 2-core machine that takes seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
