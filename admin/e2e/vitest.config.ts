// Browser tests: the production build served by the real server on a throw-away embedded
// PostgreSQL with the programme data, driven through Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/server.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One retry absorbs a slow first paint on a loaded CI machine; a real failure fails twice.
    retry: process.env.CI ? 1 : 0,
  },
});
