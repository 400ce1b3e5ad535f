import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from '../e2e/support/browser';
import { hostilePages } from '../e2e/support/hostile-pages';
import { servePages } from '../e2e/support/server';
import { codeSize } from './bench/code-size';
import { articlePage, portalPage, random } from './bench/pages';
import { median, round } from './bench/stats';

/**
 * `npm run bench:startup` (after `npm run build`): what Crossread costs a page while it loads,
 * in real Chromium with the built extension, against the same browser without Crossread in
 * the same run (and, with `--before <dir>`, an older build of the extension too).
 * 1. Script time per page load (CDP `Performance.getMetrics` ScriptDuration, the page's
 *    renderer; warm: after warm-up loads, median of `--runs` loads) on a page without names,
 *    the 130,000-character article (beside its scan time from the stats hook), an editor
 *    page and a near-empty app shell (both skipped).
 * 2. The longest main-thread task caused by Crossread while large generated pages load (a
 *    trace of the renderer's main thread; a task is Crossread's when it runs Crossread's code),
 *    beside the page's own longest task without Crossread.
 * 3. Bytes of JavaScript a page without names evaluates at start (minified and gzipped).
 * 4. When the first marks appear on the article (from navigation start).
 * Writes bench-results/startup.json.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '12' },
    traces: { type: 'string', default: '3' },
    before: { type: 'string' },
    out: { type: 'string', default: 'bench-results/startup.json' },
    /** Only these pages (comma-separated paths), for a quick look at one. */
    only: { type: 'string' },
    /** Also profile Crossread's script on the page without names (CPU profile over warm loads). */
    profile: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const TRACES = Number(values.traces);
/** After `load`, how long a page is left to Crossread: its idle wait (at most 400 ms), loading its parts and the first scan. */
const SETTLE_MS = 1_500;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** Prose that names nobody in the pack (gardening), `paragraphs` paragraphs of it. */
function plainPage(paragraphs: number, title = 'Notes from the garden'): string {
  const words = 'the soil after rain was dark and soft so we planted beans along the fence and watered the young tomatoes before noon while bees moved slowly between the flowers of the old apple tree'.split(' ');
  const rnd = random(paragraphs);
  const para = () => Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${esc(`${i === 0 ? 'In' : 'Then'} ${para()}.`)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

const PAGES: Record<string, string> = {
  '/plain': plainPage(2),
  '/article': articlePage(130_000),
  '/editor': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Draft</title></head><body><nav>File · Edit · View</nav><div contenteditable="true">${plainPage(40).replace(/^.*<body>|<\/body>.*$/gs, '')}</div></body></html>`,
  '/app-shell': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head><body><div id="root"><canvas width="800" height="600"></canvas></div><script>window.state = ${JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => `item ${i}`) })};</script></body></html>`,
  '/long-plain': plainPage(400, 'A long page without names'),
  '/portal': portalPage(1_500_000),
  '/many-elements': hostilePages('')['/hostile/many-elements']!,
};
/** Pages whose script time is measured, and the large pages traced for long tasks. */
const picked = (paths: string[]) => (values.only ? paths.filter((p) => values.only!.split(',').includes(p)) : paths);
const SCRIPT_PAGES = picked(['/plain', '/article', '/editor', '/app-shell']);
const LARGE_PAGES = picked(['/article', '/long-plain', '/portal', '/many-elements', '/editor']);

interface Config {
  name: string;
  context: BrowserContext;
  extensionId?: string;
}

async function launch(name: string, extensionDir?: string): Promise<Config> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'crossread-bench-'));
  const args = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_FLAGS] : QUIET_FLAGS;
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath(), headless: true, viewport: { width: 1200, height: 860 }, args });
  if (!extensionDir) return { name, context };
  const isWorker = (w: { url(): string }) => w.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(isWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isWorker }));
  return { name, context, extensionId: new URL(worker.url()).host };
}

const scriptSeconds = async (cdp: CDPSession) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;

/** One load of `url`: the renderer's script time (ms) over the load and the settle time after it. */
async function scriptTimeOfLoad(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await page.goto('about:blank');
  const before = await scriptSeconds(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const after = await scriptSeconds(cdp);
  // The metric restarts when a navigation changes renderer; then the whole value is this load's.
  return (after >= before ? after - before : after) * 1000;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * Where Crossread's script time goes on warm loads of `url`: a V8 CPU profile (sampled every
 * 50 µs) over `runs` loads, self time per function of Crossread's files (and the engine's own
 * entries: compiling, garbage collection), in milliseconds per load, largest first.
 */
