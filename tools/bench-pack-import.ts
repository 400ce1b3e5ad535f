import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import * as v from 'valibot';
import { launchWithExtension, type LaunchedExtension } from '../e2e/support/browser';
import { servePages } from '../e2e/support/server';
import { describeIssue } from '../src/shared/describe-issue';
import { BUNDLED_MATCHER_OPTIONS } from '../src/shared/bundled-matcher';
import { bundledPack } from '../src/shared/bundled-pack';
import { PackSchema } from '../src/shared/knowledge';
import { Matcher } from '../src/shared/matcher';
import { matcherToBytes } from '../src/shared/matcher-binary';
import { mergePacks } from '../src/shared/pack-set';
import { STORED_MATCHER_KEY } from '../src/shared/stored-matcher';
import { generatePack } from './bench/big-pack';
import { articlePage } from './bench/pages';
import { median, round } from './bench/stats';

/**
 * `npm run bench:packs` (after `npm run build`): a knowledge pack of 100,000 aliases in real
 * Chromium with the built extension.
 * 1. Import: the pack file (generated here, made-up names, checked against PackSchema in Node
 *    first) chosen in Options → Knowledge packs through the real file input, timed from the
 *    input's `change` to the "Installed …" status, in fresh profiles (median), with every status
 *    the page showed meanwhile (the progress a reader sees).
 * 2. Page load: the 130,000-character article of the matching benchmark, main-thread time per
 *    load (CDP `Performance.getMetrics` TaskDuration and ScriptDuration deltas of the page's
 *    renderer) with only the bundled pack in use against the 100k pack in use too, in the same
 *    browser, blocks interleaved; the content script's matcherLoadMs; the size of the matcher
 *    published in `storage.local`.
 * Writes bench-results/pack-import.json. Benchmarks are not tests: nothing here asserts a time.
 */
const { values } = parseArgs({
  options: {
    /** Aliases in the generated pack (a smaller pack shows how the costs grow). */
    aliases: { type: 'string', default: '100000' },
    profiles: { type: 'string', default: '3' },
    runs: { type: 'string', default: '12' },
    out: { type: 'string', default: 'bench-results/pack-import.json' },
  },
});
const ALIASES = Number(values.aliases);
const PROFILES = Number(values.profiles);
const RUNS = Number(values.runs);
/** After `load`, how long a page is left to Crossread (its idle wait, loading its parts and the first scan). */
const SETTLE_MS = 1_500;

interface ImportRun {
  /** From the input's `change` event to the "Installed …" status (or the error shown), in the page. */
  importMs: number;
  /** The error the page showed instead of "Installed …", if any. */
  error?: string;
  /** From Playwright's setInputFiles call (the file handed to the page) to the status, in Node. */
  wallMs: number;
  /** Every status the page showed, with when (ms after `change`), and whether a progress bar was shown. */
  statuses: { atMs: number; text: string; progressBar: boolean }[];
}

/** Opens Options → Knowledge packs and imports `file` through the file input, watching the status line. */
async function importThroughOptions(ext: LaunchedExtension, file: string): Promise<ImportRun> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
  await page.locator('.pack-list .pack').first().waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { changeAt?: number; statuses: { at: number; text: string; progressBar: boolean }[] } };
    w.__bench = { statuses: [] };
    const input = document.querySelector<HTMLInputElement>('.pack-import input[type=file]')!;
    input.addEventListener('change', () => (w.__bench.changeAt = performance.now()), { capture: true });
    const status = document.querySelector('.pack-status')!;
    new MutationObserver(() => {
      const text = status.textContent?.trim() ?? '';
      const last = w.__bench.statuses.at(-1);
      const progressBar = status.querySelector('progress') !== null;
      if (!last || last.text !== text || last.progressBar !== progressBar) w.__bench.statuses.push({ at: performance.now(), text, progressBar });
    }).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const t0 = performance.now();
  await page.locator('.pack-import input[type=file]').setInputFiles(file);
  await page.locator('.pack-status.ok, .pack-status.error').waitFor({ timeout: 300_000 });
  const wallMs = performance.now() - t0;
  const seen = await page.evaluate(() => (window as unknown as { __bench: { changeAt: number; statuses: { at: number; text: string; progressBar: boolean }[] } }).__bench);
  await page.close();
  const statuses = seen.statuses.map((s) => ({ atMs: round(s.at - seen.changeAt), text: s.text, progressBar: s.progressBar }));
  const done = statuses.find((s) => s.text.startsWith('Installed'));
  const last = statuses.at(-1)!;
  return { importMs: (done ?? last).atMs, wallMs: round(wallMs), statuses, ...(done ? {} : { error: last.text }) };
}

