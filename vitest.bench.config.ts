import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run bench`: performance is measured here, never asserted by timed unit tests.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    setupFiles: ['tests/setup.ts'],
  },
});
