import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from './support/browser';
import {
  AFP_FILE,
  axeViolations,
  CARD,
  exposeUi,
  expect,
  highlightedTexts,
  marksOf,
  openCard,
  openExtensionPage,
  openPopupFor,
  pageMarks,
  pageStats,
  PROXY,
  showUiToAxe,
  spanRects,
  tabIdOf,
  test,
  waitForMarks,
} from './support/fixtures';

/** True when the whole box lies inside the viewport. */
async function fullyVisible(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<boolean> {
  const vp = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height;
}

/** Opens `url`, waits for its marks, and answers the marks of one entity (from `getPageMarks`). */
async function marksOn(ext: LaunchedExtension, page: Page, url: string, entity: string) {
  await page.goto(url);
  await waitForMarks(page);
  const ext$ = await openExtensionPage(ext);
  const marks = await marksOf(ext$, await tabIdOf(ext$, url), entity);
  await ext$.close();
  return marks;
}

test('the card says how each source names the entity and frames the story, where they disagree, and opens the comparison', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const [assad] = await marksOn(ext, page, server.url(`/corpus/${AFP_FILE}`), 'bashar-al-assad');
  const card = await openCard(page, assad!);
  await expect(card.locator('h2')).toHaveText('Bashar al-Assad');

  // Naming, per source, each phrase with its verbatim sentence one click away.
  const afp = card.locator('.mention[data-source="s001"]');
  await expect(afp.locator('.labels summary').first()).toHaveText('calls it “regime”');
  await afp.locator('.labels summary').first().click();
  await expect(afp.locator('.labels .evidence').first()).toContainText('regime');
  // The framing note counts what the source's text does; the blog repost never says "regime".
  await expect(card.locator('.mention[data-source="s003"] .framing-note')).toContainText('the Syrian state: “regime” never, “government” 3×');

  // Disagreements on this entity, compact, each opening the full comparison.
  const row = card.locator('.disagreement[data-disagreement="regime-or-government"]');
  // Counted in AFP's own voice: Kerry's and Lister's "regime" inside quotation marks are theirs.
  await expect(row).toContainText('Uses “regime” ×4, “pro-regime” ×1');
  const [compare] = await Promise.all([ext.context.waitForEvent('page'), row.getByRole('button', { name: 'Compare' }).click()]);
  await compare.waitForLoadState();
  expect(compare.url()).toMatch(/\/src\/pages\/compare\.html#bundled\/regime-or-government$/);
  const first = compare.locator('section.disagreement').first();
  await expect(first).toHaveClass(/selected/);
  await expect(first.locator('tbody tr')).toHaveCount(5);
  await expect(first.locator('tr[data-source="s003"] mark').first()).toHaveText('government');
});

test('keyboard: Alt+Shift+J and K move one labelled proxy through the names in reading order; Enter opens the card; Escape returns focus', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);
  await exposeUi(page);
  const ext$ = await openExtensionPage(ext);
  const [first, second] = await pageMarks(ext$, await tabIdOf(ext$, url));
  // The page's own Tab order is unchanged: the proxy is focusable from script only.
  await page.locator('h1').evaluate((h) => h.setAttribute('tabindex', '0'));
  await page.locator('h1').focus();

  const proxy = page.locator(PROXY);
  const card = page.locator(CARD);
  /** The proxy covers the name it stands on. */
  const covers = async (mark: { start: number; end: number }) => {
    const [name] = await spanRects(page, mark);
    const box = (await proxy.boundingBox())!;
    return Math.abs(box.x - name!.x) < 2 && Math.abs(box.y - name!.y) < 2;
  };
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(proxy).toBeFocused();
  await expect(proxy).toHaveAttribute('tabindex', '-1');
  await expect(proxy).toHaveAttribute('aria-label', /^.+: \d sources? — press Enter for details$/);
  await expect.poll(() => covers(first!)).toBe(true);
  await expect(card).toBeHidden();
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect.poll(() => covers(second!)).toBe(true);
  await page.keyboard.press('Alt+Shift+KeyK');
  await expect.poll(() => covers(first!)).toBe(true);

  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await expect(card.locator('textarea')).toBeFocused();
  await expect(card).toHaveAttribute('data-entity', first!.entity);
  // From inside the card the shortcut goes on from the card's name.
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(card).toBeHidden();
  await expect(proxy).toBeFocused();
  await expect.poll(() => covers(second!)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-entity', second!.entity);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(proxy).toBeFocused();
  // Escape on the proxy returns focus to where it was.
  await page.keyboard.press('Escape');
  await expect(proxy).toBeHidden();
  await expect(page.locator('h1')).toBeFocused();
  // Tab goes on through the page's own elements only.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.localName.startsWith('crossread-'))).toBe(false);
});