const metric = async (cdp: CDPSession, name: string) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)!.value;

/** One load of `url`: the renderer's main-thread task time and script time (ms) over the load and the settle time after it. */
async function mainThreadOfLoad(page: Page, cdp: CDPSession, url: string): Promise<{ taskMs: number; scriptMs: number }> {
  await page.goto('about:blank');
  const [task0, script0] = [await metric(cdp, 'TaskDuration'), await metric(cdp, 'ScriptDuration')];
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const [task1, script1] = [await metric(cdp, 'TaskDuration'), await metric(cdp, 'ScriptDuration')];
  // The metrics restart when a navigation changes renderer; then the whole value is this load's.
  return { taskMs: (task1 >= task0 ? task1 - task0 : task1) * 1000, scriptMs: (script1 >= script0 ? script1 - script0 : script1) * 1000 };
}

/** The page's stats from Crossread's stats hook, asked through an extension page. */
async function statsOf(ext: LaunchedExtension, url: string): Promise<{ matcherLoadMs?: number; markCount?: number; scanMs?: number } | undefined> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    return await page.evaluate(async (u) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const stats = (await chrome.tabs.sendMessage(tab.id, { type: 'getPageStats' }).catch(() => undefined)) as { url?: string } | undefined;
        if (stats?.url === u) return stats as { matcherLoadMs?: number; markCount?: number; scanMs?: number };
      }
      return undefined;
    }, url);
  } finally {
    await page.close();
  }
}

/** Runs a call to the worker from an extension page (the options page's own calls). */
async function callWorker(ext: LaunchedExtension, message: unknown): Promise<unknown> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

/** The matcher published in storage.local: its base64 length and the bytes storage counts for it. */
async function storedMatcherSize(ext: LaunchedExtension): Promise<{ base64Chars: number; bytesInUse: number } | undefined> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    return await page.evaluate(async (key) => {
      // The storage API is not in the tests' chrome typings.
      const local = (chrome as unknown as { storage: { local: { get(k: string): Promise<Record<string, unknown>>; getBytesInUse(k: string): Promise<number> } } }).storage.local;
      const value = (await local.get(key))[key] as { base64?: string } | undefined;
      if (!value?.base64) return undefined;
      return { base64Chars: value.base64.length, bytesInUse: await local.getBytesInUse(key) };
    }, STORED_MATCHER_KEY);
  } finally {
    await page.close();
  }
}

// The pack, checked against the schema in Node before the run.
const tGen = performance.now();
const pack = generatePack(ALIASES);
const aliasCount = pack.entities.reduce((n, e) => n + e.aliases.length, 0);
const parsed = v.safeParse(PackSchema, pack);
if (!parsed.success) throw new Error(`the generated pack does not fit PackSchema: ${describeIssue(parsed.issues[0], 'pack')}`);
const dir = mkdtempSync(join(tmpdir(), 'crossread-pack-bench-'));
const file = join(dir, `pack-${ALIASES}.json`);
writeFileSync(file, JSON.stringify(pack));
const fileBytes = statSync(file).size;
console.log(`generated pack: ${pack.entities.length} entities, ${aliasCount} aliases, ${pack.sources.length} sources, ${round(fileBytes / 1e6)} MB (valid against PackSchema; ${round(performance.now() - tGen)} ms to make and check)`);

