import { fold } from '../shared/fold';
import type { EntityType } from '../shared/knowledge';
import { leadingClass, type TypeClass, type TypeScores } from './entity-types';
import { INSTITUTION_HEADS, isCommonWord, ORGANIZATION_HEADS, PARTICLES, PLACE_HEADS, PLACE_LEADS } from './name-words';

/**
 * Which spellings name one entity. Spellings that differ only in case, diacritics, dots,
 * hyphens or an "al-" prefix are one ("Bashar al-Assad" = "Bashar Assad"); so are those a
 * well-known alias table lists together, an acronym and the name the text pairs it with, a
 * person's name and its parts ("Lavrov", "Van der Wiel") or another spelling of the given name
 * ("Sergei"/"Sergey Lavrov"), an organisation and the first words of its name ("Noordzee" for
 * "Noordzee Bank"), and a place and its short form ("Santa Rosa", "Warnow" for "River Warnow").
 * A short form joins a longer name only when it fits one entity, of a compatible kind.
 */

/** One spelling of a name (up to `nameKey`), with everything the texts said about it. */
export interface Surface {
  key: string;
  /** The spellings as written, with how often each. */
  spellings: Map<string, number>;
  scores: TypeScores;
  count: number;
  files: Set<string>;
}

/** An entry of the well-known alias table. */
export interface WellKnown {
  name: string;
  type: EntityType;
  spellings: string[];
}

/**
 * The comparison key of a spelling: folded (case, diacritics, typographic marks), without
 * dots, a possessive or an "al-"/"el-" article, hyphens read as spaces.
 */
export function nameKey(spelling: string): string {
  return fold(spelling)
    .replace(/['’]s$/u, '')
    .replace(/\./g, '')
    .split(/[\s\-‐‑]+/u)
    .filter((w) => w && w !== 'al' && w !== 'el' && w !== 'the')
    // A final h after a vowel is a transliteration's choice ("Nusrah"/"Nusra", "Hamzah"/"Hamza").
    .map((w) => (w.length > 3 ? w.replace(/([aeiou])h$/, '$1') : w))
    .join(' ');
}

/** Edit distance of two short strings (given-name variants: Sergei/Sergey, Mohammed/Muhammad). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Where `short` occurs in `long` as consecutive words. */
function containsAt(long: string[], short: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, j) => long[i + j] === w)) at.push(i);
  return at;
}

