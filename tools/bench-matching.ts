import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { en } from '@faker-js/faker';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, launchWithExtension, QUIET_FLAGS } from '../e2e/support/browser';
import { waitForMarks } from '../e2e/support/crossread-ui';
import { bundleScript } from '../e2e/support/bundle';
import { servePages } from '../e2e/support/server';
import { aliasIndexOf, aliasPatterns } from '../src/shared/alias-index';
import { bundledPack } from '../src/shared/bundled-pack';
import type { BenchApi } from './bench/harness';
import { articlePage, corpusParagraphs, portalPage, random } from './bench/pages';
import { median, round } from './bench/stats';

/**
 * `npm run bench`: matching speed in real Chromium. On a 130,000-character article page and a
 * 1.5 MB portal page it times collecting text, matching and highlighting for Crossread, for one
 * combined RegExp (same collect and highlight, only the matching swapped) and for mark.js, with the
 * same aliases and rules, checks that they mark the same text, and records long tasks. Then
 * it compiles synthetic packs of 10,000 and 100,000 real names (faker's lists) and measures
 * compile time, memory and scan throughput next to a bare loop over the same text.
 * Writes bench-results/matching.json.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '11' },
    out: { type: 'string', default: 'bench-results/matching.json' },
    /** `pages`, `page-cost` (hover lookups and the page's own mutations) or `synthetic` to run one part only. */
    only: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
/** mark.js takes seconds to a minute a run; fewer of its runs keep the benchmark under ten minutes. */
const MARKJS_RUNS: Record<string, number> = { '/article': 3, '/portal': 1 };
const WARM_RUNS = 12;


/** The bundled pack's page aliases, less those that need context (the other tools cannot apply that rule). */
const patterns = aliasPatterns(aliasIndexOf(bundledPack)).filter((p) => !p.needsContext);

/** Agreement of two sets of marked character runs: shared characters over all marked characters. */
function agreement(a: [number, number][], b: [number, number][]): number {
  const mark = (runs: [number, number][]) => {
    const set = new Set<number>();
    for (const [s, e] of runs) for (let i = s; i < e; i++) set.add(i);
    return set;
  };
  const A = mark(a);
  const B = mark(b);
  let both = 0;
  for (const i of A) if (B.has(i)) both++;
  const union = A.size + B.size - both;
  return union === 0 ? 1 : both / union;
}

async function onPage<T>(page: Page, url: string, harness: string, fn: (api: BenchApi) => T | Promise<T>): Promise<T> {
  await page.goto(url);
  await page.addScriptTag({ content: harness });
  await page.evaluate((p) => (globalThis as unknown as { CrossreadBench: BenchApi }).CrossreadBench.setup(p), patterns);
  return page.evaluate(`(${fn.toString()})(globalThis.CrossreadBench)`) as Promise<T>;
}

const harness = await bundleScript('tools/bench/harness.ts');
const server = await servePages({ '/article': articlePage(130_000), '/portal': portalPage(1_500_000), '/blank': '<!doctype html><title>blank</title><body></body>' });
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
const page = await browser.newPage();
const results: Record<string, unknown> = { date: new Date().toISOString(), chromium: browser.version(), aliases: patterns.length, runs: RUNS };

const only = (part: string) => !values.only || values.only === part;

