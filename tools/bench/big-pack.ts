import { PACK_SCHEMA_VERSION, type Entity, type EntityType, type KnowledgePack, type Source } from '../../src/shared/knowledge';
import { random } from './pages';

/** A large made-up knowledge pack for the pack import benchmark (tools/bench-pack-import.ts). */

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'kr', 'st', 'tr', 'th', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ea'];
const CODAS = ['', '', 'n', 'r', 'l', 'm', 's', 'th', 'nd', 'rk'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * A valid pack of made-up entities with `target` aliases in all (2–4 spellings each, every
 * spelling unique after folding, so no two entities merge), and three sources whose text names
 * some of them.
 */
export function generatePack(target: number): KnowledgePack {
  const rnd = random(100_000);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const used = new Set<string>();
  const word = (syllables: number) => {
    for (;;) {
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
      if (!used.has(w)) return (used.add(w), cap(w));
    }
  };
  const entities: Entity[] = [];
  let count = 0;
  const types: EntityType[] = ['person', 'person', 'person', 'organization', 'place', 'armed group', 'institution'];
  while (count < target) {
    const type = pick(types);
    const n = Math.min(2 + Math.floor(rnd() * 3), target - count);
    if (n < 1) break;
    let spellings: string[];
    if (type === 'person') {
      const [first, second, surname] = [word(2), word(2), word(3)];
      spellings = [`${first} ${surname}`, `${first} ${second} ${surname}`, `${first[0]}. ${surname}`, `${first} ${surname}-${word(2)}`];
    } else {
      const [a, b] = [word(2), word(3)];
      const kind = type === 'place' ? 'Valley' : type === 'armed group' ? 'Brigade' : type === 'institution' ? 'Institute' : 'Holdings';
      spellings = [`${a} ${b} ${kind}`, `${b} ${kind}`, `${a}${b.toLowerCase()}`, `the ${a} ${kind}`];
    }
    const id = `e${entities.length.toString(36)}-${spellings[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    entities.push({
      id,
      name: spellings[0]!,
      type,
      roles: [],
      origin: 'extracted',
      aliases: spellings.slice(0, n).map((text) => ({ text, caseSensitive: false })),
      mentions: [],
    });
    count += n;
  }
  // Three sources, each naming 200 of the entities in plain sentences.
  const sources: Source[] = [0, 1, 2].map((s) => {
    const named = entities.slice(s * 200, s * 200 + 200);
    const sentences = named.map((e) => `${e.name} spoke to reporters on the harbour road about the new ferry timetable.`);
    const text = sentences.join(' ');
    named.forEach((e, i) =>
      e.mentions.push({ sourceId: `s${s}`, count: 1, quoted: 0, aliases: [e.name], quotedAliases: [], sentence: sentences[i]!, sentences: [sentences[i]!], quotes: [], labels: [], related: [] }),
    );
    return {
      id: `s${s}`,
      file: `source-${s}.txt`,
      label: `Made-up daily ${s + 1}`,
      headline: `The ferry timetable, part ${s + 1}`,
      outlet: `Made-up daily ${s + 1}`,
      attributedTo: 'staff',
      kind: 'news',
      date: `2026-0${s + 1}-01`,
      provenanceNote: 'Generated for the pack import benchmark.',
      text,
      words: text.split(' ').length,
      quotes: [],
      excluded: [],
    };
  });
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    story: { title: `A made-up ferry timetable (${target.toLocaleString('en')}-alias benchmark)`, derived: true },
    measures: { units: [], durationTopics: [], dayTopics: [], touches: [] },
    sources,
    entities,
    framing: { categories: [], profiles: [] },
    claims: [],
    disagreements: [],
  };
}
