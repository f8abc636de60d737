import { defineConfig } from 'vitest/config';

// Real-browser suite: the built extension in Debian's Chromium against the simulators.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
