import type { CDPSession, Page } from '@playwright/test';
import { AFP_FILE, expect, fixturePages, openExtensionPage, pageStats, seedNotes, tabIdOf, test, waitForMarks } from './support/fixtures';
import { servePages } from './support/server';

/**
 * Start-up cost (README "Start-up cost"): the content script's entry reads the settings, waits
 * for the page to go idle, skips pages that cannot hold news, and loads the scan only then; the
 * UI loads with the first mark or note. Checked in real Chromium with the built extension.
 */

const PROSE = 'The soil after rain was dark and soft, so we planted beans along the fence and watered the young tomatoes before noon.';
const PAGES: Record<string, string> = {
  '/plain': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Garden</title></head><body><p>${PROSE}</p><p>${PROSE}</p></body></html>`,
  '/editor': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body><nav>File</nav><div contenteditable="true"><p>Sergey Lavrov met John Kerry in Geneva. ${PROSE}</p></div></body></html>`,
  '/design-mode': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body><p>Sergey Lavrov met John Kerry in Geneva. ${PROSE}</p><script>document.designMode = 'on';</script></body></html>`,
  '/shell': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head><body><div id="root">Loading…</div><script>window.state = ${JSON.stringify({ text: PROSE.repeat(20) })};</script></body></html>`,
  '/late-app': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head><body><div id="root"></div><script>
setTimeout(() => { document.getElementById('root').innerHTML = '<article><p>Sergey Lavrov met John Kerry in Geneva on Friday.</p></article>'; }, 1500);
</script></body></html>`,
};

const test$ = test.extend<{ pages: { url(path: string): string } }>({
  pages: async ({}, use) => {
    const server = await servePages({ ...PAGES, '/article': (await fixturePages())[`/corpus/${AFP_FILE}`]! });
    await use(server);
    await server.close();
  },
});

/** Records the addresses of the scripts and modules the page's renderer parses (content scripts' included). */
async function parsedScripts(page: Page): Promise<{ urls: string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => urls.push(url));
  await cdp.send('Debugger.enable');
  return { urls, cdp };
}

const crossreadParts = (urls: string[]) =>
  urls
    .filter((u) => u.startsWith('chrome-extension://'))
    .map((u) => new URL(u).pathname)
    .sort();

test$('marks appear within a second of the page being ready on a served article', async ({ ext, pages }) => {
  const tab = await ext.context.newPage();
  await tab.goto(pages.url('/article'), { waitUntil: 'commit' });
  await tab.waitForFunction(() => [...CSS.highlights.entries()].some(([name, h]) => name.startsWith('crossread-mark-') && h.size > 0), undefined, { polling: 'raf' });
  // From the end of DOMContentLoaded (content scripts start after it): the page's own loading is not Crossread's.
  const sinceReady = await tab.evaluate(() => performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  expect(sinceReady).toBeLessThan(1_000);
});

test$('a page without names loads the scan but not the UI, adds no element, and is read once', async ({ ext, pages }) => {
  const tab = await ext.context.newPage();
  const { urls } = await parsedScripts(tab);
  await tab.goto(pages.url('/plain'));
  const ext$ = await openExtensionPage(ext);
  const id = await tabIdOf(ext$, pages.url('/plain'));
  await expect.poll(async () => (await pageStats(ext$, id)).passes).toBe(1);
  const stats = await pageStats(ext$, id);
  expect([stats.markCount, stats.enabled, stats.skipped]).toEqual([0, true, undefined]);
  expect(stats.matcherLoadMs).toBeGreaterThanOrEqual(0);
  expect(crossreadParts(urls)).toEqual(['/assets/crossread-core.js', '/src/content/index.js', '/src/content/key-guard.js']);
  expect(await tab.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).toEqual(['head', 'body']);
});

for (const [path, reason] of [
  ['/editor', 'editor'],
  ['/design-mode', 'editor'],
  ['/shell', 'little-text'],
] as const) {
  test$(`a skipped page (${path}) costs only the settings read: no scan is loaded, nothing is read`, async ({ ext, pages }) => {
    const tab = await ext.context.newPage();
    const { urls } = await parsedScripts(tab);
    await tab.goto(pages.url(path));
    const ext$ = await openExtensionPage(ext);
    const id = await tabIdOf(ext$, pages.url(path));
    await expect.poll(async () => (await pageStats(ext$, id)).skipped).toBe(reason);
    // Well past the idle wait: still nothing loaded or read.
    await tab.waitForTimeout(1_000);
    const stats = await pageStats(ext$, id);
    expect([stats.passes, stats.textChars, stats.markCount, stats.enabled]).toEqual([0, 0, 0, true]);
    expect(crossreadParts(urls)).toEqual(['/src/content/index.js', '/src/content/key-guard.js']);
    expect(await tab.evaluate(() => CSS.highlights.size)).toBe(0);

    // The reader's switch wins over the rule: marking on reads the page.
    const on = (await ext$.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'setMarking', params: { enabled: true } }), id)) as { passes: number; skipped?: string };
    expect([on.passes, on.skipped]).toEqual([1, undefined]);
    expect(crossreadParts(urls)).toContain('/assets/crossread-core.js');
  });
}

test$('an app that renders its article after load is read once it has', async ({ ext, pages }) => {
  const tab = await ext.context.newPage();
  await tab.goto(pages.url('/late-app'));
  const ext$ = await openExtensionPage(ext);
  const id = await tabIdOf(ext$, pages.url('/late-app'));
  await waitForMarks(tab);
  const stats = await pageStats(ext$, id);
  expect(stats.entityIds).toEqual(['geneva', 'john-kerry', 'sergey-lavrov']);
  expect(stats.skipped).toBeUndefined();
});

test$('a saved note on a page without names is still placed (the UI loads for it)', async ({ ext, pages }) => {
  const url = pages.url('/plain');
  const ext$ = await openExtensionPage(ext);
  await seedNotes(ext$, [{ id: 'garden-1', url, title: 'Garden', quote: 'we planted beans along the fence', comment: 'beans', entityIds: [], createdAt: Date.UTC(2026, 0, 1) }]);
  const tab = await ext.context.newPage();
  const { urls } = await parsedScripts(tab);
  await tab.goto(url);
  const id = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, id)).notesAnchored).toEqual(['garden-1']);
  expect(crossreadParts(urls)).toContain('/assets/crossread-ui.js');
});
