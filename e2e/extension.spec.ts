import { AFP_FILE, expect, openExtensionPage, openPopupFor, pageStats, stopServiceWorkers, tabIdOf, test } from './support/fixtures';
import { launchWithExtension } from './support/browser';
import type { Page } from '@playwright/test';

/** The page's body text as the server sent it, parsed without any extension. */
async function originalText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  });
}

test('a served corpus page gets its names marked and its text left unchanged', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await expect(page.locator('crossread-mark').first()).toBeAttached();

  const ext$ = await openExtensionPage(ext);
  const stats = await pageStats(ext$, await tabIdOf(ext$, url));
  expect(stats.markCount).toBe(await page.locator('crossread-mark').count());
  expect(stats.markCount).toBeGreaterThan(50);
  for (const id of ['john-kerry', 'sergey-lavrov', 'bashar-al-assad', 'aleppo', 'islamic-state', 'barack-obama']) {
    expect(stats.entityIds).toContain(id);
  }
  expect(stats.textChars).toBeGreaterThan(5_000);
  expect(stats.scanMs).toBeGreaterThan(0);
  expect(await page.locator('crossread-mark[data-entity="john-kerry"]').first().textContent()).toMatch(/Kerry/);
  expect(await page.evaluate(() => document.body.textContent)).toBe(await originalText(page));
});

test('hovering a mark shows the tooltip with what each source says; Escape closes it', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url(`/corpus/${AFP_FILE}`));
  const lavrov = page.locator('crossread-mark[data-entity="sergey-lavrov"]').first();
  await lavrov.hover();

  const card = page.locator('crossread-tooltip [role="dialog"]');
  await expect(card).toBeVisible();
  await expect(card.locator('h2')).toHaveText('Sergey Lavrov');
  await expect(card).toContainText('person');
  await expect(card).toContainText('Russian Foreign Minister');
  // One entry per source that names him, each with a verbatim sentence of that source.
  await expect(card.locator('.mention')).toHaveCount(3);
  await expect(card.locator('.mention[data-source="s003"] > blockquote')).toContainText('Sergey Lavrov');
  await expect(card.locator('.mention[data-source="s001"]')).toContainText('AFP wire story');
  await expect(card).toContainText('Never named by (they may describe it in other words):');

  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();

  // Keyboard: focusing a mark opens the tooltip, Escape closes it and keeps focus on the mark.
  await lavrov.focus();
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(await lavrov.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('a note saved from the tooltip is listed in the popup after a worker stop and a browser restart', async ({ server }) => {
  const url = server.url(`/corpus/${AFP_FILE}`);
  const first = await launchWithExtension();
  const page = await first.context.newPage();
  await page.goto(url);
  const kerry = page.locator('crossread-mark[data-entity="john-kerry"]').first();

  // Keyboard path: focus the mark, Enter moves into the tooltip's form.
  await kerry.focus();
  await page.keyboard.press('Enter');
  const card = page.locator('crossread-tooltip [role="dialog"]');
  await expect(card.locator('textarea')).toBeFocused();
  await page.keyboard.type('Compare the timing with the 003 blog repost.');
  await card.locator('input[name="tags"]').fill('timing, truce');
  await card.getByRole('radio', { name: 'blue' }).check();
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');

  const expectNote = async (popup: Page) => {
    const note = popup.locator('.note-item');
    await expect(note).toHaveCount(1);
    await expect(note).toContainText('Compare the timing with the 003 blog repost.');
    await expect(note.locator('blockquote')).toContainText('U.S. Secretary of State John Kerry and Russian Foreign Minister');
    await expect(note).toContainText('John Kerry');
    await expect(note.locator('.tags li')).toHaveText(['timing', 'truce']);
    await expect(note).toHaveAttribute('data-color', 'blue');
  };

  const popup = await openPopupFor(first, url);
  await expectNote(popup);

  await stopServiceWorkers(popup);
  await popup.reload();
  await expectNote(popup);

  await first.context.close();
  const second = await launchWithExtension({ userDataDir: first.userDataDir });
  try {
    expect(second.extensionId).toBe(first.extensionId);
    await (await second.context.newPage()).goto(url);
    await expectNote(await openPopupFor(second, url));
  } finally {
    await second.context.close();
  }
});

test('the popup lists the entities on the page, most marked first, with their source counts', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await expect(page.locator('crossread-mark').first()).toBeAttached();
  const ext$ = await openPopupFor(ext, url);
  const tab = await tabIdOf(ext$, url);

  const items = ext$.locator('.entities li');
  const stats = await pageStats(ext$, tab);
  await expect(items).toHaveCount(8);
  await ext$.getByRole('button', { name: `Show all ${stats.entityIds.length} names` }).click();
  await expect(items).toHaveCount(stats.entityIds.length);
  const top = Object.entries(stats.entityCounts).sort((a, b) => b[1] - a[1])[0]!;
  await expect(items.first()).toHaveAttribute('data-entity', top[0]);
  await expect(ext$.locator('.entities li[data-entity="sergey-lavrov"]')).toContainText('in 3 of 5 sources');
  await expect(ext$.locator('#notes-h')).toContainText('(0)');
});

test('names inside script, style, textarea, inputs and contenteditable get no marks and cause no errors', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const url = server.url('/forbidden');
  await page.goto(url);

  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, tab)).passes).toBeGreaterThan(0);
  const stats = await pageStats(ext$, tab);
  expect(stats.markCount).toBe(0);
  expect(await page.locator('crossread-mark').count()).toBe(0);
  expect(await page.locator('#ta').inputValue()).toBe('John Kerry and Sergey Lavrov talked about Aleppo.');
  expect(await page.locator('#ed').textContent()).toBe('Bashar al-Assad and the Islamic State in Syria.');
  expect(errors).toEqual([]);
});

test('content added after load is marked too', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/forbidden'));
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Later, Lavrov met Kerry in Geneva.';
    document.body.append(p);
  });
  await expect(page.locator('#late crossread-mark')).toHaveCount(3);
  expect(await page.locator('#late').textContent()).toBe('Later, Lavrov met Kerry in Geneva.');
});