/**
 * Where an import's time goes: the worker's steps run in Node on the same pack (same code; Node's
 * engine, so a guide to the browser's figures, not the same), and the size of what is stored.
 */
function importSteps(json: string) {
  const steps: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    steps[name] = round(performance.now() - t0);
    return out;
  };
  const candidate = step('JSON.parse', () => JSON.parse(json) as unknown);
  const valid = step('validate (valibot PackSchema)', () => v.parse(PackSchema, candidate));
  const set = step('merge with the bundled pack (pack-set)', () => mergePacks([{ id: 'bundled', name: 'bundled', pack: bundledPack }, { id: 'big', name: 'big', pack: valid }]));
  const matcher = step('compile the matcher', () => new Matcher(set.patterns, BUNDLED_MATCHER_OPTIONS));
  const bytes = step('matcher to bytes (matcher-binary)', () => matcherToBytes(matcher));
  const base64 = step('bytes to base64 (Buffer; the browser has Uint8Array.toBase64)', () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'));
  return { steps, patterns: set.patterns.length, states: matcher.export().states, matcherBytes: bytes.length, base64Chars: base64.length };
}

const results: Record<string, unknown> = { date: new Date().toISOString(), aliases: aliasCount, entities: pack.entities.length, fileBytes, profiles: PROFILES, runs: RUNS, settleMs: SETTLE_MS };
const json = JSON.stringify(pack);
const steps = importSteps(json);
results.importStepsInNode = steps;
console.log(`the worker's import steps in Node: ${Object.entries(steps.steps).map(([k, ms]) => `${k} ${ms} ms`).join('; ')}`);
console.log(`compiled matcher: ${steps.patterns} spellings, ${steps.states} states, ${round(steps.matcherBytes / 1e6)} MB; in storage.local as base64: ${round(steps.base64Chars / 1e6)} M characters (storage.local holds 10,485,760 bytes without the unlimitedStorage permission)`);

if (!existsSync(join('dist', 'manifest.json'))) throw new Error('dist/ has no build: run `npm run build` first.');

// 1. Import in fresh profiles.
const imports: ImportRun[] = [];
for (let p = 0; p < PROFILES; p++) {
  const ext = await launchWithExtension();
  try {
    const run = await importThroughOptions(ext, file);
    imports.push(run);
    console.log(`import ${p + 1}/${PROFILES}: ${run.error ? `FAILED after ${run.importMs} ms: ${run.error}` : `${run.importMs} ms from choosing the file to "Installed"`} (${run.wallMs} ms from Node); statuses: ${run.statuses.map((s) => `${s.atMs} ms ${s.progressBar ? '[progress bar] ' : ''}"${s.text}"`).join(' → ')}`);
  } finally {
    await ext.context.close();
    rmSync(ext.userDataDir, { recursive: true, force: true });
  }
}
const importMedian = median(imports.map((r) => r.importMs));
const failed = imports.filter((r) => r.error).length;
results.import = { medianMs: round(importMedian), wallMedianMs: round(median(imports.map((r) => r.wallMs))), targetMs: 5_000, failed, runs: imports };
console.log(`import, median of ${PROFILES} fresh profiles: ${round(importMedian)} ms${failed ? ` (${failed} FAILED)` : ''} (target ≤ 5,000 ms: ${round(importMedian / 5_000, 2)}× the target)`);

