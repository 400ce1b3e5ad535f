import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import type { BuildStep } from '../src/corpus/build-pack';
import { buildPackFromFiles } from '../src/corpus/build-from-files';
import { corpusFiles, readCatalog } from '../src/corpus/cli';
import { launchWithExtension } from '../e2e/support/browser';
import { corpusParagraphs, random } from './bench/pages';
import { median, round } from './bench/stats';

/**
 * `npm run bench:knowledge`: the knowledge build's time and peak memory.
 * 1. Node, each build in a fresh process: the bundled corpus with its catalog, then generated
 *    corpora of 100, 1,000 and 10,000 articles built without a catalog (`--no-catalog`, what a
 *    reader's own corpus gets), with the time of each named step, and whether time grows
 *    linearly with the articles.
 * 2. The browser: the same generated files chosen in the built extension's options page (real
 *    Chromium, `npm run build` first) and built by its Web Worker: click to result.
 * Generated articles: header lines (title, outlet, date), paragraphs recombined from the corpus,
 * and paragraphs of news sentences naming made-up people, bodies and places (@faker-js/faker,
 * seeded) drawn from pools that grow with the corpus, so the entities grow with it too.
 * Writes bench-results/knowledge-build.json.
 */
const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    sizes: { type: 'string', default: '100,1000,10000' },
    'browser-sizes': { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '30' },
    out: { type: 'string', default: 'bench-results/knowledge-build.json' },
  },
});

interface Sample {
  ms: number;
  maxRssMb: number;
  /** Milliseconds spent in each named step. */
  steps: Partial<Record<BuildStep, number>>;
  entities: number;
  sources: number;
}

// In a child process: one build, timed by step, and its peak memory.
if (values.child) {
  const [corpus, catalog] = values.child.split('|') as [string, string];
  const steps: Partial<Record<BuildStep, number>> = {};
  const t0 = performance.now();
  let at = t0;
  let current: BuildStep | undefined;
  const { pack } = await buildPackFromFiles(corpusFiles(corpus), {
    ...(catalog ? { catalog: readCatalog(catalog) } : {}),
    onProgress: ({ step }) => {
      if (step === current) return;
      const now = performance.now();
      if (current) steps[current] = (steps[current] ?? 0) + now - at;
      [current, at] = [step, now];
    },
  });
  const ms = performance.now() - t0;
  if (current) steps[current] = (steps[current] ?? 0) + performance.now() - at;
  const sample: Sample = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, steps, entities: pack.entities.length, sources: pack.sources.length };
  console.log(JSON.stringify(sample));
  process.exit(0);
}

const OUTLETS = ['City Press', 'The Morning Ledger', 'Northern Wire', 'Harbour Times', 'Daily Courier', 'The Valley Post', 'Metro Herald', 'Coastal News', 'The Capital Review', 'Union Gazette'];

