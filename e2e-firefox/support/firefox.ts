import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { TAB_SHOWING } from '../../e2e/support/extension-pages';

/**
 * Crossread in headless Firefox (Debian's firefox-esr), driven by puppeteer-core over
 * WebDriver BiDi. No browser is ever downloaded: the executable is `FIREFOX_PATH`, else
 * Debian's or a common install.
 */

/** The Firefox build (run `npm run build:firefox` first). */
export const FIREFOX_EXTENSION_DIR = resolve('dist-firefox');
/** The add-on id of the build (tools/build/browsers.ts). */
export const GECKO_ID = 'crossread@crossread.invalid';
/**
 * The add-on's moz-extension:// host. Firefox gives every install a random one; the tests fix it
 * (a preference) so they can open Crossread's pages, and so a restart finds the same storage.
 */
export const EXTENSION_UUID = '5e1f1b1e-c0de-4a11-9e57-c2055e2ead00';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Firefox's executable: `FIREFOX_PATH` if set, else Debian's firefox-esr or a plain firefox. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH to a Firefox executable.');
  return found;
}

export interface LaunchedFirefox {
  browser: Browser;
  profile: string;
}

/**
 * Launches Firefox with Crossread installed, in `profile` (a new one unless given). BiDi installs
 * the add-on as a temporary one, which Firefox removes at shutdown; the preferences keep its
 * address and its storage (IndexedDB, storage.local) for when the next launch installs it again,
 * as a permanent install would.
 */
export async function launchFirefox(options: { profile?: string; prefs?: Record<string, unknown> } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('dist-firefox/ has no build: run `npm run build:firefox` first.');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'crossread-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1200, height: 860 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
      ...options.prefs,
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  return { browser, profile };
}

/** A raw WebDriver BiDi command (puppeteer keeps its connection internal; this is the one use of it). */
export async function bidi<T>(browser: Browser, method: string, params: object): Promise<T> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: T }> } }).connection;
  return (await connection.send(method, params)).result;
}

/** The BiDi browsing context of a page's main frame. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Opens one of Crossread's pages (a path in the package) in a new tab. Over BiDi, moz-extension://
 * pages never report their load, so the navigation is started, not awaited, and the page's
 * `ready` condition is waited for instead.
 */
export async function openExtensionPage(browser: Browser, path: string, ready = 'document.body?.childElementCount > 0'): Promise<Page> {
  const page = await browser.newPage();
  page.goto(`${EXTENSION_ORIGIN}/${path}`, { timeout: 5_000 }).catch(() => undefined);
  // Polled by hand: an evaluation that meets the navigation from about:blank fails with a protocol error; the next one works.
  const condition = `!!(location.protocol === 'moz-extension:' && document.readyState === 'complete' && (${ready}))`;
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((ok) => setTimeout(ok, 100))) {
    if (await page.evaluate(condition).catch(() => false)) return page;
  }
  throw new Error(`${path} did not become ready: ${ready}`);
}

/** The id of the tab showing `url`, asked of each tab's content script from an extension page (no host permission lets tabs.query match addresses). */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  const id = await extPage.evaluate(TAB_SHOWING, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the popup's page in a tab of its own, for the tab showing `url`. */
export async function openPopupFor(browser: Browser, url: string): Promise<Page> {
  const ext = await openExtensionPage(browser, 'src/popup/index.html');
  const tabId = await tabIdOf(ext, url);
  await ext.close();
  return openExtensionPage(browser, `src/popup/index.html?tab=${tabId}`);
}
