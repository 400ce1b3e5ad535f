/**
 * `npm run eval` — how well Crossread tells whose words it reads, against hand-made gold:
 * quotation precision, recall and F1, speaker accuracy, scare-quote agreement, and page-clutter
 * precision and recall (by character). Three sets: the bundled corpus (tuned on), `dev`
 * (articles read while tuning) and `heldout` (never read while tuning: only its figures are
 * printed, never its texts or errors). Writes bench-results/eval-voices.json.
 *
 * `--details` lists every miss of the corpus and dev sets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readGoldSet } from './eval/gold';
import { evaluateVoices, GOLD_SETS, type SetResult } from './eval/voices';

const details = process.argv.includes('--details');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const results: Record<string, SetResult> = {};
for (const set of GOLD_SETS) {
  const articles = readGoldSet(set.gold, set.texts);
  if (articles.length === 0) continue;
  if (details && set.tunedOn) console.log(`${set.name}:`);
  results[set.name] = evaluateVoices(articles, details && set.tunedOn);
}

console.log('\nset       articles  quotes P / R / F1          speakers        scare agree     kind    clutter P / R (chars)');
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(9)} ${String(r.articles).padStart(8)}  ${pct(r.quotes.precision)} / ${pct(r.quotes.recall)} / ${r.quotes.f1.toFixed(3)}   ` +
      `${pct(r.speakers.accuracy)} (${r.speakers.right}/${r.speakers.total})  ${pct(r.scare.accuracy)} (${r.scare.right}/${r.scare.total})  ${pct(r.kind.accuracy)}  ${pct(r.clutter.precision)} / ${pct(r.clutter.recall)}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/eval-voices.json', `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log('\nwrote bench-results/eval-voices.json');
