import { launchWithExtension } from './e2e/support/browser';
import { EDGES_PAGE } from './e2e/support/pages';
import { servePages } from './e2e/support/server';
import { registerUiSelector, exposeUi, spanRects, waitForMarks, hoverText, CARD } from './e2e/support/crossread-ui';
await registerUiSelector();
const server = await servePages({ '/e': EDGES_PAGE });
const ext = await launchWithExtension();
const page = await ext.context.newPage();
await page.goto(server.url('/e'));
await waitForMarks(page);
await exposeUi(page);
const names: Record<string, string> = { tl: 'Kerry', tr: 'Lavrov', bl: 'Aleppo', br: 'Geneva', inbox: 'Bashar al-Assad' };
for (const [id, name] of Object.entries(names)) {
  const rects = await spanRects(page, { text: name, within: `#${id}` });
  await hoverText(page, { text: name, within: `#${id}` });
  await page.waitForTimeout(900);
  const vis = await page.locator(CARD).isVisible();
  console.log(id, JSON.stringify(rects), vis, await page.evaluate(() => [...CSS.highlights.values()].map(h => [...h].map(r => (r.startContainer as Text).data))));
  if (vis) { await page.locator(CARD).getByRole('button', { name: 'Close' }).click(); await page.mouse.move(600, 5); await page.waitForTimeout(300); }
}
await ext.context.close(); await server.close();
