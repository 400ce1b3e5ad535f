import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusArticlePage, FRAMED_PAGE, TALKS_PAGE } from '../e2e/support/pages';
import { servePages, type PageServer } from '../e2e/support/server';
import { centreInUi, exposeUi, highlightedTexts, inUi, textCentre, waitForMarks, waitInUi } from './support/crossread-ui';
import { launchFirefox, openExtensionPage, openPopupFor, type LaunchedFirefox } from './support/firefox';

/**
 * Crossread in Firefox, from a reader's side: marks on a served article, a card on hover, the
 * keyboard shortcut, a note saved from the card, listed in the popup and still there after a
 * restart with the same profile, and the popup's comparison of a page with the corpus.
 * The tests run in order and share one Firefox (each launch costs seconds).
 */
const AFP_FILE = '001_60298ffe5bee1918.txt';
const COMMENT = 'truce length: seven days?';

let server: PageServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  server = await servePages({ '/afp': corpusArticlePage(AFP_FILE), '/talks': TALKS_PAGE, '/framed': FRAMED_PAGE });
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.browser.close();
  await server?.close();
  if (firefox) rmSync(firefox.profile, { recursive: true, force: true });
});

/** A new tab on one of the served pages, with Crossread's marks drawn and its UI exposed to the suite. */
async function openArticle(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(path));
  await waitForMarks(page);
  await exposeUi(firefox.browser, page);
  return page;
}

describe('Crossread in Firefox', () => {
  test('marks the names of a corpus article, drawn with the CSS Custom Highlight API, and no page node is added to the body', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/afp'));
    const before = await page.evaluate(() => document.body.innerHTML);
    await waitForMarks(page);
    const texts = await highlightedTexts(page);
    expect(texts).toContain('John Kerry');
    expect(texts).toContain('Sergei Lavrov');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.close();
  });

  test('hovering a name opens its card', async () => {
    const page = await openArticle('/afp');
    const at = await textCentre(page, 'Sergei Lavrov');
    await page.mouse.move(at.x - 20, at.y);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const title = await waitInUi<string>(page, `ui.querySelector('[role="dialog"]')?.textContent.includes('Lavrov') && ui.querySelector('[role="dialog"] h2')?.textContent`);
    expect(title).toContain('Lavrov');
    await page.close();
  });

  test('Alt+Shift+J moves to the first name, Enter opens its card with focus in the note form, and the note is saved', async () => {
    const page = await openArticle('/talks');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyJ');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const label = await waitInUi<string>(page, `ui.activeElement?.matches('button.proxy') && ui.activeElement.getAttribute('aria-label')`);
    expect(label).toMatch(/^Geneva: \d+ sources? — press Enter/);

    await page.keyboard.press('Enter');
    await waitInUi(page, `ui.querySelector('[role="dialog"]') && ui.activeElement?.localName === 'textarea'`);
    await page.keyboard.type(COMMENT);
    expect(await inUi<string>(page, `ui.querySelector('[role="dialog"] textarea').value`)).toBe(COMMENT);
    const save = await centreInUi(page, '[role="dialog"] button[type="submit"]');
    await page.mouse.click(save.x, save.y);
    expect(await waitInUi<string>(page, `ui.querySelector('[role="dialog"] [role="status"]')?.textContent.trim() === 'Saved.' && 'saved'`)).toBe('saved');
  });

  test('the note is listed in the popup page for its tab', async () => {
    const popup = await openPopupFor(firefox.browser, server.url('/talks'));
    const notes = await popup.waitForFunction((c) => [...document.querySelectorAll('.note-item')].map((n) => n.textContent).filter((t) => t?.includes(c)).length, {}, COMMENT);
    expect(await notes.jsonValue()).toBe(1);
    await popup.close();
  });

  test('the popup compares a story page with the corpus: disagreement table, framing chart, conflicting figure', async () => {
    const page = await openArticle('/framed');
    const popup = await openPopupFor(firefox.browser, server.url('/framed'));
    await popup.waitForFunction(() => document.querySelector('section.disagreement#deal-timing tbody tr') !== null, { timeout: 20_000 });
    const shown = await popup.evaluate(() => ({
      rows: document.querySelectorAll('section.disagreement#deal-timing tbody tr').length,
      framing: document.querySelector('.page-framing')?.textContent ?? '',
      chart: document.querySelectorAll('.framing-chart svg circle').length,
      conflict: document.querySelector('.conflict')?.textContent ?? '',
    }));
    expect(shown.rows).toBeGreaterThan(1);
    expect(shown.framing).toContain('“regime”');
    expect(shown.chart).toBeGreaterThan(0);
    expect(shown.conflict).toContain('more than 400,000 people');
    await popup.close();
    await page.close();
  });

  test('the note survives a browser restart with the same profile: in the library, and in the popup for its page', async () => {
    const { profile } = firefox;
    await firefox.browser.close();
    firefox = await launchFirefox({ profile });
    const library = await openExtensionPage(firefox.browser, 'src/pages/library.html', `document.querySelector('.library-notes .note-item')`);
    expect(await library.evaluate(() => [...document.querySelectorAll('.library-notes .note-item')].map((n) => n.textContent).join('\n'))).toContain(COMMENT);
    await openArticle('/talks');
    const popup = await openPopupFor(firefox.browser, server.url('/talks'));
    await popup.waitForFunction((c) => [...document.querySelectorAll('.note-item')].some((n) => n.textContent?.includes(c)), {}, COMMENT);
  });
});