const isBodyHead = (w: string) => ORGANIZATION_HEADS.has(w) || INSTITUTION_HEADS.has(w);

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** The groups of surfaces that name one entity, each with the alias-table entry it matched, if any. */
export function groupSurfaces(surfaces: Surface[], pairs: readonly [string, string][], table: readonly WellKnown[]): { surfaces: Surface[]; known?: WellKnown }[] {
  const index = new Map(surfaces.map((s, i) => [s.key, i]));
  const uf = new UnionFind(surfaces.length);
  const words = surfaces.map((s) => s.key.split(' '));
  // A kind counts against a merge only when the evidence for it is more than one weak cue ("from Nusra").
  const guess = surfaces.map((s) => leadingClass(s.scores, 3));
  const knownOf = new Map<number, WellKnown>();

  for (const entry of table) {
    const members = entry.spellings.map((sp) => index.get(nameKey(sp))).filter((i): i is number => i !== undefined);
    for (const i of members) {
      uf.union(i, members[0]!);
      knownOf.set(i, entry);
    }
  }
  for (const [long, short] of pairs) {
    const a = index.get(long);
    const b = index.get(short);
    if (a !== undefined && b !== undefined && !(knownOf.has(a) && knownOf.has(b) && knownOf.get(a) !== knownOf.get(b))) uf.union(a, b);
  }

  // Longer names by their words, to find where a short form fits.
  const byWord = new Map<string, number[]>();
  words.forEach((w, i) => {
    if (w.length < 2) return;
    for (const x of new Set(w)) byWord.set(x, [...(byWord.get(x) ?? []), i]);
  });
  const compatible = (c: TypeClass | undefined, want: TypeClass) => c === undefined || c === want;

  // Given-name variants of one surname: "Sergei Lavrov" = "Sergey Lavrov".
  words.forEach((w, i) => {
    if (w.length < 2 || !compatible(guess[i], 'person')) return;
    for (const j of byWord.get(w.at(-1)!) ?? []) {
      const v = words[j]!;
      if (j <= i || v.length !== w.length || (guess[j] !== 'person' && guess[i] !== 'person') || !compatible(guess[j], 'person')) continue;
      const [a, b] = [w[0]!, v[0]!];
      const same = w.slice(1).every((x, k) => v[k + 1] === x);
      // One letter apart ("Sergei"/"Sergey"), two in a long name ("Mohammed"/"Muhammad"), not "Sergei"/"Sergio".
      const length = Math.min(a.length, b.length);
      if (same && a !== b && a[0] === b[0] && length >= 4 && distance(a, b) <= (length >= 7 ? 2 : 1)) uf.union(i, j);
    }
  });

  // Short forms: each joins the one longer name it fits, if it fits exactly one entity.
  words.forEach((w, i) => {
    if (knownOf.has(i) || w.every((x) => PARTICLES.has(x))) return;
    const fits = new Set<number>();
    for (const j of byWord.get(w[0]!) ?? []) {
      const v = words[j]!;
      if (v.length <= w.length) continue;
      const at = containsAt(v, w);
      if (at.length === 0) continue;
      const target = guess[j];
      // A person's name and its parts; with no evidence either way, a last word is taken for a surname.
      const surname = target === undefined && guess[i] === undefined && at.includes(v.length - w.length) && v.length <= 4 && !v.some((x) => isBodyHead(x) || PLACE_HEADS.has(x));
      const person = (target === 'person' && compatible(guess[i], 'person')) || (target === undefined && guess[i] === 'person') || surname;
      // "Noordzee" for "Noordzee Bank", not "Kilimani University" for its students' association.
      // A place the text names as one ("in the Algarve") is not the short form of "Algarve Courier".
      const body =
        (target === 'body' ? compatible(guess[i], 'body') : target === undefined && guess[i] === 'body') &&
        surfaces[i]!.scores.place < 2 &&
        at[0] === 0 &&
        !isBodyHead(w.at(-1)!) &&
        !(w.length === 1 && isCommonWord(w[0]!));
      // "Santa Rosa" for "Santa Rosa de Pampacancha", "Warnow" for "River Warnow".
      const place =
        target === 'place' &&
        compatible(guess[i], 'place') &&
        ((at[0] === 0 && PARTICLES.has(v[w.length]!)) || (at.includes(1) && v.length === w.length + 1 && PLACE_LEADS.has(v[0]!) && !PLACE_HEADS.has(w.at(-1)!)));
      if (person || body || place) fits.add(j);
    }
    const roots = new Set([...fits].map((j) => uf.find(j)));
    if (roots.size > 1) {
      // Several entities fit: the one that shares the short form's texts decides, if only one does.
      const files = [...surfaces[i]!.files];
      const sharing = [...fits].filter((j) => files.every((f) => surfaces[j]!.files.has(f)));
      const sharingRoots = new Set(sharing.map((j) => uf.find(j)));
      if (sharingRoots.size === 1) uf.union(i, sharing[0]!);
    } else if (roots.size === 1) uf.union(i, [...fits][0]!);
  });

  const groups = new Map<number, { surfaces: Surface[]; known?: WellKnown }>();
  surfaces.forEach((s, i) => {
    const root = uf.find(i);
    const g = groups.get(root) ?? { surfaces: [] };
    g.surfaces.push(s);
    const known = knownOf.get(i);
    if (known) g.known = known;
    groups.set(root, g);
  });
  return [...groups.values()];
}
