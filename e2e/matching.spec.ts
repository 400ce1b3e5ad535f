import { AFP_FILE, expect, openExtensionPage, pageStats, tabIdOf, test } from './support/fixtures';

test('names split by inline markup are marked; blocks, hidden text and lone ambiguous names are not', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/markup'));
  await expect(page.locator('#context crossread-mark').first()).toBeAttached();
  const whole = (sel: string) => page.locator(`${sel} crossread-mark:not([data-cont])`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entity));
  expect(await whole('#split')).toEqual(['john-kerry', 'sergey-lavrov']);
  // The whole split name reads as one: the pieces of a match share its entity.
  expect(await page.locator('#split crossread-mark[data-entity="john-kerry"]').allTextContents()).toEqual(['John', ' ', 'Kerry']);
  expect(await whole('#blocks')).toEqual([]);
  expect(await page.locator('#blocks + p crossread-mark').getAttribute('data-entity')).toBe('john-kerry');
  expect(await whole('#hidden')).toEqual([]);
  expect(await whole('#context')).toEqual(['turkey', 'syrian-armed-opposition', 'aleppo']);
});

test('ambiguous names with no name of the story nearby are not marked', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url('/ambiguous');
  await page.goto(url);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, tab)).passes).toBeGreaterThan(0);
  expect((await pageStats(ext$, tab)).markCount).toBe(0);
});

test('a page that keeps adding paragraphs gets every new name marked, in batches', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/live'));
  await expect(page.locator('body[data-done="yes"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('p.update')).toHaveCount(50);
  await expect(page.locator('p.update crossread-mark')).toHaveCount(150);
  expect(await page.locator('p.update').first().textContent()).toBe('Update 50: Lavrov and Kerry spoke again about Aleppo.');
  const ext$ = await openExtensionPage(ext);
  const stats = await pageStats(ext$, await tabIdOf(ext$, server.url('/live')));
  // Fifty additions, far fewer passes: the observer batches them.
  expect(stats.passes).toBeGreaterThan(1);
  expect(stats.passes).toBeLessThan(40);
});

test('turning marks off restores the page exactly, and on marks it again', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await expect(page.locator('crossread-mark').first()).toBeAttached();
  const original = await page.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').body.innerHTML);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const marked = await pageStats(ext$, tab);

  const off = (await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: false } }), tab)) as typeof marked;
  expect(off).toMatchObject({ enabled: false, markCount: 0 });
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);

  const on = (await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: true } }), tab)) as typeof marked;
  expect(on).toMatchObject({ enabled: true, markCount: marked.markCount });
});
