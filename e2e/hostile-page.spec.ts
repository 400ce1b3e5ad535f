import type { Page } from '@playwright/test';
import { CARD, exposeUi, expect, hoverText, openCard, openExtensionPage, pageMarks, pageStats, PROXY, tabIdOf, test, ui, waitForMarks } from './support/fixtures';

/** The notes the worker holds for a page. */
const notesOf = (ext$: Page, url: string) => ext$.evaluate((u) => chrome.runtime.sendMessage({ type: 'listNotes', params: { url: u } }), url) as Promise<unknown[]>;

test('a page script that forges marks, sends synthetic keys and reaches for the card opens nothing, saves nothing and reads nothing', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url('/forged');
  await page.goto(url);
  await waitForMarks(page);
  await exposeUi(page);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);

  await page.evaluate(() => (window as unknown as { forge(): void }).forge());
  const card = page.locator(CARD);
  await page.waitForTimeout(400);
  await expect(card).toBeHidden();
  await expect(page.locator(PROXY)).toBeHidden();
  const reach = await page.evaluate(() => (window as unknown as { __reach: Record<string, unknown> }).__reach);
  expect(reach).toEqual({ shadowRoot: true, children: 0, html: '', attached: false, textareas: 0 });
  // The forged element is no mark, and the range the page slipped into the highlight is not Crossread's.
  expect((await pageMarks(ext$, tab)).map((m) => m.text)).toEqual(['Sergey Lavrov']);
  await hoverText(page, { text: 'A forged mark', within: '#fake' });
  await page.waitForTimeout(500);
  await expect(card).toBeHidden();

  // A reader opens a real card and types: the page's listeners, capture phase included, see none of it.
  const seenBefore = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.length);
  await openCard(page, { text: 'Sergey Lavrov', within: '#target' });
  await card.locator('textarea').click();
  await page.keyboard.type('private thought');
  await page.keyboard.press('Enter');
  await expect(card.locator('textarea')).toHaveValue('private thought\n');
  expect((await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).slice(seenBefore)).toEqual([]);
  // The page tries to submit it with synthetic keys and events: nothing is saved.
  await page.evaluate(() => (window as unknown as { submitAttempt(): void }).submitAttempt());
  expect(await page.evaluate(() => (window as unknown as { __typed: unknown }).__typed)).toEqual({ active: true, selection: '', shadowRoot: null });
  await page.waitForTimeout(300);
  expect(await notesOf(ext$, url)).toEqual([]);
  await expect(card.getByRole('status')).toHaveText('');
  // The reader's own click saves it: the card worked all along.
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  expect(await notesOf(ext$, url)).toHaveLength(1);
});

test('what a page script can see of Crossread: its marks in CSS.highlights and one empty element, and nothing about saved notes', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url('/talks');
  /** Everything a page script can list: the highlight registry, the whole DOM, and what hit testing finds over the passage. */
  const seen = () =>
    page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => e.localName.startsWith('crossread-'))!;
      const p = document.querySelector('p')!.getBoundingClientRect();
      const style = getComputedStyle(host);
      return {
        highlights: [...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => `${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`)]),
        dom: document.documentElement.outerHTML.replaceAll(host.localName, 'HOST'),
        host: { shadowRoot: host.shadowRoot, size: [host.getBoundingClientRect().width, host.getBoundingClientRect().height], display: style.display },
        atPassage: document.elementsFromPoint(p.x + 20, p.y + p.height / 2).map((e) => e.localName.replace(host.localName, 'HOST')),
      };
    });
  await page.goto(url);
  await waitForMarks(page);
  const before = await seen();
  expect(before.highlights).toEqual([['crossread-mark-underline', ['Geneva', 'John Kerry', 'Sergey Lavrov', 'Moscow', 'Syrian government']]]);
  expect(before.host).toEqual({ shadowRoot: null, size: [0, 0], display: 'block' });
  expect(before.atPassage).toEqual(['p', 'article', 'body', 'html']);

  // Save a note on the first paragraph, then come back: the note is placed and drawn.
  const card = await openCard(page, { text: 'John Kerry' });
  await card.locator('textarea').fill('who said seven?');
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await waitForMarks(page);
  const ext$ = await openExtensionPage(ext);
  await expect.poll(async () => (await pageStats(ext$, await tabIdOf(ext$, url))).notesAnchored.length).toBe(1);
  await exposeUi(page);
  await expect(ui(page, '.notes div')).toHaveCount(1);
  await page.mouse.move(5, 5);
  expect(await seen()).toEqual(before);
});

test('Crossread’s element comes back when the page removes it, and pages that claim crossread-* custom elements do not break it', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/custom-elements'));
  await waitForMarks(page);
  // The page saw Crossread's element appear and defined its name with a hostile class.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __claimed: string[] }).__claimed.length)).toBeGreaterThan(0);
  const card = await openCard(page, { text: 'Sergey Lavrov' });
  await expect(card.locator('h2')).toHaveText('Sergey Lavrov');
  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();

  await page.evaluate(() => [...document.documentElement.children].find((e) => e.localName.startsWith('crossread-'))!.remove());
  await expect.poll(() => page.evaluate(() => [...document.documentElement.children].some((e) => e.localName.startsWith('crossread-')))).toBe(true);
  await hoverText(page, { text: 'Sergey Lavrov' });
  await expect(card).toBeVisible();
});

test('a page nested 20,000 elements deep is read through without an error (the walk never recurses)', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' || m.text().includes('Crossread')) && errors.push(m.text()));
  const url = server.url('/deep');
  await page.goto(url);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, tab)).passes).toBeGreaterThan(0);
  // The hidden bottom is judged (hidden, so not marked) and the walk goes on past it.
  expect((await pageMarks(ext$, tab)).map((m) => m.text)).toEqual(['John Kerry', 'Aleppo']);
  expect((await pageStats(ext$, tab)).failedPasses ?? 0).toBe(0);
  expect(errors).toEqual([]);
});