test('a hostile page stylesheet neither hides nor distorts the card, and the card’s styles do not leak', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/hostile'));
  await waitForMarks(page);
  const paragraphSize = () => page.locator('#target').evaluate((el) => getComputedStyle(el).fontSize);
  const before = await paragraphSize();
  const card = await openCard(page, { text: 'Sergey Lavrov', within: '#target' });
  await expect(card.locator('h2')).toHaveText('Sergey Lavrov');
  expect(await card.locator('h2').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
  expect(await card.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
  const box = await card.boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  expect(await fullyVisible(page, box)).toBe(true);
  await expect(card.locator('textarea')).toBeVisible();
  expect(await paragraphSize()).toBe(before);
});

test('cards near every edge of the viewport, and inside a scrolling box, stay fully visible and follow scrolling', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/edges'));
  await waitForMarks(page);
  const names: Record<string, string> = { tl: 'Kerry', tr: 'Lavrov', bl: 'Aleppo', br: 'Geneva', inbox: 'Bashar al-Assad' };
  for (const [id, name] of Object.entries(names)) {
    const card = await openCard(page, { text: name, within: `#${id}` });
    await expect.poll(async () => fullyVisible(page, await card.boundingBox()), { message: `card at #${id}` }).toBe(true);
    await card.getByRole('button', { name: 'Close' }).click();
    await expect(card).toBeHidden();
    await page.mouse.move(600, 5);
  }
  // Scrolling the box moves the name; the card moves with it.
  const name = { text: 'Bashar al-Assad', within: '#inbox' };
  const card = await openCard(page, name);
  const gap = async () => (await card.boundingBox())!.y - (await spanRects(page, name))[0]!.y;
  const initial = await gap();
  await page.locator('#box').evaluate((box) => box.scrollBy(0, 30));
  await expect.poll(gap).toBeCloseTo(initial, 0);
});

test('axe finds no accessibility violations on a page with marks and an open card', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const [lavrov] = await marksOn(ext, page, server.url(`/corpus/${AFP_FILE}`), 'sergey-lavrov');
  await openCard(page, lavrov!);
  await showUiToAxe(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The card was part of what axe checked.
  expect(results.passes.some((p) => p.nodes.some((n) => JSON.stringify(n.target).includes('[role=\\"dialog\\"]') || JSON.stringify(n.target).includes('.card')))).toBe(true);
  // And the keyboard proxy, focused on a name.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(page.locator(PROXY)).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

test('dark mode: the card follows prefers-color-scheme and reads on a dark page', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/dark'));
  await waitForMarks(page);
  const colours = async () => {
    const card = await openCard(page, { text: 'John Kerry' });
    const c = await card.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    await page.mouse.move(5, 5);
    await expect(card).toBeHidden();
    return c;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(27, 31, 36)']);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(28, 33, 40)', 'rgb(230, 237, 243)']);
});

