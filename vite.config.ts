import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/** The extension's one build: crxjs reads the entry points from manifest.json. */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    minify: true,
    // Pages the manifest does not name: crxjs builds only what the manifest lists.
    rollupOptions: { input: { compare: 'src/pages/compare.html', library: 'src/pages/library.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
