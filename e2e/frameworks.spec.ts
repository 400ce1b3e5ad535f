import { FRAMEWORKS } from './support/bundle';
import { expect, openExtensionPage, pageMarks, pageStats, tabIdOf, test, waitForMarks } from './support/fixtures';

/**
 * Pages built with React (react-dom), Preact and Vue 3, bundled from the project's own packages
 * (e2e/apps): the app swaps the name in a sentence, reverses a keyed list, unmounts and mounts a
 * section, and re-renders a counter 120 times. Crossread used to replace the text nodes these
 * frameworks own, and the page then showed stale text after a re-render.
 */
for (const framework of FRAMEWORKS) {
  test(`${framework}: after every re-render, reorder and unmount the page shows exactly what the app rendered, new names are marked and gone ones are not`, async ({ ext, server }) => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const url = server.url(`/app/${framework}`);
    await page.goto(url);
    await waitForMarks(page);
    const ext$ = await openExtensionPage(ext);
    const tab = await tabIdOf(ext$, url);

    /** The view's text against what the app says it rendered, read in one go. */
    const shown = () => page.evaluate(() => [document.getElementById('view')!.textContent, (window as { __rendered?: string }).__rendered]);
    const expectExactlyRendered = async () => {
      const [dom, rendered] = await shown();
      expect(dom).toBe(rendered);
    };
    const marks = async (root: string) => (await pageMarks(ext$, tab, root)).map((m) => `${m.entity}:${m.text}`);
    const lead = [
      ['sergey-lavrov:Sergey Lavrov', 'geneva:Geneva'],
      ['john-kerry:John Kerry', 'geneva:Geneva'],
    ];
    await expect.poll(() => marks('#lead')).toEqual(lead[0]);
    const items = await marks('#items');
    expect(items.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => marks('#box')).toEqual(['bashar-al-assad:Bashar al-Assad']);

    for (let round = 1; round <= 4; round++) {
      await page.click('#swap');
      await expectExactlyRendered();
      await expect.poll(() => marks('#lead'), { message: `round ${round}: the new name is marked` }).toEqual(lead[round % 2]);

      await page.click('#reverse');
      await expectExactlyRendered();
      await expect.poll(() => marks('#items')).toEqual(round % 2 ? [...items].reverse() : items);

      await page.click('#hide');
      await expectExactlyRendered();
      const boxShown = round % 2 === 0;
      await expect.poll(async () => (await pageStats(ext$, tab)).entityCounts['bashar-al-assad'] ?? 0).toBe(boxShown ? 1 : 0);
    }
    await page.waitForFunction(() => (window as { __rendered?: string }).__rendered?.includes('Update 120'));
    await expectExactlyRendered();
    // 120 re-renders of the counter leave one mark in it, and the page has one mark per name it shows
    // (lead, list, the section shown again in round 4, counter): nothing piles up.
    await expect.poll(() => marks('#ticker')).toEqual(['aleppo:Aleppo']);
    expect(await pageMarks(ext$, tab)).toHaveLength(lead[0]!.length + items.length + 1 + 1);
    expect(errors).toEqual([]);
  });
}
