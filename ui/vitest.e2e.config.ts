import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) loads the UI built
// into dist-e2e from ponte-devhost, which runs the real Rust core (one host per page, its own data folder).
// Run through `npm run e2e`, which builds first; the host binary comes from `cargo build -p ponte-devhost`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
