import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The same entry other packages use, so this package tests it too.
    globalSetup: ['@welkom/db/testing'],
    // Starting PostgreSQL and running migrations takes seconds on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
