import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { run } from '../src/corpus/cli';
import { random } from './bench/pages';
import { median } from './bench/stats';

/**
 * `npm run bench:knowledge`: times the knowledge build (wall time and peak memory, each run in
 * a fresh Node process) on the five corpus texts and on a 1,000-article corpus made by
 * recombining their paragraphs, next to the floor of running compromise's named-entity pass
 * alone over the same texts. Writes bench-results/knowledge-build.json.
 */
const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench-results/knowledge-build.json' },
  },
});

interface Sample {
  ms: number;
  maxRssMb: number;
}

// In a child process: run one build (or the NLP floor) and print its time and peak memory.
if (values.child) {
  const [mode, corpus, catalog, out] = values.child.split('|') as [string, string, string, string];
  const t0 = performance.now();
  if (mode === 'build') run(['--corpus', corpus, '--catalog', catalog, '--out', out]);
  else {
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
      const doc = nlp(readFileSync(join(corpus, f), 'utf8'));
      doc.people().json();
      doc.places().json();
      doc.organizations().json();
    }
  }
  const sample: Sample = { ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(sample));
  process.exit(0);
}

function makeCorpus(articles: number): { dir: string; bytes: number } {
  const paragraphs = readdirSync('assets/corpus')
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join('assets/corpus', f), 'utf8').split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
  const rnd = random(2016);
  const dir = mkdtempSync(join(tmpdir(), 'crossread-bench-corpus-'));
  let bytes = 0;
  let next = 0;
  for (let i = 0; i < articles; i++) {
    const count = 8 + Math.floor(rnd() * 10);
    // Every paragraph appears at least once (taken in turn first), so every curated spelling occurs.
    const pick = () => (next < paragraphs.length ? paragraphs[next++]! : paragraphs[Math.floor(rnd() * paragraphs.length)]!);
    const text = Array.from({ length: count }, pick).join('\n\n');
    writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

function catalogWithoutCorpusClaims(): string {
  // Curated claims and source labels name the five corpus files; a recombined corpus has none of them.
  const dir = mkdtempSync(join(tmpdir(), 'crossread-bench-catalog-'));
  for (const f of ['entities.json', 'lexicon.json']) copyFileSync(join('assets/catalog', f), join(dir, f));
  return dir;
}

function sample(mode: 'build' | 'nlp', corpus: string, catalog: string): Sample {
  const out = join(mkdtempSync(join(tmpdir(), 'crossread-bench-out-')), 'pack.json');
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'tools/bench-knowledge.ts', '--child', `${mode}|${corpus}|${catalog}|${out}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Sample;
}


function measure(label: string, corpus: string, catalog: string, bytes: number, runs: number) {
  const builds = Array.from({ length: runs }, () => sample('build', corpus, catalog));
  const floors = Array.from({ length: runs }, () => sample('nlp', corpus, catalog));
  const result = {
    corpus: label,
    articles: readdirSync(corpus).filter((f) => f.endsWith('.txt')).length,
    megabytes: Math.round((bytes / 1e6) * 1000) / 1000,
    runs,
    buildMs: { median: median(builds.map((b) => b.ms)), samples: builds.map((b) => Math.round(b.ms)) },
    buildPeakRssMb: Math.max(...builds.map((b) => b.maxRssMb)),
    nlpFloorMs: { median: median(floors.map((b) => b.ms)), samples: floors.map((b) => Math.round(b.ms)) },
  };
  const ratio = result.buildMs.median / result.nlpFloorMs.median;
  console.log(
    `${label.padEnd(34)} ${String(result.articles).padStart(5)} articles ${result.megabytes.toFixed(2).padStart(6)} MB  build ${(result.buildMs.median / 1000).toFixed(2).padStart(6)} s (median of ${runs})  peak ${result.buildPeakRssMb.toFixed(0)} MB  compromise NER alone ${(result.nlpFloorMs.median / 1000).toFixed(2)} s  → build/NER ${ratio.toFixed(2)}×`,
  );
  return { ...result, buildOverNlpFloor: Math.round(ratio * 100) / 100 };
}

const runs = Number(values.runs);
const corpusBytes = readdirSync('assets/corpus').filter((f) => f.endsWith('.txt')).reduce((n, f) => n + readFileSync(join('assets/corpus', f)).length, 0);
const five = measure('bundled corpus (5 texts)', resolve('assets/corpus'), resolve('assets/catalog'), corpusBytes, runs);
const big = makeCorpus(Number(values.articles));
const recombined = measure(`recombined corpus (${values.articles} articles)`, big.dir, catalogWithoutCorpusClaims(), big.bytes, runs);
const report = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results: [five, recombined] };
mkdirSync('bench-results', { recursive: true });
writeFileSync(values.out!, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten to ${values.out}`);
