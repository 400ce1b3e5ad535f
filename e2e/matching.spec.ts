import { AFP_FILE, exposeUi, expect, highlightedTexts, openExtensionPage, pageMarks, pageStats, tabIdOf, test, waitForMarks } from './support/fixtures';

test('names split by inline markup are marked; blocks, hidden text and lone ambiguous names are not', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url('/markup');
  await page.goto(url);
  await waitForMarks(page);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const marks = async (root: string) => (await pageMarks(ext$, tab, root)).map((m) => [m.entity, m.text]);
  // A name split by markup is one mark over all its pieces.
  expect(await marks('#split')).toEqual([
    ['john-kerry', 'John Kerry'],
    ['sergey-lavrov', 'Sergey Lavrov'],
  ]);
  expect(await marks('#blocks')).toEqual([]);
  expect(await marks('#blocks + p')).toEqual([['john-kerry', 'Kerry']]);
  expect(await marks('#hidden')).toEqual([]);
  expect((await marks('#context')).map(([entity]) => entity)).toEqual(['turkey', 'syrian-armed-opposition', 'aleppo']);
  await expect(ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'getPageMarks', params: { root: '#nothing-here' } }), tab)).rejects.toThrow('no element matches "#nothing-here"');
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
  const url = server.url('/live');
  await page.goto(url);
  await expect(page.locator('body[data-done="yes"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('p.update')).toHaveCount(50);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageMarks(ext$, tab, '#feed')).length).toBe(150);
  expect(await page.locator('p.update').first().textContent()).toBe('Update 50: Lavrov and Kerry spoke again about Aleppo.');
  const stats = await pageStats(ext$, tab);
  // Fifty additions, far fewer passes: the observer batches them.
  expect(stats.passes).toBeGreaterThan(1);
  expect(stats.passes).toBeLessThan(40);
});

test('turning marks off takes every mark and Crossread’s element away, and on marks the page again', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);
  await exposeUi(page);
  const html = await page.evaluate(() => document.documentElement.outerHTML.replace(/<crossread-[0-9a-f]+><\/crossread-[0-9a-f]+>/, ''));
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  const marked = await pageStats(ext$, tab);

  const off = (await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: false } }), tab)) as typeof marked;
  expect(off).toMatchObject({ enabled: false, markCount: 0 });
  expect(await highlightedTexts(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(html);

  const on = (await ext$.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'setMarking', params: { enabled: true } }), tab)) as typeof marked;
  expect(on).toMatchObject({ enabled: true, markCount: marked.markCount });
  await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(0);
});