for (const [name, path] of !only('pages') ? [] : ([['article 130k chars', '/article'], ['portal 1.5 MB', '/portal']] as const)) {
  const url = server.url(path);
  const textLength = await onPage(page, url, harness, (api) => api.textLength());
  const cr: { collect: number; match: number; highlight: number; draw: number; total: number; matches: number; runs: [number, number][] }[] = [];
  const re: typeof cr = [];
  const mk: { total: number; matches: number; runs: [number, number][] }[] = [];
  for (let r = 0; r < RUNS; r++) {
    cr.push(await onPage(page, url, harness, (api) => api.crossread()));
    re.push(await onPage(page, url, harness, (api) => api.regexp()));
    if (r < MARKJS_RUNS[path]!) mk.push(await onPage(page, url, harness, (api) => api.markjs()));
  }
  // Warm: the same page content again in one realm; the first two runs (tiering up) are left out.
  const warmOf = async (which: 'crossread' | 'regexp') =>
    (await onPage(page, url, harness, new Function('api', `return api.warm('${which}', ${WARM_RUNS})`) as (api: BenchApi) => ReturnType<BenchApi['warm']>)).slice(2);
  const crWarm = await warmOf('crossread');
  const reWarm = await warmOf('regexp');
  const sliced = await onPage(page, url, harness, (api) => api.sliced());
  const markTask = await onPage(page, url, harness, (api) => api.markjsTask());
  const phase = (xs: { collect?: number; match?: number; highlight?: number; total: number }[], k: 'collect' | 'match' | 'highlight' | 'total') => round(median(xs.map((x) => x[k] ?? 0)));
  const phasesOf = (xs: typeof crWarm) => ({ collect: phase(xs, 'collect'), match: phase(xs, 'match'), highlight: phase(xs, 'highlight'), total: phase(xs, 'total') });
  const summary = {
    textChars: textLength,
    crossread: { cold: phasesOf(cr), warm: phasesOf(crWarm), matches: cr[0]!.matches, coldDrawNearViewport: round(median(cr.map((x) => x.draw))) },
    regexp: { cold: phasesOf(re), warm: phasesOf(reWarm), matches: re[0]!.matches },
    markjs: { cold: { total: round(median(mk.map((x) => x.total))) }, runs: mk.length, marks: mk[0]!.matches },
    agreement: { crossreadVsRegexp: round(agreement(cr[0]!.runs, re[0]!.runs), 4), crossreadVsMarkjs: round(agreement(cr[0]!.runs, mk[0]!.runs), 4) },
    longTasks: { crossreadSliced: { mainThreadMs: round(sliced.ms), over50ms: sliced.longTasks.map((x) => round(x)) }, markjs: { ms: round(markTask.ms), over50ms: markTask.longTasks.map((x) => round(x)) } },
  };
  const c = summary.crossread;
  const x = summary.regexp;
  const ratios = {
    markjsOverCrossreadCold: round(summary.markjs.cold.total / c.cold.total, 1),
    regexpOverCrossreadCold: round(x.cold.total / c.cold.total, 2),
    regexpOverCrossreadWarm: round(x.warm.total / c.warm.total, 2),
    regexpMatchOverCrossreadMatchWarm: round(x.warm.match / c.warm.match, 2),
  };
  results[name] = { ...summary, ratios };
  const row = (label: string, p: { collect: number; match: number; highlight: number; total: number }) => `  ${label.padEnd(17)} collect ${p.collect}  match ${p.match}  highlight ${p.highlight}  total ${p.total}`;
  console.log(`\n${name}: ${textLength} characters of text, ${patterns.length} aliases (ms; cold = median of ${RUNS} fresh page loads, warm = median of ${WARM_RUNS - 2} runs in one realm)`);
  console.log(`${row('Crossread cold', c.cold)}   (${c.matches} matches; highlight includes ${c.coldDrawNearViewport} ms drawing those near the viewport, next frame)`);
  console.log(row('Crossread warm', c.warm));
  console.log(`${row('RegExp cold', x.cold)}   (${x.matches} matches)`);
  console.log(row('RegExp warm', x.warm));
  console.log(`  mark.js cold      total ${summary.markjs.cold.total}  (median of ${mk.length}; ${summary.markjs.marks} mark elements)`);
  console.log(`  ratios: mark.js / Crossread (cold) ${ratios.markjsOverCrossreadCold}×; RegExp / Crossread cold ${ratios.regexpOverCrossreadCold}×, warm ${ratios.regexpOverCrossreadWarm}× (matching alone, warm ${ratios.regexpMatchOverCrossreadMatchWarm}×)`);
  console.log(`  agreement on marked text: RegExp ${summary.agreement.crossreadVsRegexp}, mark.js ${summary.agreement.crossreadVsMarkjs}`);
  console.log(`  long tasks > 50 ms: Crossread sliced ${summary.longTasks.crossreadSliced.over50ms.length} (main thread ${summary.longTasks.crossreadSliced.mainThreadMs} ms); mark.js ${summary.longTasks.markjs.over50ms.length} [${summary.longTasks.markjs.over50ms.join(', ')}]`);
}