test('strings from the page render as text: a payload next to a name runs nothing', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/payload'));
  await waitForMarks(page);
  const card = await openCard(page, { text: 'Sergey Lavrov' });
  await expect(card.locator('.quote')).toContainText('<img src=x onerror="window.__pwned=1">');
  await card.locator('textarea').fill('payload <b>kept as text</b>');
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  expect(await card.locator('img, script, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  const popup = await openPopupFor(ext, server.url('/payload'));
  await expect(popup.locator('.note-item .comment')).toHaveText('payload <b>kept as text</b>');
  expect(await popup.locator('.note-item b, .note-item img').count()).toBe(0);
});

test('the site switch and the global pause are remembered across reloads; the badge counts the page’s entities', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const badge = () => ext$.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab);
  await expect.poll(badge).toBe(String((await pageStats(ext$, tab)).entityIds.length));
  const marked = (p: Page) => highlightedTexts(p).then((t) => t.length);

  const popup = await openPopupFor(ext, url);
  const site = popup.locator('button.site');
  await expect(site).toHaveAttribute('aria-pressed', 'true');
  await site.click();
  await expect(site).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => marked(page)).toBe(0);
  await expect.poll(badge).toBe('');

  // After a reload the content script answers once it has loaded; until then the call fails.
  const enabledOn = (tabId: number) => pageStats(ext$, tabId).then((s) => s.enabled, () => 'not loaded yet');
  await page.reload();
  await expect.poll(() => enabledOn(tab)).toBe(false);
  expect(await marked(page)).toBe(0);
  await popup.reload();
  await expect(popup.locator('button.site')).toHaveAttribute('aria-pressed', 'false');
  await popup.locator('button.site').click();
  await expect.poll(() => marked(page)).toBeGreaterThan(0);

  // The pause reaches every open page, and survives a reload too.
  const other = await ext.context.newPage();
  await other.goto(server.url('/dark'));
  await waitForMarks(other);
  await popup.locator('button.pause').click();
  await expect.poll(() => marked(other)).toBe(0);
  await expect.poll(() => marked(page)).toBe(0);
  await other.reload();
  await expect.poll(async () => enabledOn(await tabIdOf(ext$, server.url('/dark')))).toBe(false);
  await popup.locator('button.pause').click();
  await expect.poll(() => marked(other)).toBeGreaterThan(0);
});

test('the options page sets how marks look, on open pages at once and after a reload', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/dark'));
  await waitForMarks(page);
  /** The highlight the marks are registered under: marks.css styles each look. */
  const look = () => page.evaluate(() => [...CSS.highlights.entries()].filter(([, h]) => h.size > 0).map(([name]) => name));
  /** What the reader sees of a name: the pixels around it. */
  const [name] = await spanRects(page, { text: 'John Kerry' });
  const pixels = () => page.screenshot({ clip: { x: name!.x - 2, y: name!.y - 2, width: name!.width + 4, height: name!.height + 6 } });
  expect(await look()).toEqual(['crossread-mark-underline']);
  const underlined = await pixels();

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
  await options.getByLabel('Soft background').check();
  await expect(options.getByRole('status')).toContainText('Saved.');
  await expect.poll(look).toEqual(['crossread-mark-background']);
  const background = await pixels();
  // The options page shows its sample drawn the same way.
  expect(await options.evaluate(() => [...CSS.highlights.keys()])).toEqual(['crossread-mark-background']);
  await page.reload();
  await expect.poll(look).toEqual(['crossread-mark-background']);
  await options.getByLabel(/None/).check();
  await expect.poll(look).toEqual(['crossread-mark-off']);
  const none = await pixels();
  // Each look draws something different, and "None" draws nothing: the name looks as the page made it.
  expect(underlined.equals(background) || underlined.equals(none) || background.equals(none)).toBe(false);
  await options.close();
  const ext$ = await openExtensionPage(ext);
  await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: false } }), await tabIdOf(ext$, server.url('/dark')));
  expect((await pixels()).equals(none)).toBe(true);
  await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: true } }), await tabIdOf(ext$, server.url('/dark')));
  await expect.poll(look).toEqual(['crossread-mark-off']);
  // Unmarked looks still open the card.
  await openCard(page, { text: 'John Kerry' });
});
