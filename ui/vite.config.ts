import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));
// The repository root: the UI imports the message catalogue from src-tauri/crates/ponte-core/locales.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// `vite build --mode e2e` builds into dist-e2e a UI whose transport talks HTTP to ponte-devhost (the
// real core on loopback) for the browser tests; the app's own build (ui/dist) only speaks Tauri IPC.
export default defineConfig(({ mode }) => {
  const e2e = mode === 'e2e';
  return {
    root: uiRoot,
    base: './',
    clearScreen: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // The three message catalogues are a third of the script: as JSON.parse('…') strings, WebKit reads them
    // several times faster than as object literals, on every start (docs/STARTUP.md).
    json: { stringify: true },
    server: {
      port: 1420,
      strictPort: true,
      fs: { allow: [searchForWorkspaceRoot(uiRoot), repoRoot] },
      watch: { ignored: ['**/src-tauri/target/**', '**/target/**'] },
    },
    build: {
      outDir: e2e ? 'dist-e2e' : 'dist',
      emptyOutDir: true,
      target: ['es2021', 'safari15', 'chrome105'],
      assetsInlineLimit: 0,
      rollupOptions: {
        input: [`${uiRoot}index.html`],
      },
    },
  };
});
