/**
 * `npm run eval` — how well Crossread reads texts, against hand-made gold. Whose words:
 * quotation precision, recall and F1, speaker accuracy, scare-quote agreement, and page-clutter
 * precision and recall (by character). Named entities of the automatic build (no catalog, each
 * article built alone): recall, type accuracy, the share of extracted entities that are real
 * names, and how well spelling variants are merged. Three sets: the bundled corpus (tuned on),
 * `dev` (articles read while tuning) and `heldout` (never read while tuning: only its figures
 * are printed, never its texts or errors). Writes bench-results/eval-voices.json.
 *
 * `--details` lists every miss of the corpus and dev sets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { evaluateEntities, type EntitySetResult } from './eval/entities';
import { readGoldSet } from './eval/gold';
import { evaluateVoices, GOLD_SETS, type SetResult } from './eval/voices';

const details = process.argv.includes('--details');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const results: Record<string, SetResult> = {};
const entities: Record<string, EntitySetResult> = {};
for (const set of GOLD_SETS) {
  const articles = readGoldSet(set.gold, set.texts);
  if (articles.length === 0) continue;
  if (details && set.tunedOn) console.log(`${set.name}:`);
  results[set.name] = evaluateVoices(articles, details && set.tunedOn);
  entities[set.name] = evaluateEntities(articles, details && set.tunedOn);
}

console.log('\nset       articles  quotes P / R / F1          speakers        scare agree     kind    clutter P / R (chars)');
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(9)} ${String(r.articles).padStart(8)}  ${pct(r.quotes.precision)} / ${pct(r.quotes.recall)} / ${r.quotes.f1.toFixed(3)}   ` +
      `${pct(r.speakers.accuracy)} (${r.speakers.right}/${r.speakers.total})  ${pct(r.scare.accuracy)} (${r.scare.right}/${r.scare.total})  ${pct(r.kind.accuracy)}  ${pct(r.clutter.precision)} / ${pct(r.clutter.recall)}`,
  );
}

const share = (s: { right: number; total: number; share: number }) => `${pct(s.share)} (${s.right}/${s.total})`.padEnd(17);
console.log('\nnamed entities, automatic build (no catalog), each article alone:');
console.log('set       articles  recall           types right      real names       variants merged  (exact type; wrong merges)');
for (const [name, r] of Object.entries(entities)) {
  console.log(
    `${name.padEnd(9)} ${String(r.articles).padStart(8)}  ${share(r.recall)}${share(r.types)}${share(r.realNames)}${share(r.merged)}(${pct(r.exactTypes.share)}; ${r.overMerged})`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/eval-voices.json', `${JSON.stringify({ date: new Date().toISOString(), results, entities }, null, 2)}\n`);
console.log('\nwrote bench-results/eval-voices.json');
