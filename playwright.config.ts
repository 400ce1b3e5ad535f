import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (`dist/`) into Debian's Chromium; no browser is
 * ever downloaded (see e2e/support/browser.ts). Each test launches its own profile.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
