import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath, launchWithExtension, QUIET_FLAGS } from '../e2e/support/browser';
import { openExtensionPage, pageStats, tabIdOf } from '../e2e/support/extension-pages';
import { hostilePages } from '../e2e/support/hostile-pages';
import { servePages } from '../e2e/support/server';
import { median, round } from './bench/stats';

/**
 * `npm run bench:hostile` (after `npm run build`): what the hostile-page suite's pages cost
 * with Crossread, against the same pages in the same Chromium without it (the alternative: no
 * extension), loaded in turn in one run. Per page, medians of `--runs` loads:
 * - main-thread tasks of 50 ms or more from navigation until the page and Crossread are done
 *   (long tasks, PerformanceObserver), the longest task, and main-thread time (DevTools
 *   protocol `Performance.getMetrics` TaskDuration);
 * - the mutation storm: main-thread time over its five seconds (bounded CPU).
 * Writes bench-results/hostile.json.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, out: { type: 'string', default: 'bench-results/hostile.json' } } });
const RUNS = Number(values.runs);
/** The pages measured: the suite's, but the one that breaks the page's own promises (a tool's page script cannot run there). */
const PATHS = ['/hostile/huge-text', '/hostile/many-elements', '/hostile/storm', '/hostile/csp', '/hostile/frames', '/hostile/hidden-trees', '/hostile/scripts', '/hostile/editors'];

/** Records long tasks from the start of every document (the main world, before the page's scripts). */
const RECORD_LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });`;

interface Load {
  longTasks: number[];
  taskMs: number;
}

/** Main-thread task time of a page since `Performance.enable` on `cdp` (ms). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * Loads `url` in a fresh tab and waits until the page is done (the storm stopped) and, with
 * Crossread, until its first pass is done and a second has gone by with no new pass.
 */
async function load(context: BrowserContext, url: string, crossread: Page | undefined): Promise<Load> {
  const page = await context.newPage();
  await page.addInitScript(RECORD_LONG_TASKS);
  // The renderer's task time counts from here (the blank tab's own is next to nothing).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  if (url.endsWith('/storm')) await page.waitForFunction('document.body.dataset.done === "yes"', undefined, { timeout: 60_000 });
  if (crossread) {
    const tab = await tabIdOf(crossread, url);
    for (let last = -1; ; ) {
      const passes = (await pageStats(crossread, tab)).passes;
      if (passes > 0 && passes === last) break;
      last = passes;
      await page.waitForTimeout(1_000);
    }
  } else {
    await page.waitForTimeout(1_000);
  }
  const result = { longTasks: (await page.evaluate('window.__longTasks')) as number[], taskMs: await taskMs(cdp) };
  await page.close();
  return result;
}

const pages: Record<string, string> = {};
const server = await servePages(pages);
Object.assign(pages, hostilePages(server.url('').replace('127.0.0.1', 'localhost')));
const ext = await launchWithExtension();
const plain: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
const plainContext = await plain.newContext({ viewport: { width: 1200, height: 860 } });
const ext$ = await openExtensionPage(ext);

const results: Record<string, unknown> = {};
console.log(`Hostile pages, with Crossread vs the same Chromium without it; medians of ${RUNS} loads.`);
console.log('page | long tasks ≥ 50 ms with / without | longest task with / without | main thread with / without (ratio)');
for (const path of PATHS) {
  const url = server.url(path);
  const withIt: Load[] = [];
  const without: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    withIt.push(await load(ext.context, url, ext$));
    without.push(await load(plainContext, url, undefined));
  }
  const summary = (loads: Load[]) => ({
    longTasks: median(loads.map((l) => l.longTasks.length)),
    longestTaskMs: round(median(loads.map((l) => Math.max(0, ...l.longTasks)))),
    mainThreadMs: round(median(loads.map((l) => l.taskMs))),
  });
  const a = summary(withIt);
  const b = summary(without);
  results[path] = { with: a, without: b, mainThreadRatio: round(a.mainThreadMs / b.mainThreadMs), raw: { with: withIt, without } };
  console.log(`${path} | ${a.longTasks} / ${b.longTasks} | ${a.longestTaskMs} / ${b.longestTaskMs} ms | ${a.mainThreadMs} / ${b.mainThreadMs} ms (${round(a.mainThreadMs / b.mainThreadMs)}×)`);
}

await ext.context.close();
await plain.close();
await server.close();
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, chromium: chromiumPath(), pages: results }, null, 2)}\n`);
console.log(`Written to ${values.out}`);
