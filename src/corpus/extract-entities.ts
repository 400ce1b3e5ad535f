import * as v from 'valibot';
import wellKnownTable from '../../assets/entities/well-known.json';
import { fold } from '../shared/fold';
import { ENTITY_TYPES, type EntityType } from '../shared/knowledge';
import { readVoices } from '../shared/voices';
import { addScores, decideType, mentionScores, nameScores, noScores } from './entity-types';
import { groupSurfaces, nameKey, type Surface, type WellKnown } from './merge-names';
import { findNames, isAcronymWord } from './name-spans';

/** An entity the automatic pass found: its name, every spelling the texts use, its type and where. */
export interface Candidate {
  /** The fullest spelling, as written. */
  text: string;
  type: EntityType;
  /** Every spelling the texts use for it, the name first. */
  aliases: string[];
  /** Mentions found, outside page clutter. */
  count: number;
  files: string[];
}

/** The well-known alias table (`assets/entities/well-known.json`), validated. */
export const WELL_KNOWN: readonly WellKnown[] = v.parse(
  v.array(v.object({ name: v.string(), type: v.picklist(ENTITY_TYPES), spellings: v.pipe(v.array(v.string()), v.minLength(1)) })),
  wellKnownTable,
);

/** The well-known spellings, folded. */
const KNOWN_SPELLINGS: ReadonlySet<string> = new Set(WELL_KNOWN.flatMap((e) => e.spellings.map((s) => fold(s))));

const TYPE_ORDER: EntityType[] = ['person', 'place', 'organization', 'armed group', 'institution', 'event'];

/** The spelling to show: written in mixed case, not an acronym, the most words, then the most used. */
function canonical(spellings: Map<string, number>, shorts: ReadonlySet<string> = new Set()): string {
  // The short side of a pair the text makes (a nickname, a name in another language) yields to the long one.
  const rank = (s: string) => [/\p{Ll}/u.test(s) ? 0 : 1, isAcronymWord(s) ? 1 : 0, shorts.has(nameKey(s)) ? 1 : 0, -s.split(/\s+/).length, -(spellings.get(s) ?? 0)];
  return [...spellings.keys()].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return a.localeCompare(b);
  })[0]!;
}

/**
 * Whether the text calls a name of two or three words by its last word alone ("Mahrang Baloch" …
 * "Baloch said"): people are named so, bodies by their first word ("Noordzee" for "Noordzee
 * Bank"), and places seldom by a part. Not when the name ends in a head noun or the last word
 * is an acronym.
 */
function calledBySurname(spellings: readonly string[]): boolean {
  const words = (s: string) => s.split(/\s+/);
  const singles = new Set(spellings.filter((s) => words(s).length === 1).map((s) => fold(s)));
  return spellings.some((s) => {
    const w = words(s);
    return w.length >= 2 && w.length <= 3 && singles.has(fold(w.at(-1)!)) && !isAcronymWord(w.at(-1)!) && nameScores({ words: w }).organization + nameScores({ words: w }).institution + nameScores({ words: w }).place + nameScores({ words: w }).event === 0;
  });
}

/**
 * Finds the entities of a corpus without a catalog: names by their shape in each text's own
 * words and quotations (page clutter, as `readVoices` finds it, is skipped: a name met only
 * there is no entity of the corpus), their spelling variants merged, each typed by the
 * evidence of all its mentions. Deterministic: sorted by type, count and name.
 */
export function extractCandidates(texts: readonly { file: string; text: string }[]): Candidate[] {
  const surfaces = new Map<string, Surface>();
  const pairs: [string, string][] = [];
  for (const { file, text } of texts) {
    const { names, pairs: paired } = findNames(text, readVoices(text).excluded, KNOWN_SPELLINGS);
    for (const m of names) {
      const key = nameKey(m.text);
      if (!key) continue;
      let s = surfaces.get(key);
      if (!s) surfaces.set(key, (s = { key, spellings: new Map(), scores: noScores(), count: 0, files: new Set() }));
      s.spellings.set(m.text, (s.spellings.get(m.text) ?? 0) + 1);
      s.scores = addScores(s.scores, mentionScores(m));
      s.count++;
      s.files.add(file);
    }
    pairs.push(...paired.map((p): [string, string] => [nameKey(p.long.text), nameKey(p.short.text)]));
  }
  const sorted = [...surfaces.values()].sort((a, b) => a.key.localeCompare(b.key));
  const shorts = new Set(pairs.map(([, short]) => short));
  return groupSurfaces(sorted, pairs, WELL_KNOWN)
    .map(({ surfaces: group, known }) => {
      const spellings = new Map<string, number>();
      for (const s of group) for (const [sp, n] of s.spellings) spellings.set(sp, (spellings.get(sp) ?? 0) + n);
      // A well-known entity keeps its usual name where the texts use it ("Russia", not "Russian Federation").
      const text = known && spellings.has(known.name) ? known.name : canonical(spellings, shorts);
      const scores = group.reduce((acc, s) => addScores(acc, s.scores), noScores());
      if (calledBySurname([...spellings.keys()])) scores.person += 3;
      return {
        text,
        type: known?.type ?? decideType(scores, text.split(/\s+/).length),
        aliases: [text, ...[...spellings.keys()].filter((s) => s !== text).sort()],
        count: group.reduce((n, s) => n + s.count, 0),
        files: [...new Set(group.flatMap((s) => [...s.files]))].sort(),
      };
    })
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || b.count - a.count || a.text.localeCompare(b.text));
}
