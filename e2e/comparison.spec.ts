import { readFileSync } from 'node:fs';
import type { KnowledgePack } from '../src/shared/knowledge';
import { axeViolations, expect, openPopupFor, test, waitForMarks } from './support/fixtures';

/** The pack the build bundled (read as data: e2e tests import only types from src/). */
const bundledPack = JSON.parse(readFileSync('src/generated/knowledge-pack.json', 'utf8')) as KnowledgePack;

/** Every request the browser makes in a test: Crossread may reach nothing but the test's own server and its own package. */
function watchRequests(ext: { context: import('@playwright/test').BrowserContext }, serverOrigin: string): string[] {
  const outside: string[] = [];
  ext.context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(serverOrigin) && !/^(?:chrome-extension|chrome|data|blob|about):/.test(url)) outside.push(url);
  });
  return outside;
}

test('the popup compares a story page with the corpus: disagreement tables, its framing fingerprint, and its conflicting figure', async ({ ext, server }) => {
  const url = server.url('/framed');
  const outside = watchRequests(ext, new URL(url).origin);
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await waitForMarks(tab);

  const popup = await openPopupFor(ext, url);
  // Where the sources disagree: tables for the page's entities, each source a row, silent ones shown as silent.
  const deal = popup.locator('section.disagreement#deal-timing');
  await expect(deal).toBeVisible();
  await expect(deal.locator('tbody tr')).toHaveCount(bundledPack.sources.length);
  await expect(deal.locator('tbody tr').first()).toContainText('late on Friday');
  await expect(deal.locator('tr.silent').first()).toContainText('Silent');

  // How this page frames it: its own counts with evidence, a score per source with the words behind it, a chart.
  const framing = popup.locator('section.framing');
  await expect(framing.locator('.page-framing')).toContainText('This page: the Syrian state: “regime” 2×, “government” once');
  await expect(framing.locator('.page-framing')).toContainText('scare quotes around “moderate”');
  await framing.locator('.page-framing summary').first().click();
  await expect(framing.locator('.page-framing blockquote').first()).toHaveText('The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels for the fighting.');
  await expect(framing.locator('.similarity li')).toHaveCount(bundledPack.sources.length);
  await expect(framing.locator('.similarity li').first()).toContainText('both use “regime”');
  await expect(framing.locator('.framing-chart svg path[data-series=page]')).toHaveCount(8);
  await expect(framing.locator('.framing-chart svg circle')).toHaveCount(8 * bundledPack.sources.length);

  // This page says something else: 400,000 next to the sources' 290,000 and 500,000.
  const deaths = popup.locator('.conflict[data-measure=deaths]');
  await expect(deaths.locator('.page-row')).toContainText('more than 400,000 people');
  await expect(deaths.locator('tr.differs strong')).toHaveText(['290,000', '500,000 people']);
  await expect(deaths.locator('tr.differs').first()).toContainText('AFP');

  expect(await axeViolations(popup)).toEqual([]);
  expect(outside).toEqual([]);
});

test('on a page without the story the popup says so plainly, with no empty tables', async ({ ext, server }) => {
  const url = server.url('/no-story');
  const tab = await ext.context.newPage();
  await tab.goto(url);
  const popup = await openPopupFor(ext, url);
  await expect(popup.locator('.no-story')).toContainText('Nothing on this page belongs to the story Crossread knows');
  await expect(popup.locator('table')).toHaveCount(0);
  await expect(popup.locator('svg')).toHaveCount(0);
});

test('the compare view shows every source side by side, aligns a pick, hides outlets for students, prints, and exports one HTML file', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/pages/compare.html`);
  const columns = page.locator('.source-col');
  await expect(columns).toHaveCount(bundledPack.sources.length);
  for (const source of bundledPack.sources) await expect(page.locator(`.source-col[data-source=${source.id}] h3`)).toHaveText(source.label);
  // Framing terms highlighted per category, with a legend of every category.
  await expect(page.locator('.legend li')).toHaveCount(8);
  await expect(page.locator('.source-col[data-source=s001] mark[data-category=state-regime]').first()).toHaveText('regime');
  // The page's texts are the sources' own words: AFP's column holds its deaths sentence verbatim.
  await expect(page.locator('.source-col[data-source=s001] .source-text')).toContainText('the five-year civil war that has killed 290,000');
  expect(await axeViolations(page)).toEqual([]);

  // Pick an entity: each source's wording, aligned, and those sentences marked in the texts.
  await page.getByLabel('Entity').selectOption('entity:bashar-al-assad');
  await expect(page.locator('.aligned tbody tr')).toHaveCount(bundledPack.sources.length);
  await expect(page.locator('.source-text .focus').first()).toBeVisible();
  // Pick a claim: its table, and its evidence marked.
  await page.getByLabel('Claim').selectOption('war-death-toll');
  await expect(page.locator('section.disagreement#war-death-toll')).toBeVisible();
  const focused = (id: string) => page.locator(`.source-col[data-source=${id}] .focus`).allTextContents().then((t) => t.join(''));
  await expect.poll(() => focused('s003')).toContain('claimed the lives of 500,000 people');

  // Students first: no outlet name anywhere until revealed.
  await page.getByLabel('Students first: hide outlet names').check();
  await expect(page.locator('.source-col h3')).toHaveText(bundledPack.sources.map((_, i) => `Source ${String.fromCharCode(65 + i)}`));
  const shown = await page.locator('.comparison-doc').innerText();
  for (const s of bundledPack.sources) expect(shown).not.toContain(s.label);
  await expect(page.locator('section.disagreement tbody th').first()).toHaveText(/^Source [A-E]$/);

  // Export: one self-contained file, what is shown (names still hidden), no script, nothing to fetch.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as HTML' }).click()]);
  expect(download.suggestedFilename()).toBe('crossread-deaths-in-the-syrian-war.html');
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<script|<link|@import|\bsrc=|url\(/i);
  expect(html).toContain('the five-year civil war that has killed 290,000');
  expect(html).toContain('Source A');
  for (const s of bundledPack.sources) expect(html).not.toContain(s.label);

  await page.getByRole('button', { name: 'Reveal outlet names' }).click();
  await expect(page.locator('.source-col[data-source=s001] h3')).toHaveText(bundledPack.sources[1]!.label);

  // Print: controls hidden, the sources one after another, and a PDF comes out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.controls')).toBeHidden();
  await expect(page.locator('.columns')).toHaveCSS('display', 'block');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});
