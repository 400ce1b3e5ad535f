import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/support/browser';
import { CARD, openCard, registerUiSelector, ui, waitForMarks } from '../e2e/support/crossread-ui';
import { corpusArticlePage, corpusFiles, FRAMED_PAGE } from '../e2e/support/pages';
import { openExtensionPage, pageStats, popupUrl, tabIdOf } from '../e2e/support/extension-pages';
import { servePages } from '../e2e/support/server';
import { bundledPack } from '../src/shared/bundled-pack';

/**
 * `npm start`: opens Chromium with the built extension on demo pages made from the corpus.
 * With a display, the browser stays open for you to hover names. Without one (or with
 * --headless), it runs headless, saves screenshots of a tooltip, the popup, the popup's
 * comparison of a page that is not in the corpus, the compare view and the notes library, and
 * prints what Crossread found on each page.
 */
const { values } = parseArgs({
  options: { headless: { type: 'boolean' }, out: { type: 'string', default: 'screenshots' } },
});
const headless = values.headless || !process.env.DISPLAY || !!process.env.CI;
const outDir = resolve(values.out!);

const files = corpusFiles();
const pages: Record<string, string> = {};
for (const f of files) pages[`/${f.replace(/\.txt$/, '.html')}`] = corpusArticlePage(f);
pages['/framed.html'] = FRAMED_PAGE;
const sourceLabel = new Map(bundledPack.sources.map((s) => [s.file, s.label]));
pages['/'] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Crossread demo</title></head>
<body style="font:17px/1.6 system-ui;max-width:720px;margin:40px auto"><h1>Crossread demo: five outlets, one story</h1>
<p>Each page below is a corpus text as captured from the web. Hover a dotted name.</p><ul>${files
  .map((f) => `<li><a href="/${f.replace(/\.txt$/, '.html')}">${sourceLabel.get(f) ?? f}</a></li>`)
  .join('')}</ul><p>And a page that is not in the corpus, with framing words and a death toll of its own: <a href="/framed.html">Truce talks, again</a>
(open Crossread's popup there).</p></body></html>`;

const server = await servePages(pages);
await registerUiSelector();
const ext = await launchWithExtension({ headless });
const articleUrl = (f: string) => server.url(`/${f.replace(/\.txt$/, '.html')}`);

if (!headless) {
  const page = await ext.context.newPage();
  await page.goto(articleUrl(files[1] ?? files[0]!));
  console.log(`Crossread is loaded. Demo pages: ${server.url('/')}\nHover a dotted name; click the puzzle-piece icon to pin Crossread's popup. Close the browser to finish.`);
  await new Promise<void>((done) => ext.context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const control = await openExtensionPage(ext);
const name = (id: string) => bundledPack.entities.find((e) => e.id === id)?.name ?? id;

console.log('\nCrossread on the corpus demo pages');
console.log('page'.padEnd(48), 'marks'.padStart(6), 'names'.padStart(6), 'scan ms'.padStart(8), '  most marked');
for (const f of files) {
  const page = await ext.context.newPage();
  await page.goto(articleUrl(f));
  await waitForMarks(page);
  const s = await pageStats(control, await tabIdOf(control, articleUrl(f)));
  const top = Object.entries(s.entityCounts).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id, n]) => `${name(id)} ${n}`);
  console.log((sourceLabel.get(f) ?? f).slice(0, 48).padEnd(48), String(s.markCount).padStart(6), String(s.entityIds.length).padStart(6), s.scanMs.toFixed(1).padStart(8), ' ', top.join(', '));
  await page.close();
}

// A tooltip, in light and dark mode.
for (const scheme of ['light', 'dark'] as const) {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 1000, height: 720 });
  await page.goto(articleUrl(files[1] ?? files[0]!));
  await waitForMarks(page);
  await openCard(page, { text: 'Lavrov', nth: 1 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${outDir}/tooltip${scheme === 'dark' ? '-dark' : ''}.png` });
  if (scheme === 'light') {
    // Save a note from the tooltip so the popup has one to show.
    const card = page.locator(CARD);
    await card.locator('textarea').fill('Lavrov’s “100 percent” caveat: compare with the 003 repost.');
    await card.locator('button[type="submit"]').click();
    await ui(page, '[role="status"]').filter({ hasText: 'Saved.' }).waitFor();
    const tab = await tabIdOf(control, articleUrl(files[1] ?? files[0]!));
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(popupUrl(ext, `?tab=${tab}`));
    await popup.locator('.note-item').waitFor();
    await popup.screenshot({ path: `${outDir}/popup.png`, fullPage: false });
  }
  await page.close();
}

// The popup's comparison of a page that is not in the corpus, in a tab of its own (as ?tab= allows).
const framed = await ext.context.newPage();
await framed.goto(server.url('/framed.html'));
await waitForMarks(framed);
const comparison = await ext.context.newPage();
await comparison.setViewportSize({ width: 380, height: 1000 });
await comparison.goto(popupUrl(ext, `?tab=${await tabIdOf(control, server.url('/framed.html'))}`));
await comparison.locator('section.framing').scrollIntoViewIfNeeded();
await comparison.locator('section.framing').screenshot({ path: `${outDir}/popup-framing.png` });
const similar = await comparison.locator('.similarity li').allInnerTexts();
const conflicts = await comparison.locator('.conflict').allInnerTexts();
console.log(`\n"Truce talks, again" (not in the corpus): ${await comparison.locator('section.disagreement').count()} disagreement tables`);
console.log(`  closest in wording: ${similar[0]?.replace(/\s+/g, ' ').trim()}`);
for (const c of conflicts) console.log(`  says something else: ${c.replace(/\s+/g, ' ').trim().slice(0, 160)}…`);

// The compare view on the death toll, and the notes library.
const compare = await ext.context.newPage();
await compare.setViewportSize({ width: 1400, height: 900 });
await compare.goto(`chrome-extension://${ext.extensionId}/src/pages/compare.html#war-death-toll`);
await compare.locator('.source-col').first().waitFor();
await compare.evaluate(() => window.scrollTo(0, 0));
await compare.screenshot({ path: `${outDir}/compare.png` });
const library = await ext.context.newPage();
await library.setViewportSize({ width: 1000, height: 640 });
await library.goto(`chrome-extension://${ext.extensionId}/src/pages/library.html`);
await library.locator('.note-item').first().waitFor();
await library.screenshot({ path: `${outDir}/library.png` });

console.log(`\nScreenshots: ${outDir}/tooltip.png, tooltip-dark.png, popup.png, popup-framing.png, compare.png, library.png`);
await ext.context.close();
await server.close();
