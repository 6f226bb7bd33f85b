import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One embedded PostgreSQL for the run; the loader test gets its own database from it.
    globalSetup: ['@welkom/db/testing'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
