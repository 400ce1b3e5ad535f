import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Lint, and the layout's import table (the project's style guide) enforced as zones:
 * each `target` folder may not import from its `from` folders.
 */
const zone = (target, from, message) => ({ target, from, message });
const everyLayer = ['platform', 'ui', 'content', 'background', 'popup', 'pages', 'corpus'].map((d) => `./src/${d}`);
/** src/corpus's files that run only in Node (the file system, the command line): no bundle may import them. */
const nodeOnlyCorpus = ['./src/corpus/cli.ts', './src/corpus/write-schema.ts'];
/** What src/pages may not import; `corpus` says whether the pure corpus build is allowed (the pack-build worker and its client only). */
const pagesZones = (corpus) => [
  zone('./src/pages', ['./src/content', './src/background', ...(corpus ? nodeOnlyCorpus : ['./src/corpus'])], corpus ? 'The pack-build worker may import the pure corpus build, never its Node-only files (cli.ts, write-schema.ts).' : 'pages may import shared, platform and ui (the pure corpus build only in pack-build-*.ts).'),
];
/** Node's own modules, which nothing a browser runs may import (the pack-build worker bundles src/corpus). */
const nodeModules = { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'util', 'url', 'stream', 'buffer', 'crypto', 'zlib'], message: 'src/corpus runs in the browser too (the pack-build worker): Node modules only in cli.ts, write-schema.ts and tests.' };
const polyfill = { name: 'webextension-polyfill', message: 'Browser APIs go through src/platform.' };

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'artifacts/', 'node_modules/', 'src/generated/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/shared', everyLayer, 'src/shared is context-free: it imports nothing outside src/shared.'),
            zone('./src/platform', everyLayer.filter((d) => !d.endsWith('platform')), 'src/platform may import src/shared only.'),
            zone('./src/ui', everyLayer.filter((d) => !d.endsWith('/ui')), 'src/ui is presentational: src/shared only, no browser APIs.'),
            zone('./src/content', ['./src/background', './src/popup', './src/pages', './src/corpus'], 'src/content may import shared, platform and ui.'),
            zone('./src/background', ['./src/content', './src/ui', './src/popup', './src/pages', './src/corpus'], 'src/background may import shared and platform.'),
            zone('./src/popup', ['./src/content', './src/background', './src/corpus'], 'pages may import shared, platform and ui.'),
            ...pagesZones(false),
            zone('./src/corpus', ['./src/platform', './src/ui', './src/content', './src/background', './src/popup', './src/pages'], 'src/corpus (Node) may import src/shared only.'),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [polyfill] },
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The pack-build worker and its client: the pure corpus build, never its Node-only files.
    files: ['src/pages/pack-build-*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: pagesZones(true) }] },
  },
  {
    // src/corpus is bundled into the options page's worker: no Node module outside its command line.
    files: ['src/corpus/**/*.ts'],
    ignores: ['src/corpus/cli.ts', 'src/corpus/write-schema.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [polyfill], patterns: [nodeModules] }] },
  },
  {
    // Tests may reach across layers to wire real parts together (a handler with its repository).
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['e2e/**', 'e2e-firefox/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: ['./e2e', './e2e-firefox'].map((dir) => zone(dir, ['./src/platform', './src/ui', './src/content', './src/background', './src/popup', './src/pages', './src/corpus'], 'e2e drives the built extension; it may import types from src/shared only.')) },
      ],
    },
  },
);
