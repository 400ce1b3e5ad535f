import { en } from '@faker-js/faker';
import { Matcher } from './src/shared/matcher';
import { random } from './tools/bench/pages';
const firsts = [...new Set(Object.values(en.person!.first_name as Record<string, string[]>).flat())];
const lasts = [...new Set(Object.values(en.person!.last_name as Record<string, string[]>).flat())];
const rnd = random(100_000); const names: string[] = []; const seen = new Set<string>();
while (names.length < 100_000) { const n = `${firsts[Math.floor(rnd() * firsts.length)]} ${lasts[Math.floor(rnd() * lasts.length)]}`; if (!seen.has(n)) { seen.add(n); names.push(n); } }
const pats = names.map((t, i) => ({ text: t, entityId: 'e' + i, caseSensitive: false }));
for (let r = 0; r < 3; r++) { const t = performance.now(); new Matcher(pats, { capitalNames: false }); console.log((performance.now() - t).toFixed(0)); }