/**
 * What Crossread costs a page that lives: a hover lookup on the marked article, and 1,000 of the
 * page's own DOM mutations (edits of text with names, paragraphs added and removed).
 */
if (only('page-cost')) {
  const url = server.url('/article');
  const PAGE_COST_RUNS = 5;
  // Hover: the mark under a few hundred points, both ways, in fresh pages.
  const hovers: { registryUs: number; caretUs: number; points: number; onMarks: number; disagree: number }[] = [];
  for (let r = 0; r < 3; r++) hovers.push(await onPage(page, url, harness, (api) => api.hover(20)));
  const hover = {
    highlightsFromPointUs: round(median(hovers.map((h) => h.registryUs)), 1),
    caretFallbackUs: round(median(hovers.map((h) => h.caretUs)), 1),
    points: hovers[0]!.points,
    onMarks: hovers[0]!.onMarks,
    disagreements: hovers.reduce((n, h) => n + h.disagree, 0),
  };
  if (hover.disagreements > 0) throw new Error(`hover lookups disagree on ${hover.disagreements} points`);
  results.hover = hover;
  console.log(`\nhover lookup on the article (${hover.points} points, ${hover.onMarks} on names): highlightsFromPoint ${hover.highlightsFromPointUs} µs, caret position + node index ${hover.caretFallbackUs} µs per lookup (one per animation frame at most); both find the same marks`);

  // The page's 1,000 mutations in one task, with the marks as static ranges, live Ranges, or none.
  const burst: Record<'static' | 'live' | 'none', number[]> = { static: [], live: [], none: [] };
  for (let r = 0; r < PAGE_COST_RUNS; r++) {
    for (const kind of ['static', 'live', 'none'] as const) {
      burst[kind].push(await onPage(page, url, harness, new Function('api', `return api.mutateWith('${kind}')`) as (api: BenchApi) => Promise<number>));
    }
  }
  // The same mutations with the built extension and without it: spread over frames (10 a frame), and in one task.
  const metric = async (p: Page) => {
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Performance.enable');
    const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
    return { read, close: () => cdp.detach() };
  };
  const livePage = async (p: Page, marked: boolean, perFrame: number | undefined) => {
    await p.goto(url);
    if (marked) await waitForMarks(p);
    await p.addScriptTag({ content: harness });
    await p.waitForTimeout(1000);
    const m = await metric(p);
    const before = await m.read();
    const own = (await p.evaluate(`CrossreadBench.mutate(1000, ${perFrame ?? 'undefined'})`)) as number;
    // Crossread's batched passes and the frames that draw the result.
    await p.waitForTimeout(1000);
    const busy = (await m.read()) - before;
    await m.close();
    return { own, busy };
  };
  const ext = await launchWithExtension();
  const withPage = await ext.context.newPage();
  const spread: Record<'with' | 'without', { own: number; busy: number }[]> = { with: [], without: [] };
  const oneTask: typeof spread = { with: [], without: [] };
  try {
    for (let r = 0; r < PAGE_COST_RUNS; r++) {
      spread.with.push(await livePage(withPage, true, 10));
      spread.without.push(await livePage(page, false, 10));
      oneTask.with.push(await livePage(withPage, true, undefined));
      oneTask.without.push(await livePage(page, false, undefined));
    }
  } finally {
    await ext.context.close();
  }
  const med = (xs: { own: number; busy: number }[]) => ({ ownMs: round(median(xs.map((x) => x.own))), mainThreadMs: round(median(xs.map((x) => x.busy))) });
  const mutations = {
    oneTaskHarness: { staticRanges: round(median(burst.static)), liveRanges: round(median(burst.live)), noRanges: round(median(burst.none)) },
    extension: { spreadOverFrames: { with: med(spread.with), without: med(spread.without) }, oneTask: { with: med(oneTask.with), without: med(oneTask.without) } },
  };
  results.pageMutations = mutations;
  const h = mutations.oneTaskHarness;
  console.log(`\n1,000 of the page's own mutations on the marked article (median of ${PAGE_COST_RUNS}):`);
  console.log(`  in one task, the page's own code: no ranges ${h.noRanges} ms, Crossread's static ranges ${h.staticRanges} ms, live Ranges ${h.liveRanges} ms (${round(h.liveRanges / h.staticRanges, 1)}×)`);
  for (const [label, m] of [['10 a frame', mutations.extension.spreadOverFrames], ['in one task', mutations.extension.oneTask]] as const) {
    console.log(`  ${label}, built extension: page's own code ${m.with.ownMs} ms with Crossread vs ${m.without.ownMs} ms without; main thread over the period ${m.with.mainThreadMs} vs ${m.without.mainThreadMs} ms (+${round(m.with.mainThreadMs - m.without.mainThreadMs)} ms)`);
  }
}

