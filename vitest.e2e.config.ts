import { defineConfig } from 'vitest/config';

// End-to-end tests: real browser host process, real Debian Chromium, fake camera. One file at a
// time: each launches a browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
