import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/support/browser';
import { exposeUi, hoverText, SHADOW_GLOBAL, waitForMarks } from '../e2e/support/crossread-ui';
import { corpusArticlePage } from '../e2e/support/pages';
import { servePages } from '../e2e/support/server';
import { codeSize } from './bench/code-size';
import { median, round } from './bench/stats';

/**
 * `npm run bench:ui` (after `npm run build`): what the content script costs a page.
 * 1. Size: the code every page loads (the content script) next to the code loaded only when a
 *    card first opens (the tooltip view, Preact, the pack), minified and gzipped, and the
 *    ratio to bundling it all eagerly (the alternative).
 * 2. Hover to visible card, in real Chromium with the built extension: the first hover on a
 *    fresh page (loads the lazy chunk) and later hovers. The card opens after a deliberate
 *    120 ms hover-intent delay, reported apart from the work.
 * Writes bench-results/ui.json.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, out: { type: 'string', default: 'bench-results/ui.json' } } });
const RUNS = Number(values.runs);
const OPEN_DELAY_MS = 120;
const DIST = 'dist';
const sizeOf = (files: Iterable<string>) => codeSize(DIST, files);

// Every page loads the content scripts, each one self-contained file (the key guard at
// document_start and the main one); the card's view is the one web-accessible module, loaded
// when a card first opens (vite.config.ts says why).
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  content_scripts: { js: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
};
const eager = new Set(manifest.content_scripts.flatMap((c) => c.js));
const lazy = new Set((manifest.web_accessible_resources ?? []).flatMap((r) => r.resources));
const css = manifest.content_scripts.flatMap((c) => c.css ?? []);
const cssBytes = css.reduce((n, f) => n + readFileSync(join(DIST, f)).length, 0);
const size = {
  eager: { files: [...eager].sort(), ...sizeOf(eager) },
  lazy: { files: [...lazy].sort(), ...sizeOf(lazy) },
  injectedCssKB: round(cssBytes / 1024),
};
const everything = sizeOf([...eager, ...lazy]);

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
console.log(`content script loaded by every page: ${size.eager.minifiedKB} KB minified, ${size.eager.gzippedKB} KB gzipped (${size.eager.files.join(', ')}) + ${size.injectedCssKB} KB CSS`);
console.log(`loaded on the first card only:       ${size.lazy.minifiedKB} KB minified, ${size.lazy.gzippedKB} KB gzipped (${size.lazy.files.join(', ')})`);
console.log(`bundled eagerly instead, every page would load ${everything.gzippedKB} KB gzipped: ${round(everything.gzippedKB / size.eager.gzippedKB, 1)}× the lazy split`);
console.log(
  `hover to visible card (median of ${RUNS}; includes the ${OPEN_DELAY_MS} ms hover-intent delay): first hover on a page ${hover.firstHoverMs} ms (work ${hover.firstHoverWorkMs} ms), later hovers ${hover.laterHoverMs} ms (work ${hover.laterHoverWorkMs} ms)`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${values.out}`);
