import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { corpusArticlePage, FRAMED_PAGE, NO_STORY_PAGE, TALKS_PAGE } from '../e2e/support/pages';
import { recordingProxy, type RecordingProxy } from '../e2e/support/recording-proxy';
import { centreInUi, exposeUi, textCentre, waitForMarks, waitInUi } from './support/crossread-ui';
import { launchFirefox, openExtensionPage, openPopupFor, type LaunchedFirefox } from './support/firefox';

/**
 * Crossread makes no network request in Firefox. Every request of the browser, loopback included,
 * goes through a recording proxy (which also serves the test's pages), so the event page is
 * covered as well as pages and extension pages; WebDriver BiDi's network events (every tab,
 * extension pages opened in tabs included) are recorded too. The test opens pages, a card, saves
 * a note, opens the popup with its comparison, the library and the compare view: the only
 * requests are the page loads the test itself makes. A control request from an extension page
 * shows that both recorders see extension requests.
 */
const PATHS = ['/afp', '/talks', '/framed', '/no-story'];
/** Extension pages upgrade http to https (MV3's default CSP), so the control asks for https: the proxy sees a tunnel to its host. */
const CONTROL = 'https://control.invalid/from-extension-page';
const CONTROL_TUNNEL = 'https://control.invalid:443';

let proxy: RecordingProxy;
let firefox: LaunchedFirefox;
const seen: string[] = [];

beforeAll(async () => {
  proxy = await recordingProxy({ '/afp': corpusArticlePage('001_60298ffe5bee1918.txt'), '/talks': TALKS_PAGE, '/framed': FRAMED_PAGE, '/no-story': NO_STORY_PAGE });
  firefox = await launchFirefox({
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': proxy.host,
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host,
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const connection = (firefox.browser as unknown as { connection: { on(event: string, listener: (params: { request: { url: string } }) => void): void } }).connection;
  connection.on('network.beforeRequestSent', (params) => seen.push(params.request.url));
});

afterAll(async () => {
  await firefox?.browser.close();
  await proxy?.close();
  if (firefox) rmSync(firefox.profile, { recursive: true, force: true });
});

test('no Crossread context makes a network request in Firefox', async () => {
  for (const path of PATHS) {
    const page = await firefox.browser.newPage();
    await page.goto(proxy.url(path));
    if (path !== '/no-story') await waitForMarks(page);
  }
  const pages = await firefox.browser.pages();
  const talks = pages.find((p) => p.url() === proxy.url('/talks'))!;
  await exposeUi(firefox.browser, talks);
  const at = await textCentre(talks, 'Sergey Lavrov');
  await talks.mouse.move(at.x - 20, at.y);
  await talks.mouse.move(at.x, at.y, { steps: 4 });
  await waitInUi(talks, `ui.querySelector('[role="dialog"]')`);
  // Keyboard to the first name, Enter: its card opens with focus in the note form.
  await talks.mouse.move(5, 5);
  await talks.keyboard.down('Alt');
  await talks.keyboard.down('Shift');
  await talks.keyboard.press('KeyJ');
  await talks.keyboard.up('Shift');
  await talks.keyboard.up('Alt');
  await waitInUi(talks, `ui.activeElement?.matches('button.proxy')`);
  await talks.keyboard.press('Enter');
  await waitInUi(talks, `ui.activeElement?.localName === 'textarea'`);
  await talks.keyboard.type('no request for this');
  const save = await centreInUi(talks, '[role="dialog"] button[type="submit"]');
  await talks.mouse.click(save.x, save.y);
  await waitInUi(talks, `ui.querySelector('[role="dialog"] [role="status"]')?.textContent.trim() === 'Saved.'`);

  const popup = await openPopupFor(firefox.browser, proxy.url('/framed'));
  await popup.waitForFunction(() => document.querySelector('section.disagreement') !== null);
  await openExtensionPage(firefox.browser, 'src/pages/library.html', `document.querySelector('.library-notes .note-item')`);
  const compare = await openExtensionPage(firefox.browser, 'src/pages/compare.html', `document.querySelector('.source-col')`);

  // Control: a request from an extension page reaches both recorders.
  await compare.evaluate((u) => fetch(u).then(() => undefined, () => undefined), CONTROL);
  await compare.waitForFunction(() => true);
  await expect.poll(() => proxy.requests.includes(CONTROL_TUNNEL) && seen.includes(CONTROL)).toBe(true);

  const outside = (urls: string[]) => [...new Set(urls.filter((u) => /^(?:https?|wss?|ftp):/.test(u) && u !== CONTROL && u !== CONTROL_TUNNEL))].sort();
  // The page loads, and the tab's icon the browser asks of each page's server.
  const loads = [...PATHS, '/favicon.ico'].map((p) => proxy.url(p)).sort();
  expect(outside(seen)).toEqual(loads);
  // The proxy sees the whole browser: Firefox's own remote settings (block lists and the like,
  // which no preference turned off) are the browser's traffic, not an extension's.
  const firefoxOwn = 'https://firefox.settings.services.mozilla.com:443';
  expect(outside(proxy.requests).filter((u) => u !== firefoxOwn)).toEqual(loads);
});