/** A folder of `articles` generated .txt articles (see above), deterministic for a size. */
function makeCorpus(articles: number): { dir: string; bytes: number } {
  faker.seed(articles);
  const rnd = random(2016 + articles);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people = Array.from({ length: Math.max(50, articles / 2) }, () => faker.person.fullName());
  const bodies = Array.from({ length: Math.max(10, articles / 10) }, () => `${faker.company.name().replace(/,.*$/, '')} ${pick(['Group', 'Council', 'Foundation', 'Party', 'Agency'])}`);
  const places = Array.from({ length: Math.max(10, articles / 10) }, () => faker.location.city());
  const paragraphs = corpusParagraphs();
  const sentence = () =>
    pick([
      () => `${pick(people)}, a spokesperson for the ${pick(bodies)}, said on ${faker.date.weekday()} that ${faker.number.int({ min: 20, max: 900 })} people had left ${pick(places)}.`,
      () => `“We will not accept this,” ${pick(people)} told reporters in ${pick(places)}.`,
      () => `According to the ${pick(bodies)}, at least ${faker.number.int({ min: 3, max: 90 })} people were killed in ${pick(places)} last week.`,
      () => `${pick(people)} met ${pick(people)} in ${pick(places)} to discuss the plan, officials said.`,
      () => `The ${pick(bodies)} has denied the report, which ${pick(people)} called “a fabrication”.`,
    ])();
  const dir = mkdtempSync(join(tmpdir(), 'crossread-bench-corpus-'));
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const head = `Title: ${faker.lorem.sentence({ min: 5, max: 9 }).replace(/\.$/, '')}\nOutlet: ${pick(OUTLETS)}\nDate: ${faker.date.between({ from: '2024-01-01', to: '2025-12-31' }).toISOString().slice(0, 10)}\n\n`;
    const parts = [
      ...Array.from({ length: 5 + Math.floor(rnd() * 6) }, () => pick(paragraphs)),
      ...Array.from({ length: 3 }, () => Array.from({ length: 3 }, sentence).join(' ')),
    ].sort(() => rnd() - 0.5);
    const text = head + parts.join('\n\n');
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

function nodeSample(corpus: string, catalog = ''): Sample | { error: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'tools/bench-knowledge.ts', '--child', `${corpus}|${catalog}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      timeout: Number(values['timeout-min']) * 60_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Sample;
  } catch (err) {
    return { error: (err as Error).message.split('\n')[0]! };
  }
}

function nodeRow(label: string, corpus: string, bytes: number, runs: number, catalog = '') {
  const samples = Array.from({ length: runs }, () => nodeSample(corpus, catalog));
  const ok = samples.filter((s): s is Sample => 'ms' in s);
  const articles = readdirSync(corpus).filter((f) => f.endsWith('.txt')).length;
  if (ok.length === 0) {
    console.log(`${label.padEnd(30)} ${String(articles).padStart(6)} articles  failed: ${(samples[0] as { error: string }).error}`);
    return { corpus: label, articles, error: (samples[0] as { error: string }).error };
  }
  const ms = median(ok.map((s) => s.ms));
  const steps = Object.fromEntries(Object.keys(ok[0]!.steps).map((k) => [k, Math.round(median(ok.map((s) => s.steps[k as BuildStep] ?? 0)))]));
  const row = {
    corpus: label,
    articles,
    megabytes: round(bytes / 1e6, 3),
    runs: ok.length,
    buildMs: { median: Math.round(ms), samples: ok.map((s) => Math.round(s.ms)) },
    msPerArticle: round(ms / articles, 1),
    stepsMs: steps,
    peakRssMb: Math.round(Math.max(...ok.map((s) => s.maxRssMb))),
    entities: ok[0]!.entities,
  };
  console.log(
    `${label.padEnd(30)} ${String(articles).padStart(6)} articles ${row.megabytes.toFixed(2).padStart(6)} MB  build ${(ms / 1000).toFixed(2).padStart(7)} s  ${row.msPerArticle} ms/article  peak ${row.peakRssMb} MB  ${row.entities} entities  steps ${JSON.stringify(steps)}`,
  );
  return row;
}

/** Click to result in the built extension's options page: the worker's build of the same files. */
async function browserRow(corpus: string) {
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
    const files = readdirSync(corpus).sort().map((f) => join(corpus, f));
    await page.locator('.pack-builder input[type=file]').setInputFiles(files);
    await page.locator('.pack-files li').nth(files.length - 1).waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Build the pack' }).click();
    await page.locator('.pack-result, .pack-builder [role=alert]').first().waitFor({ timeout: Number(values['timeout-min']) * 60_000 });
    const ms = Date.now() - t0;
    const text = await page.locator('.pack-result .status, .pack-builder [role=alert]').first().textContent();
    const row = { articles: files.length, workerBuildMs: ms, msPerArticle: round(ms / files.length, 1), result: text };
    console.log(`browser worker (Chromium)      ${String(files.length).padStart(6)} articles  click to result ${(ms / 1000).toFixed(2).padStart(7)} s  ${row.msPerArticle} ms/article  ${text}`);
    return row;
  } finally {
    await ext.context.close();
  }
}

const runs = Number(values.runs);
const sizes = values.sizes!.split(',').filter(Boolean).map(Number);
const browserSizes = values['browser-sizes']!.split(',').filter(Boolean).map(Number);
const corpora = new Map<number, { dir: string; bytes: number }>();
const corpusOf = (n: number) => corpora.get(n) ?? corpora.set(n, makeCorpus(n)).get(n)!;

console.log(`Node ${process.version}, ${cpus().length} cores\n`);
const bundled = resolve('assets/corpus');
const bundledBytes = readdirSync(bundled).reduce((n, f) => n + statSync(join(bundled, f)).size, 0);
const node = [nodeRow('bundled corpus, with catalog', bundled, bundledBytes, runs, resolve('assets/catalog'))];
// The 10,000-article run is run once whatever --runs says: it is long on a shared machine.
for (const n of sizes) node.push(nodeRow(`generated, no catalog`, corpusOf(n).dir, corpusOf(n).bytes, n >= 10_000 ? 1 : runs));

// Linear: the time per article stays within a factor of 1.5 from the smallest generated size to each larger one.
const generated = node.slice(1).filter((r): r is Extract<typeof r, { msPerArticle: number }> => 'msPerArticle' in r);
const linearity = generated.slice(1).map((r) => ({ articles: r.articles, perArticleOverSmallest: round(r.msPerArticle / generated[0]!.msPerArticle, 2) }));
if (linearity.length > 0) console.log(`\ntime per article relative to ${generated[0]!.articles} articles: ${linearity.map((l) => `${l.articles}: ${l.perArticleOverSmallest}×`).join(', ')}`);

const browser = [];
if (browserSizes.length > 0 && !existsSync('dist/manifest.json')) console.log('\nno dist/: run `npm run build` first for the browser figures');
else for (const n of browserSizes) browser.push(await browserRow(corpusOf(n).dir));

for (const { dir } of corpora.values()) rmSync(dir, { recursive: true, force: true });
const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, results: node, linearity, browser };
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten to ${values.out}`);
