import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the Firefox build (`dist-firefox/`) in headless Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi: `npm run test:firefox`. One file at a time, as each
 * launches its own Firefox on a shared 2-core machine. The limits are generous ceilings for a
 * slow machine, not timings.
 */
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