// Synthetic packs from real names.
const firsts = [...new Set(Object.values(en.person!.first_name as Record<string, string[]>).flat())];
const lasts = [...new Set(Object.values(en.person!.last_name as Record<string, string[]>).flat())];
const rnd = random(100_000);
const names: string[] = [];
const seen = new Set<string>();
while (names.length < 100_000) {
  const n = `${firsts[Math.floor(rnd() * firsts.length)]} ${lasts[Math.floor(rnd() * lasts.length)]}`;
  if (!seen.has(n)) {
    seen.add(n);
    names.push(n);
  }
}
// About 10 MB of text: corpus paragraphs with some of the names mixed in.
const paragraphs = corpusParagraphs();
const chunks: string[] = [];
let size = 0;
for (let i = 0; size < 10_000_000; i++) {
  const p = `${paragraphs[i % paragraphs.length]} ${names[(i * 7919) % names.length]} said.`;
  chunks.push(p);
  size += p.length + 1;
}
const text = chunks.join('\n');
await page.goto(server.url('/blank'));
await page.addScriptTag({ content: harness });
for (const n of !only('synthetic') ? [] : [10_000, 100_000]) {
  const r = await page.evaluate(([ns, t]) => (globalThis as unknown as { CrossreadBench: BenchApi }).CrossreadBench.synthetic(ns, t, 5), [names.slice(0, n), text] as const);
  const mb = text.length / 1e6;
  const scanMBs = mb / (median(r.scan) / 1000);
  const floorMBs = mb / (median(r.floor) / 1000);
  const s = {
    aliases: n,
    compileMs: round(median(r.compile)),
    loadPrecompiledMs: round(median(r.load)),
    precompiledMB: round(r.packedBytes / 1e6),
    states: r.states,
    tableMB: round(r.tableBytes / 1e6),
    textMB: round(mb),
    scanMs: round(median(r.scan)),
    scanMBperS: round(scanMBs, 1),
    bareLoopMBperS: round(floorMBs, 1),
    scanOverBareLoop: round(median(r.scan) / median(r.floor), 1),
    matches: r.found,
  };
  results[`synthetic ${n}`] = s;
  console.log(`\nsynthetic pack, ${n} names: compile ${s.compileMs} ms (or load precompiled, ${s.precompiledMB} MB, in ${s.loadPrecompiledMs} ms), ${s.states} states, tables ${s.tableMB} MB; scan ${s.textMB} MB in ${s.scanMs} ms = ${s.scanMBperS} MB/s (bare loop ${s.bareLoopMBperS} MB/s, ${s.scanOverBareLoop}× slower), ${s.matches} matches`);
}

await browser.close();
await server.close();
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${values.out}`);