async function profileLoads(page: Page, url: string, runs: number): Promise<{ perLoadMs: number; top: { fn: string; file: string; selfMs: number }[] }> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  // Same-site navigations keep the renderer, so one profile spans every load.
  for (let r = 0; r < runs; r++) {
    await page.goto(`${url}?load=${r}`, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const nodes = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  const byFn = new Map<string, { fn: string; file: string; selfUs: number }>();
  let ours = 0;
  for (const [id, us] of self) {
    const { functionName, url: file, lineNumber } = nodes.get(id)!.callFrame;
    const engine = functionName.startsWith('(') && functionName !== '(idle)' && functionName !== '(root)';
    if (!isExtensionUrl(file) && !engine) continue;
    const name = file ? new URL(file).pathname : '';
    const key = `${name}:${functionName}:${lineNumber}`;
    const entry = byFn.get(key) ?? { fn: `${functionName || '(anonymous)'}${file ? `:${lineNumber + 1}` : ''}`, file: name, selfUs: 0 };
    entry.selfUs += us;
    byFn.set(key, entry);
    if (file) ours += us;
  }
  const top = [...byFn.values()].sort((a, b) => b.selfUs - a.selfUs).slice(0, 30).map((e) => ({ fn: e.fn, file: e.file, selfMs: round(e.selfUs / 1000 / runs, 3) }));
  return { perLoadMs: round(ours / 1000 / runs, 3), top };
}

/** The page's stats from Crossread's stats hook (through an extension page), or undefined without Crossread. */
async function statsOf(config: Config, url: string): Promise<Record<string, unknown> | undefined> {
  if (!config.extensionId) return undefined;
  const ext = await config.context.newPage();
  try {
    await ext.goto(`chrome-extension://${config.extensionId}/src/popup/index.html`);
    return (await ext.evaluate(async (u) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const stats = (await chrome.tabs.sendMessage(tab.id, { type: 'getPageStats' }).catch(() => undefined)) as { url?: string } | undefined;
        if (stats?.url === u) return stats;
      }
      return undefined;
    }, url)) as Record<string, unknown> | undefined;
  } finally {
    await ext.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[]; worldName?: string }; fileName?: string; worldName?: string };
}

const isExtensionUrl = (u: unknown) => typeof u === 'string' && u.startsWith('chrome-extension://');
const runsExtensionCode = (e: TraceEvent) =>
  isExtensionUrl(e.args?.data?.url) || isExtensionUrl(e.args?.data?.scriptName) || isExtensionUrl(e.args?.fileName) || isExtensionUrl(e.args?.data?.stackTrace?.[0]?.url);

/** Traces one load of `url` (from a blank page, settled for SETTLE_MS): its events, and the renderer main threads' "pid:tid". */
async function traceLoad(page: Page, url: string, categories: string): Promise<{ events: TraceEvent[]; mainThreads: Set<string> }> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: categories, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return { events, mainThreads };
}

/**
 * A traced load: the longest main-thread task, and Crossread's longest stretch of work in one
 * task (its outermost events there, forced style and layout inside them included) with the
 * length of the task it ran in (a task can be the page's own, e.g. the parser's, with
 * Crossread's injection inside it).
 */
async function tracedLoad(page: Page, url: string): Promise<{ longestMs: number; crossreadTaskMs: number; crossreadOwnMs: number; crossreadTasksOver50: number }> {
  const { events, mainThreads } = await traceLoad(page, url, 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8');
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && onMain(e));
  const ours = events.filter((e) => e.ph === 'X' && e.dur !== undefined && onMain(e) && runsExtensionCode(e));
  let longestMs = 0;
  let crossreadTaskMs = 0;
  let crossreadOwnMs = 0;
  let crossreadTasksOver50 = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    longestMs = Math.max(longestMs, task.dur! / 1000);
    const inside = ours.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end);
    if (inside.length === 0) continue;
    // Crossread's own time: its outermost events in the task.
    let own = 0;
    let coveredUntil = -1;
    for (const e of inside.sort((a, b) => a.ts - b.ts)) {
      if (e.ts < coveredUntil) continue;
      own += e.dur!;
      coveredUntil = e.ts + e.dur!;
    }
    if (own / 1000 >= 50) crossreadTasksOver50++;
    // Crossread's share of a task: its outermost events, forced style and layout inside them included.
    if (own / 1000 > crossreadOwnMs) {
      crossreadOwnMs = own / 1000;
      crossreadTaskMs = task.dur! / 1000;
    }
  }
  return { longestMs, crossreadTaskMs, crossreadOwnMs, crossreadTasksOver50 };
}

