import { AFP_FILE, CARD, expect, highlightedTexts, marksOf, openCard, openExtensionPage, openPopupFor, pageMarks, pageStats, PROXY, stopServiceWorkers, tabIdOf, test, waitForMarks } from './support/fixtures';
import { exposeUi } from './support/crossread-ui';
import { launchWithExtension } from './support/browser';
import type { Page } from '@playwright/test';

/** The page's body as the server sent it, parsed without any extension. */
async function original(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    const body = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body;
    return { text: body.textContent ?? '', html: body.innerHTML };
  });
}

test('a served corpus page gets its names marked and its DOM left exactly as served', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);

  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const stats = await pageStats(ext$, tab);
  const marks = await pageMarks(ext$, tab);
  expect(stats.markCount).toBe(marks.length);
  // What is drawn: the marks near the viewport (the rest are drawn as they scroll near).
  const drawn = await highlightedTexts(page);
  expect(drawn.length).toBeGreaterThan(10);
  for (const text of drawn) expect(marks.map((m) => m.text)).toContain(text);
  expect(stats.markCount).toBeGreaterThan(50);
  for (const id of ['john-kerry', 'sergey-lavrov', 'bashar-al-assad', 'aleppo', 'islamic-state', 'barack-obama']) {
    expect(stats.entityIds).toContain(id);
  }
  expect(stats.textChars).toBeGreaterThan(5_000);
  expect(stats.scanMs).toBeGreaterThan(0);
  expect(marks.find((m) => m.entity === 'john-kerry')!.text).toMatch(/Kerry/);
  // Offsets are into the body's text content.
  const text = await page.evaluate(() => document.body.textContent!);
  for (const m of marks) expect(text.slice(m.start, m.end)).toBe(m.text);
  const served = await original(page);
  expect(text).toBe(served.text);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(served.html);
});

test('hovering a name shows the card with what each source says; the keyboard proxy opens it with Enter; Escape closes it', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);
  const ext$ = await openExtensionPage(ext);
  const [lavrov] = await marksOf(ext$, await tabIdOf(ext$, url), 'sergey-lavrov');
  const card = await openCard(page, lavrov!);

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

  // Keyboard: the proxy stands on the first name; Enter opens its card; Escape closes it and keeps focus on the proxy.
  await page.keyboard.press('Alt+Shift+KeyJ');
  const proxy = page.locator(PROXY);
  await expect(proxy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await expect(card.locator('textarea')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(proxy).toBeFocused();
});

test('a note saved from the card is listed in the popup after a worker stop and a browser restart', async ({ server }) => {
  const url = server.url(`/corpus/${AFP_FILE}`);
  const first = await launchWithExtension();
  const page = await first.context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  await exposeUi(page);

  // Keyboard path: Alt+Shift+J to the first John Kerry, Enter moves into the card's form.
  const proxy = page.locator(PROXY);
  for (let i = 0; i < 60 && !/^John Kerry:/.test((await proxy.getAttribute('aria-label')) ?? ''); i++) {
    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect(proxy).toBeFocused();
  }
  await expect(proxy).toHaveAttribute('aria-label', /^John Kerry: \d sources — press Enter for details$/);
  await page.keyboard.press('Enter');
  const card = page.locator(CARD);
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
  await waitForMarks(page);
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
  expect(await highlightedTexts(page)).toEqual([]);
  expect(await page.locator('#ta').inputValue()).toBe('John Kerry and Sergey Lavrov talked about Aleppo.');
  expect(await page.locator('#ed').textContent()).toBe('Bashar al-Assad and the Islamic State in Syria.');
  expect(errors).toEqual([]);
});

test('content added after load is marked too', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url('/forbidden');
  await page.goto(url);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, tab)).passes).toBeGreaterThan(0);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Later, Lavrov met Kerry in Geneva.';
    document.body.append(p);
  });
  await expect.poll(async () => (await pageMarks(ext$, tab, '#late')).map((m) => m.text)).toEqual(['Lavrov', 'Kerry', 'Geneva']);
  expect(await page.locator('#late').textContent()).toBe('Later, Lavrov met Kerry in Geneva.');
});
