import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/support/browser';
import { exposeUi, hoverText, SHADOW_GLOBAL, waitForMarks } from '../e2e/support/crossread-ui';
import { corpusArticlePage } from '../e2e/support/pages';
import { servePages } from '../e2e/support/server';
import { PACKAGE_FILES } from '../src/content/package-files';
import { codeSize } from './bench/code-size';
import { median, round } from './bench/stats';

/**
 * `npm run bench:ui` (after `npm run build`): what the content script costs a page.
 * 1. Size, minified and gzipped, by when each part loads (README "Start-up cost"): the content
 *    scripts on every page; the scan (and the matcher's bytes, data) on pages Crossread reads;
 *    the UI with the first mark or note; the card's view (Preact, the pack) when a card first
 *    opens; and the ratio to bundling it all eagerly (the alternative).
 * 2. Hover to visible card, in real Chromium with the built extension: the first hover on a
 *    fresh page (loads the card's view) and later hovers. The card opens after a deliberate
 *    120 ms hover-intent delay, reported apart from the work.
 * Writes bench-results/ui.json.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, out: { type: 'string', default: 'bench-results/ui.json' } } });
const RUNS = Number(values.runs);
const OPEN_DELAY_MS = 120;
const DIST = 'dist';
const sizeOf = (files: Iterable<string>) => codeSize(DIST, files);

// Every page loads the content scripts, each one self-contained file (the key guard at
// document_start and the main one); the other parts are web-accessible modules loaded later,
// each when it is first needed (vite.config.ts says why).
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  content_scripts: { js: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
};
const eager = new Set(manifest.content_scripts.flatMap((c) => c.js));
const lazy = new Set((manifest.web_accessible_resources ?? []).flatMap((r) => r.resources));
const css = manifest.content_scripts.flatMap((c) => c.css ?? []);
const cssBytes = css.reduce((n, f) => n + readFileSync(join(DIST, f)).length, 0);
const part = (file: string) => ({ files: [file], ...sizeOf([file]) });
const size = {
  eager: { files: [...eager].sort(), ...sizeOf(eager) },
  /** Pages Crossread reads (not skipped): the scan. */
  scan: part(PACKAGE_FILES.core),
  /** Data, fetched with the scan: the compiled matcher. */
  matcherDataKB: round(readFileSync(join(DIST, PACKAGE_FILES.matcher)).length / 1024),
  /** With the first mark, the first saved note, or a note on a selection. */
  ui: part(PACKAGE_FILES.ui),
  /** When a card first opens (or the keyboard first moves to a name). */
  view: part(PACKAGE_FILES.view),
  injectedCssKB: round(cssBytes / 1024),
};
const unexpected = [...lazy].filter((f) => !(Object.values(PACKAGE_FILES) as string[]).includes(f));
if (unexpected.length > 0) throw new Error(`web-accessible files this benchmark does not place: ${unexpected.join(', ')}`);
const lazyCode = [PACKAGE_FILES.core, PACKAGE_FILES.ui, PACKAGE_FILES.view];
const everything = sizeOf([...eager, ...lazyCode]);

/**
 * Run in the page: resolves with the time from the pointer's move onto a name to the first
 * animation frame with the card shown (read through the shadow root exposeUi resolved).
 */
const WAIT_FOR_CARD = `new Promise((resolve) => {
  let start = 0;
  document.addEventListener('pointermove', (e) => { start ||= e.timeStamp; }, { capture: true, once: true });
  const check = (t) => {
    const card = globalThis.${SHADOW_GLOBAL}?.querySelector('[role="dialog"]');
    if (start && card && card.getBoundingClientRect().height > 0) resolve(t - start);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

// Hover to visible, in the browser.
const server = await servePages({ '/article': corpusArticlePage('001_60298ffe5bee1918.txt') });
const ext = await launchWithExtension();
const cold: number[] = [];
const warm: number[] = [];
try {
  const page = await ext.context.newPage();
  for (let r = 0; r < RUNS; r++) {
    await page.goto(server.url('/article'));
    await waitForMarks(page);
    await exposeUi(page);
    for (let h = 0; h < 3; h++) {
      await page.mouse.move(5, 5);
      await page.waitForFunction(`!globalThis.${SHADOW_GLOBAL}.querySelector('[role="dialog"]')`);
      // (A string, not a function: tsx would add helpers the page does not have.)
      const shown = page.evaluate(WAIT_FOR_CARD) as Promise<number>;
      await hoverText(page, { text: 'Lavrov', nth: h });
      (h === 0 ? cold : warm).push(await shown);
    }
  }
} finally {
  await ext.context.close();
  await server.close();
}

const hover = {
  openDelayMs: OPEN_DELAY_MS,
  firstHoverMs: round(median(cold)),
  laterHoverMs: round(median(warm)),
  firstHoverWorkMs: round(median(cold) - OPEN_DELAY_MS),
  laterHoverWorkMs: round(median(warm) - OPEN_DELAY_MS),
  runs: RUNS,
};
const results = { date: new Date().toISOString(), size, everythingEagerly: everything, eagerShareOfAll: round(size.eager.gzippedKB / everything.gzippedKB, 3), hover };
const kb = (x: { minifiedKB: number; gzippedKB: number }) => `${x.minifiedKB} KB minified, ${x.gzippedKB} KB gzipped`;
console.log(`every page (content scripts):                 ${kb(size.eager)} (${size.eager.files.join(', ')}) + ${size.injectedCssKB} KB CSS`);
console.log(`pages Crossread reads (the scan):             ${kb(size.scan)} (${PACKAGE_FILES.core}) + ${size.matcherDataKB} KB of matcher data`);
console.log(`with the first mark or note (the UI):         ${kb(size.ui)} (${PACKAGE_FILES.ui})`);
console.log(`when a card first opens (view, Preact, pack): ${kb(size.view)} (${PACKAGE_FILES.view})`);
console.log(`bundled eagerly instead, every page would load ${everything.gzippedKB} KB gzipped: ${round(everything.gzippedKB / size.eager.gzippedKB, 1)}× the lazy split`);
console.log(
  `hover to visible card (median of ${RUNS}; includes the ${OPEN_DELAY_MS} ms hover-intent delay): first hover on a page ${hover.firstHoverMs} ms (work ${hover.firstHoverWorkMs} ms), later hovers ${hover.laterHoverMs} ms (work ${hover.laterHoverWorkMs} ms)`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${values.out}`);
