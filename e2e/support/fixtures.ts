import { test as base, expect, type Page } from '@playwright/test';
import type { PageStats } from '../../src/shared/protocol';
import { launchWithExtension, type LaunchedExtension } from './browser';
import { corpusArticlePage, corpusFiles, FORBIDDEN_PLACES_PAGE } from './pages';
import { servePages, type PageServer } from './server';

/** Pages every test can open: one per corpus text at /corpus/<file>, and /forbidden. */
function fixturePages(): Record<string, string> {
  const pages: Record<string, string> = { '/forbidden': FORBIDDEN_PLACES_PAGE };
  for (const file of corpusFiles()) pages[`/corpus/${file}`] = corpusArticlePage(file);
  return pages;
}

export const AFP_FILE = '001_60298ffe5bee1918.txt';

export const test = base.extend<{ ext: LaunchedExtension }, { server: PageServer }>({
  server: [
    async ({}, use) => {
      const server = await servePages(fixturePages());
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.context.close();
  },
});
export { expect };

/** Opens an extension page (the popup's HTML in a tab) from which tests call extension APIs. */
export async function openExtensionPage(ext: LaunchedExtension, query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html${query}`);
  return page;
}

/** The id of the tab showing `url`. */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  const id = await extPage.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Sends the documented stats message, exactly as a benchmark or another tool would. */
export async function pageStats(extPage: Page, tabId: number): Promise<PageStats> {
  return extPage.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'getPageStats' }), tabId) as Promise<PageStats>;
}

/** Stops every service worker through the DevTools protocol and waits until it has stopped. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
