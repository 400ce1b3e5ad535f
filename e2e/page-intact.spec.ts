import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from './support/browser';
import { expect, fixturePages, openExtensionPage, pageStats, tabIdOf, test } from './support/fixtures';

/** What a page's own scripts must have finished before two loads of it can be compared. */
const SETTLED: Record<string, string> = {
  '/live': 'document.body.dataset.done === "yes"',
  '/app/react': 'window.__rendered?.includes("Update 120")',
  '/app/preact': 'window.__rendered?.includes("Update 120")',
  '/app/vue': 'window.__rendered?.includes("Update 120")',
};

const snapshot = async (page: Page, path: string) => {
  await page.waitForFunction(SETTLED[path] ?? 'document.readyState === "complete"', undefined, { timeout: 20_000 });
  return page.evaluate(() => ({ text: document.body.textContent, html: document.body.innerHTML }));
};

test('every page of the suite has the same text and the same DOM with and without Crossread', async ({ ext, server }) => {
  test.setTimeout(180_000);
  const plain: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
  try {
    const without = await plain.newPage({ viewport: { width: 1200, height: 860 } });
    const withCrossread = await ext.context.newPage();
    const ext$ = await openExtensionPage(ext);
    const paths = Object.keys(await fixturePages());
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const url = server.url(path);
      await withCrossread.goto(url);
      const tab = await tabIdOf(ext$, url);
      // Crossread has read (and, where there are names, marked) the page.
      await expect.poll(async () => (await pageStats(ext$, tab).catch(() => undefined))?.passes ?? 0, { message: path }).toBeGreaterThan(0);
      await without.goto(url);
      const [a, b] = [await snapshot(withCrossread, path), await snapshot(without, path)];
      expect(a.text, `text of ${path}`).toBe(b.text);
      expect(a.html, `DOM of ${path}`).toBe(b.html);
    }
  } finally {
    await plain.close();
  }
});