/** Events that run Crossread's code: by its files' addresses, or by its isolated world's name. */
const isCrossreadEvent = (e: TraceEvent) => runsExtensionCode(e) || e.args?.data?.worldName === 'Crossread' || e.args?.worldName === 'Crossread';
/** Promise reactions run here; ScriptDuration leaves them out when a native promise (fetch, import, storage) resolved them. */
const isMicrotaskCheckpoint = (e: TraceEvent) => e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' || e.name === 'RunMicrotasks';

/**
 * One traced load (light categories): the main thread's work in Crossread's events and in
 * microtask checkpoints, outermost events only, in ms. ScriptDuration counts only script the
 * browser calls directly (a parsed script, an event listener, a timer, an idle callback), not
 * what runs after `await fetch(…)`, `await import(…)` or a storage read: in a checkpoint, a
 * 20 ms loop after a fetch counted 0.5–4 ms. The pages measured run no promises of their own,
 * so there every checkpoint with work is Crossread's (the `without` column shows the page's own).
 */
async function mainThreadWorkOfLoad(page: Page, url: string): Promise<number> {
  const { events, mainThreads } = await traceLoad(page, url, 'toplevel,devtools.timeline');
  const ours = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`) && (isCrossreadEvent(e) || isMicrotaskCheckpoint(e)))
    .sort((a, b) => a.ts - b.ts);
  let us = 0;
  let coveredUntil = -1;
  for (const e of ours) {
    if (e.ts < coveredUntil) continue;
    us += e.dur!;
    coveredUntil = e.ts + e.dur!;
  }
  return us / 1000;
}

/** Milliseconds from navigation start to the first Crossread mark in the highlight registry. */
async function firstMarkMs(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => [...CSS.highlights.entries()].some(([name, h]) => name.startsWith('crossread-mark-') && h.size > 0), undefined, { polling: 'raf', timeout: 10_000 });
  return page.evaluate(() => performance.now());
}

/** The JavaScript a page without names evaluates at start: the content scripts and the parts they load there. */
function startBytes(dir: string, files: string[]) {
  return { files, ...codeSize(dir, files) };
}

function startFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  const scripts = manifest.content_scripts.flatMap((c) => c.js);
  // What the entry loads on a page it reads (not the UI, the card or the matcher's bytes, which are data).
  const core = 'assets/crossread-core.js';
  return existsSync(join(dir, core)) ? [...scripts, core] : scripts;
}

const dist = resolve('dist');
if (!existsSync(join(dist, 'manifest.json'))) throw new Error('dist/ has no build: run `npm run build` first.');
const server = await servePages(PAGES);
const configs: Config[] = [await launch('without'), await launch('crossread', dist)];
if (values.before) configs.push(await launch('before', resolve(values.before)));

const results: Record<string, unknown> = { date: new Date().toISOString(), runs: RUNS, traces: TRACES, settleMs: SETTLE_MS, chromium: configs[0]!.context.browser()?.version() };
try {
  // 1. Script time per load, warm (two loads first), configurations interleaved page by page.
  const scriptTime: Record<string, Record<string, unknown>> = {};
  for (const path of SCRIPT_PAGES) {
    const url = server.url(path);
    const row: Record<string, unknown> = {};
    for (const config of configs) {
      const page = await config.context.newPage();
      const cdp = await config.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      for (let w = 0; w < 2; w++) await scriptTimeOfLoad(page, cdp, url);
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) times.push(await scriptTimeOfLoad(page, cdp, url));
      const stats = await statsOf(config, url);
      const work: number[] = [];
      for (let r = 0; r < RUNS; r++) work.push(await mainThreadWorkOfLoad(page, url));
      row[config.name] = {
        medianMs: round(median(times)),
        minMs: round(Math.min(...times)),
        maxMs: round(Math.max(...times)),
        workMedianMs: round(median(work)),
        workMaxMs: round(Math.max(...work)),
        ...(stats && { scanMs: stats.scanMs, markCount: stats.markCount, passes: stats.passes, skipped: stats.skipped, matcherLoadMs: stats.matcherLoadMs }),
      };
      await page.close();
    }
    scriptTime[path] = row;
    const cell = (name: string) => {
      const r = row[name] as { medianMs: number; workMedianMs: number; scanMs?: number; markCount?: number; skipped?: string } | undefined;
      return r ? `${name} ${r.medianMs} ms (with promise reactions ${r.workMedianMs} ms)${r.scanMs !== undefined ? ` (scan ${r.scanMs} ms, ${r.markCount} marks${r.skipped ? `, skipped: ${r.skipped}` : ''})` : ''}` : '';
    };
    console.log(`script time per load ${path} (median of ${RUNS}): ${configs.map((c) => cell(c.name)).join('; ')}`);
  }
  results.scriptTime = scriptTime;

  if (values.profile) {
    const profiles: Record<string, unknown> = {};
    for (const config of configs) {
      const page = await config.context.newPage();
      const profile = await profileLoads(page, server.url('/plain'), RUNS);
      await page.close();
      profiles[config.name] = profile;
      console.log(`profile of /plain, ${config.name} (self time per load, ${RUNS} loads): Crossread's files ${profile.perLoadMs} ms`);
      for (const e of profile.top.slice(0, 15)) console.log(`  ${e.selfMs.toFixed(3).padStart(7)} ms  ${e.file} ${e.fn}`);
    }
    results.profile = profiles;
  }

  // 2. Long tasks while large pages load.
  const longTasks: Record<string, Record<string, unknown>> = {};
  for (const path of LARGE_PAGES) {
    const url = server.url(path);
    const row: Record<string, unknown> = {};
    for (const config of configs) {
      const page = await config.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(SETTLE_MS);
      const loads = [];
      for (let t = 0; t < TRACES; t++) loads.push(await tracedLoad(page, url));
      const worst = loads.reduce((a, l) => (l.crossreadOwnMs > a.crossreadOwnMs ? l : a));
      row[config.name] = {
        longestTaskMs: round(Math.max(...loads.map((l) => l.longestMs))),
        longestCrossreadWorkMs: round(worst.crossreadOwnMs),
        inTaskOfMs: round(worst.crossreadTaskMs),
        crossreadWorkOver50ms: loads.reduce((n, l) => n + l.crossreadTasksOver50, 0),
      };
      await page.close();
    }
    longTasks[path] = row;
    const parts = configs.map((c) => {
      const r = row[c.name] as { longestTaskMs: number; longestCrossreadWorkMs: number; inTaskOfMs: number };
      return c.name === 'without' ? `without: page's own longest task ${r.longestTaskMs} ms` : `${c.name}: Crossread's longest work in one task ${r.longestCrossreadWorkMs} ms (in a task of ${r.inTaskOfMs} ms), longest task of all ${r.longestTaskMs} ms`;
    });
    console.log(`long tasks ${path} (worst of ${TRACES} traced loads): ${parts.join('; ')}`);
  }
  results.longTasks = longTasks;

  // 3. First marks on the article.
  if (!values.only || values.only.includes('/article')) {
    const firstMarks: Record<string, number> = {};
    for (const config of configs.filter((c) => c.extensionId)) {
      const page = await config.context.newPage();
      const times = [];
      for (let r = 0; r < 5; r++) times.push(await firstMarkMs(page, server.url('/article')));
      firstMarks[config.name] = round(median(times));
      await page.close();
    }
    results.firstMarkMs = firstMarks;
    console.log(`first marks on the article, from navigation start (median of 5): ${Object.entries(firstMarks).map(([k, v]) => `${k} ${v} ms`).join('; ')}`);
  }
} finally {
  for (const config of configs) await config.context.close();
  await server.close();
}

// 4. Bytes evaluated at start on a page without names.
const bytes: Record<string, unknown> = { crossread: startBytes(dist, startFiles(dist)) };
if (values.before) bytes.before = startBytes(resolve(values.before), startFiles(resolve(values.before)));
results.startBytes = bytes;
for (const [name, b] of Object.entries(bytes) as [string, ReturnType<typeof startBytes>][]) {
  console.log(`JavaScript evaluated at start on a page without names, ${name}: ${b.minifiedKB} KB minified, ${b.gzippedKB} KB gzipped (${b.files.join(', ')})`);
}
const plain = (results.scriptTime as Record<string, Record<string, { medianMs: number }>>)['/plain'];
if (plain) console.log(`ratios on the page without names: crossread / without ${round(plain.crossread!.medianMs / Math.max(plain.without!.medianMs, 0.01), 1)}×${plain.before ? `, before / crossread ${round(plain.before.medianMs / Math.max(plain.crossread!.medianMs, 0.01), 1)}×` : ''}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${values.out}`);
