import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** Flags that keep Chromium quiet on a closed network (see the project's testing notes). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium to run: `CHROMIUM_PATH` if set, else Debian's or a common install. Branded
 * Google Chrome ignores --load-extension since version 137, so it is not looked for.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  return found;
}

/** The built extension (run `npm run build` first). */
export const EXTENSION_DIR = resolve('dist');

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
}

/** Crossread's worker (crxjs names it so), not another extension's. */
const isCrossread = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/service-worker-loader.js');

/** Launches Chromium with Crossread loaded, in `userDataDir` (a new one unless given). */
export async function launchWithExtension(
  options: { userDataDir?: string; headless?: boolean; colorScheme?: 'light' | 'dark'; alsoLoad?: string[]; language?: string } = {},
): Promise<LaunchedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('dist/ has no build: run `npm run build` first.');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'crossread-profile-'));
  // Other unpacked extensions beside Crossread (a test's stand-in for another installed extension).
  const extensions = [EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 860 },
    // A browser in another language: `--lang` picks the extension's messages (chrome.i18n), the
    // context's locale what `i18n.getUILanguage()` and pages see (Playwright otherwise says en-US).
    ...(options.language ? { locale: options.language } : {}),
    args: [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`, ...QUIET_FLAGS, ...(options.language ? [`--lang=${options.language}`] : [])],
  });
  const worker =
    context.serviceWorkers().find(isCrossread) ?? (await context.waitForEvent('serviceworker', { predicate: isCrossread }));
  return { context, worker, extensionId: new URL(worker.url()).host, userDataDir };
}
