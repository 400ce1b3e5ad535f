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
  // Counted in the page's own voice: the analyst's "regime" is hers, and the reader comment counts for nothing.
  await expect(framing.locator('.page-framing')).toContainText('This page: the Syrian state: “regime” 2×, “government” once');
  await expect(framing.locator('.page-framing')).toContainText('This page: quoting Jane Roe: “regime”');
  await expect(framing.locator('.page-framing')).not.toContainText('terrorists');
  await expect(framing.locator('.page-framing')).toContainText('scare quotes around “moderate”');
  await framing.locator('.page-framing summary').first().click();
  await expect(framing.locator('.page-framing blockquote').first()).toHaveText('The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels for the fighting.');
  await expect(framing.locator('.similarity li')).toHaveCount(bundledPack.sources.length);
  await expect(framing.locator('.similarity li').first()).toContainText('both use “regime”');
  const categories = bundledPack.framing.categories.length;
  await expect(framing.locator('.framing-chart svg path[data-series=page]')).toHaveCount(categories);
  await expect(framing.locator('.framing-chart svg circle')).toHaveCount(categories * bundledPack.sources.length);

  // This page says something else: more than 400,000 contradicts AFP's 290,000; the blog's 500,000 can be the same toll.
  const deaths = popup.locator('.conflict[data-measure=deaths]');
  await expect(deaths).toHaveCount(1);
  await expect(deaths.locator('.page-row')).toContainText('more than 400,000 people');
  await expect(deaths.locator('tr.differs strong')).toHaveText(['290,000']);
  await expect(deaths.locator('tr.differs').first()).toContainText('AFP');
  await expect(deaths.locator('tr[data-source=s003]')).toContainText('can be the same');
  // One airstrike's 12 dead is no war toll: not set against the sources'.
  await expect(popup.locator('.conflict')).not.toContainText('12 people');

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
  await expect(page.locator('.legend li')).toHaveCount(bundledPack.framing.categories.length);
  // Only the outlet's own words are highlighted: Lister's quoted "regime" is set apart, with his name, not marked.
  const lister = page.locator('.source-col[data-source=s001] .quoted[data-speaker="Charles Lister"]').first();
  await expect(lister).toContainText('The armed opposition in Syria');
  await expect(lister.locator('mark')).toHaveCount(0);
  // The reader comment below AFP's story is shown greyed out, and counted nowhere.
  await expect(page.locator('.source-col[data-source=s001] .excluded').last()).toContainText('Reid Barnes');

  // Voices: whom each source lets speak, by words, with the quotations on click.
  const voices = page.locator('.voice-col[data-source=s001]');
  await expect(voices.locator('li').first()).toHaveAttribute('data-speaker', 'John Kerry');
  await voices.locator('li[data-speaker="Charles Lister"] summary').click();
  await expect(voices.locator('li[data-speaker="Charles Lister"] blockquote').first()).toContainText('The armed opposition in Syria');
  await expect(page.locator('.voice-col[data-source=s000] li[data-speaker="Reid Barnes"]')).toHaveCount(0);
  const [quotes] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export quotations (CSV)' }).click()]);
  expect(quotes.suggestedFilename()).toBe('crossread-quotations.csv');
  const csv = readFileSync(await quotes.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('source,outlet,file,speaker,speaker_entity,kind,scare,start,end,text');
  const row = csv.split('\r\n').find((l) => l.includes('100 percent guarantee'))!;
  const [, , file, speaker, entity, kind, , start, end, words] = row.split(',');
  expect([file, speaker, entity, kind, words]).toEqual(['001_60298ffe5bee1918.txt', 'Sergey Lavrov', 'sergey-lavrov', 'partial', '100 percent guarantee']);
  // The offsets point into the file as read.
  expect(readFileSync(`assets/corpus/${file}`, 'utf8').slice(Number(start), Number(end))).toBe('100 percent guarantee');
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
  const toll = page.locator('section.disagreement#war-death-toll');
  await expect(toll).toBeVisible();
  // The blog's 500,000 stands in a sentence reporting Kerry: said so, never shown as the blog's own.
  await expect(toll.locator('tr[data-source=s003] .holder')).toHaveText('reporting John Kerry: not the outlet’s own statement');
  await expect(toll.locator('tr.mentions')).toHaveCount(2);
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
