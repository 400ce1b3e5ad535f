// Playwright reports a service worker's own requests only with this set, before the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { expect, test } from '@playwright/test';
import { launchWithExtension } from './support/browser';
import { CARD, exposeUi, hoverText, registerUiSelector, waitForMarks } from './support/crossread-ui';
import { popupUrl, tabIdOf } from './support/extension-pages';
import { corpusArticlePage, FRAMED_PAGE, NO_STORY_PAGE, TALKS_PAGE } from './support/pages';
import { recordingProxy } from './support/recording-proxy';

await registerUiSelector();

/**
 * Crossread makes no network request. The browser context's request events are recorded: every
 * page, extension page and (with the variable above) the service worker. The test opens pages,
 * a card, saves a note, opens the popup with its comparison, the library and the compare view:
 * the only requests are the page loads the test itself makes. A control request from the worker
 * shows that the recorder sees the worker's requests. (Chromium's own traffic, to its update and
 * account services, is not a Crossread context's, so a browser-wide proxy cannot be used here;
 * the Firefox test uses one, as Firefox's own traffic is switched off by the test's preferences.)
 */
test('no Crossread context makes a network request in Chromium', async () => {
  const paths = ['/afp', '/talks', '/framed', '/no-story'];
  const proxy = await recordingProxy({ '/afp': corpusArticlePage('001_60298ffe5bee1918.txt'), '/talks': TALKS_PAGE, '/framed': FRAMED_PAGE, '/no-story': NO_STORY_PAGE });
  const ext = await launchWithExtension();
  const seen: string[] = [];
  ext.context.on('request', (r) => seen.push(r.url()));
  try {
    for (const path of paths) {
      const tab = await ext.context.newPage();
      await tab.goto(proxy.url(path));
      if (path !== '/no-story') await waitForMarks(tab);
    }
    const tab = ext.context.pages().find((p) => p.url() === proxy.url('/talks'))!;
    await exposeUi(tab);
    await hoverText(tab, { text: 'Sergey Lavrov' });
    const card = tab.locator(CARD);
    await card.locator('textarea').fill('no request for this');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved.');

    const ext$ = await ext.context.newPage();
    await ext$.goto(popupUrl(ext));
    await ext$.goto(popupUrl(ext, `?tab=${await tabIdOf(ext$, proxy.url('/framed'))}`));
    await expect(ext$.locator('section.disagreement').first()).toBeVisible();
    await ext$.goto(`chrome-extension://${ext.extensionId}/src/pages/library.html`);
    await expect(ext$.locator('.library-notes .note-item')).toHaveCount(1);
    await ext$.goto(`chrome-extension://${ext.extensionId}/src/pages/compare.html`);
    await expect(ext$.locator('.source-col').first()).toBeVisible();

    // Control: a request from the worker reaches both recorders.
    const control = 'http://control.invalid/from-worker';
    await ext.worker.evaluate((u) => fetch(u).then(() => undefined, () => undefined), control);
    await expect.poll(() => seen.includes(control)).toBe(true);

    const outside = (urls: string[]) => urls.filter((u) => /^(?:https?|wss?|ftp):/.test(u) && u !== control);
    const loads = paths.map((p) => proxy.url(p));
    expect(outside(seen).sort()).toEqual([...loads].sort());
  } finally {
    await ext.context.close();
    await proxy.close();
  }
});
