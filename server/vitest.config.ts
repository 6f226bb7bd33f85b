import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@welkom/db/testing'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
