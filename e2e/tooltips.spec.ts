import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { AFP_FILE, expect, openExtensionPage, openPopupFor, pageStats, tabIdOf, test } from './support/fixtures';

const CARD = 'crossread-tooltip [role="dialog"]';

/** Hovers the first mark of `entityId` and waits for its card. */
async function openCardAt(page: Page, mark: Locator): Promise<Locator> {
  await mark.hover();
  const card = page.locator(CARD);
  await expect(card).toBeVisible();
  return card;
}

/** True when the whole box lies inside the viewport. */
async function fullyVisible(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<boolean> {
  const vp = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height;
}

test('the card says how each source names the entity and frames the story, where they disagree, and opens the comparison', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url(`/corpus/${AFP_FILE}`));
  const card = await openCardAt(page, page.locator('crossread-mark[data-entity="bashar-al-assad"]').first());
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
  expect(compare.url()).toMatch(/\/src\/pages\/compare\.html#regime-or-government$/);
  const first = compare.locator('section.disagreement').first();
  await expect(first).toHaveClass(/selected/);
  await expect(first.locator('tbody tr')).toHaveCount(5);
  await expect(first.locator('tr[data-source="s003"] mark').first()).toHaveText('government');
});

test('keyboard: Alt+Shift+J and K move through the marks and open each card; Enter enters it; Escape returns focus', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url(`/corpus/${AFP_FILE}`));
  const marks = page.locator('crossread-mark:not([data-cont])');
  await expect(marks.first()).toBeAttached();
  // Marks stay out of the page's own Tab order.
  await expect(marks.first()).toHaveAttribute('tabindex', '-1');

  const focusedEntity = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entity);
  const card = page.locator(CARD);
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(marks.nth(0)).toBeFocused();
  await expect(card).toHaveAttribute('data-entity', (await focusedEntity())!);
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(marks.nth(1)).toBeFocused();
  await expect(card).toHaveAttribute('data-entity', (await marks.nth(1).getAttribute('data-entity'))!);
  await page.keyboard.press('Alt+Shift+KeyK');
  await expect(marks.nth(0)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(card.locator('textarea')).toBeFocused();
  // From inside the card the shortcut goes on from the card's mark.
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(marks.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(marks.nth(1)).toBeFocused();
});

test('a hostile page stylesheet neither hides nor distorts the card, and the card’s styles do not leak', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/hostile'));
  const paragraphSize = () => page.locator('#target').evaluate((el) => getComputedStyle(el).fontSize);
  const before = await paragraphSize();
  const card = await openCardAt(page, page.locator('crossread-mark[data-entity="sergey-lavrov"]'));
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
  for (const id of ['tl', 'tr', 'bl', 'br', 'inbox']) {
    const mark = page.locator(`#${id} crossread-mark:not([data-cont])`);
    await mark.scrollIntoViewIfNeeded();
    const card = await openCardAt(page, mark);
    await expect.poll(async () => fullyVisible(page, await card.boundingBox()), { message: `card at #${id}` }).toBe(true);
    await card.getByRole('button', { name: 'Close' }).click();
    await expect(card).toBeHidden();
  }
  // Scrolling the box moves the mark; the card moves with it.
  const mark = page.locator('#inbox crossread-mark:not([data-cont])');
  const card = await openCardAt(page, mark);
  const gap = async () => (await card.boundingBox())!.y - (await mark.boundingBox())!.y;
  const initial = await gap();
  await page.locator('#box').evaluate((box) => box.scrollBy(0, 30));
  await expect.poll(gap).toBeCloseTo(initial, 0);
});

test('axe finds no accessibility violations on a page with marks and an open card', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url(`/corpus/${AFP_FILE}`));
  await openCardAt(page, page.locator('crossread-mark[data-entity="sergey-lavrov"]').first());
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The card was part of what axe checked.
  expect(results.passes.some((p) => p.nodes.some((n) => JSON.stringify(n.target).includes('crossread-tooltip')))).toBe(true);
});

test('dark mode: the card follows prefers-color-scheme and reads on a dark page', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/dark'));
  const colours = async () => {
    const card = await openCardAt(page, page.locator('crossread-mark[data-entity="john-kerry"]').first());
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
  const card = await openCardAt(page, page.locator('crossread-mark[data-entity="sergey-lavrov"]'));
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
  await expect(page.locator('crossread-mark').first()).toBeAttached();
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const badge = () => ext$.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab);
  await expect.poll(badge).toBe(String((await pageStats(ext$, tab)).entityIds.length));

  const popup = await openPopupFor(ext, url);
  const site = popup.locator('button.site');
  await expect(site).toHaveAttribute('aria-pressed', 'true');
  await site.click();
  await expect(site).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('crossread-mark')).toHaveCount(0);
  await expect.poll(badge).toBe('');

  // After a reload the content script answers once it has loaded; until then the call fails.
  const enabledOn = (tabId: number) => pageStats(ext$, tabId).then((s) => s.enabled, () => 'not loaded yet');
  await page.reload();
  await expect.poll(() => enabledOn(tab)).toBe(false);
  expect(await page.locator('crossread-mark').count()).toBe(0);
  await popup.reload();
  await expect(popup.locator('button.site')).toHaveAttribute('aria-pressed', 'false');
  await popup.locator('button.site').click();
  await expect(page.locator('crossread-mark').first()).toBeAttached();

  // The pause reaches every open page, and survives a reload too.
  const other = await ext.context.newPage();
  await other.goto(server.url('/dark'));
  await expect(other.locator('crossread-mark').first()).toBeAttached();
  await popup.locator('button.pause').click();
  await expect(other.locator('crossread-mark')).toHaveCount(0);
  await expect(page.locator('crossread-mark')).toHaveCount(0);
  await other.reload();
  await expect.poll(async () => enabledOn(await tabIdOf(ext$, server.url('/dark')))).toBe(false);
  await popup.locator('button.pause').click();
  await expect(other.locator('crossread-mark').first()).toBeAttached();
});

test('the options page sets how marks look, on open pages at once and after a reload', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/dark'));
  const mark = page.locator('crossread-mark[data-entity="john-kerry"]').first();
  await expect(mark).toBeAttached();
  const look = () => mark.evaluate((el) => [getComputedStyle(el).textDecorationLine, getComputedStyle(el).backgroundColor]);
  expect(await look()).toEqual(['underline', 'rgba(0, 0, 0, 0)']);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
  await options.getByLabel('Soft background').check();
  await expect(options.getByRole('status')).toContainText('Saved.');
  await expect.poll(look).toEqual(['none', 'rgba(255, 200, 60, 0.35)']);
  await page.reload();
  await expect.poll(look).toEqual(['none', 'rgba(255, 200, 60, 0.35)']);
  await options.getByLabel(/None/).check();
  await expect.poll(look).toEqual(['none', 'rgba(0, 0, 0, 0)']);
  // Unmarked looks still open the card.
  await openCardAt(page, mark);
});