function write() {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${values.out}`);
}
if (failed === imports.length) {
  // Nothing installed: there is no page load with the pack to measure.
  write();
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}

// 2. Page-load cost: bundled pack alone against the 100k pack in use, same browser, interleaved blocks.
const server = await servePages({ '/article': articlePage(130_000) });
const ext = await launchWithExtension();
try {
  const url = server.url('/article');
  const installed = await importThroughOptions(ext, file);
  if (installed.error) throw new Error(`the pack was not installed: ${installed.error}`);
  const list = (await callWorker(ext, { type: 'listPacks', params: {} })) as { id: string; origin: string }[];
  const mine = list.find((p) => p.origin === 'imported');
  if (!mine) throw new Error(`the imported pack is not listed: ${JSON.stringify(list).slice(0, 300)}`);
  const storage = await storedMatcherSize(ext);
  results.storedMatcher = storage;
  console.log(`import in the page-load browser: ${installed.importMs} ms; storage.local "${STORED_MATCHER_KEY}": ${storage ? `${round(storage.base64Chars / 1e6, 2)} M base64 characters, ${round(storage.bytesInUse / 1e6, 2)} MB in use` : 'absent'}`);

  const samples: Record<'bundled' | 'generated', { taskMs: number[]; scriptMs: number[]; matcherLoadMs: number[]; markCount?: number; scanMs: number[] }> = {
    bundled: { taskMs: [], scriptMs: [], matcherLoadMs: [], scanMs: [] },
    generated: { taskMs: [], scriptMs: [], matcherLoadMs: [], scanMs: [] },
  };
  const blocks = 2;
  for (let b = 0; b < blocks; b++) {
    for (const config of ['generated', 'bundled'] as const) {
      await callWorker(ext, { type: 'setPackEnabled', params: { id: mine.id, enabled: config === 'generated' } });
      const page = await ext.context.newPage();
      const cdp = await ext.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      for (let w = 0; w < 2; w++) await mainThreadOfLoad(page, cdp, url);
      for (let r = 0; r < Math.ceil(RUNS / blocks); r++) {
        const load = await mainThreadOfLoad(page, cdp, url);
        samples[config].taskMs.push(load.taskMs);
        samples[config].scriptMs.push(load.scriptMs);
        const stats = await statsOf(ext, url);
        if (stats?.matcherLoadMs !== undefined) samples[config].matcherLoadMs.push(stats.matcherLoadMs);
        if (stats?.scanMs !== undefined) samples[config].scanMs.push(stats.scanMs);
        samples[config].markCount = stats?.markCount;
      }
      await page.close();
    }
  }
  const summary = (s: (typeof samples)['bundled']) => ({
    loads: s.taskMs.length,
    taskMedianMs: round(median(s.taskMs)),
    scriptMedianMs: round(median(s.scriptMs)),
    taskMinMs: round(Math.min(...s.taskMs)),
    taskMaxMs: round(Math.max(...s.taskMs)),
    matcherLoadMedianMs: s.matcherLoadMs.length ? round(median(s.matcherLoadMs), 3) : undefined,
    scanMedianMs: s.scanMs.length ? round(median(s.scanMs)) : undefined,
    markCount: s.markCount,
    taskMs: s.taskMs.map((x) => round(x)),
    scriptMs: s.scriptMs.map((x) => round(x)),
  });
  const bundled = summary(samples.bundled);
  const big = summary(samples.generated);
  const taskDiff = round(big.taskMedianMs - bundled.taskMedianMs);
  const scriptDiff = round(big.scriptMedianMs - bundled.scriptMedianMs);
  results.pageLoad = { page: '/article (130,000 characters)', bundled, generated: big, taskDifferenceMs: taskDiff, scriptDifferenceMs: scriptDiff, targetDifferenceMs: 20 };
  console.log(`page load, main-thread task time per load (median of ${bundled.loads}): bundled ${bundled.taskMedianMs} ms, with the generated pack ${big.taskMedianMs} ms: +${taskDiff} ms (${round(big.taskMedianMs / bundled.taskMedianMs, 2)}×; target ≤ +20 ms)`);
  console.log(`page load, script time per load: bundled ${bundled.scriptMedianMs} ms, with the generated pack ${big.scriptMedianMs} ms: +${scriptDiff} ms (${round(big.scriptMedianMs / bundled.scriptMedianMs, 2)}×)`);
  console.log(`matcherLoadMs (content script, median): bundled ${bundled.matcherLoadMedianMs} ms, with the generated pack ${big.matcherLoadMedianMs} ms; scan ${bundled.scanMedianMs} vs ${big.scanMedianMs} ms; marks ${bundled.markCount} vs ${big.markCount}`);
} finally {
  await ext.context.close();
  rmSync(ext.userDataDir, { recursive: true, force: true });
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

write();
