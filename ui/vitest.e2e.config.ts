import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) loads the built
// mock.html from dist-e2e. Run through `npm run e2e`, which builds first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
