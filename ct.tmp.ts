import { en } from '@faker-js/faker';
import { Matcher } from './src/shared/matcher';
import { corpusParagraphs, random } from './tools/bench/pages';
const firsts = [...new Set(Object.values(en.person!.first_name as Record<string, string[]>).flat())];
const lasts = [...new Set(Object.values(en.person!.last_name as Record<string, string[]>).flat())];
const rnd = random(100_000); const names: string[] = []; const seen = new Set<string>();
while (names.length < 100_000) { const n = `${firsts[Math.floor(rnd() * firsts.length)]} ${lasts[Math.floor(rnd() * lasts.length)]}`; if (!seen.has(n)) { seen.add(n); names.push(n); } }
const pats = names.map((t, i) => ({ text: t, entityId: 'e' + i, caseSensitive: false }));
const ps = corpusParagraphs(); const chunks: string[] = []; let size = 0;
for (let i = 0; size < 10_000_000; i++) { const p = `${ps[i % ps.length]} ${names[(i * 7919) % names.length]} said.`; chunks.push(p); size += p.length + 1; }
const text = chunks.join('\n');
for (let r = 0; r < 4; r++) {
  let t = performance.now(); const m = new Matcher(pats, { capitalNames: false }); const c = performance.now() - t;
  t = performance.now(); const f = m.find(text).length; const s = performance.now() - t;
  console.log(`tables ${(m.bytes/1e6).toFixed(1)} MB compile ${c.toFixed(0)} ms  scan ${(10 / (s / 1000)).toFixed(1)} MB/s  found ${f} states ${m.states}`);
}
