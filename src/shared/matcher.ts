import { fold, foldCode, isWordCode } from './fold';

/** One spelling to look for and the entity it names. */
export interface AliasPattern {
  text: string;
  entityId: string;
  /** Match only as written (short acronyms: IS, US, UN); otherwise case-insensitive. */
  caseSensitive: boolean;
  /**
   * A spelling that is also a common word ("Turkey", "strikers"): it counts only with context,
   * that is when an entity spelled unambiguously is matched within `contextWindow` characters.
   */
  needsContext?: boolean;
}

/** A match of an alias in a text, as offsets into that text. */
export interface Match {
  start: number;
  end: number;
  entityId: string;
  /** The alias as the pattern spells it. */
  alias: string;
}

export interface MatcherOptions {
  /** Also match "US" for "U.S." and "U.S." for "US" (pages); the pack build keeps exact spellings. */
  acronymVariants?: boolean;
  /** How near (in characters) an unambiguous match must be to admit a `needsContext` one. */
  contextWindow?: number;
  /** Capitalised names match only with a capital (default); off, names match in any case (benchmarks). */
  capitalNames?: boolean;
}

/**
 * The default case rule: an alias written in capitals with at most four letters (IS, US,
 * U.S., UN, CIA, NATO) is an acronym and matches only in capitals, so "is", "us" and "un"
 * in running text are never marked.
 */
export function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase();
}

/** "U.S." ⇄ "US", "U.N." ⇄ "UN": the other way of writing an acronym, if it has one. */
export function acronymVariant(alias: string): string | undefined {
  if (/^(?:\p{Lu}\.){2,4}$/u.test(alias)) return alias.replace(/\./g, '');
  if (/^\p{Lu}{2,4}$/u.test(alias)) return `${[...alias].join('.')}.`;
  return undefined;
}

const NONE = -1;

/** Fields of a state in `Matcher.node`. */
const ONLY_CODE = 0;
const ONLY_NEXT = 1;
const ROW = 2;
const FAIL = 3;

/** Which states emit: they end a pattern, or a state on their dictionary chain does. */
function emitting(outHead: Int32Array, dict: Int32Array): Uint8Array {
  const out = new Uint8Array(outHead.length);
  for (let s = 0; s < outHead.length; s++) out[s] = outHead[s] !== NONE || dict[s] !== NONE ? 1 : 0;
  return out;
}

/** States with at least this many children get a dense transition row. */
const DENSE_CHILDREN = 6;

/** A compiled matcher as data (see Matcher.export and Matcher.load). */
export interface CompiledMatcher {
  tables: Int32Array[];
  numbers: number[];
  patterns: CompiledPattern[];
}

/** A growable Int32Array. */
class Ints {
  data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

/** Trie levels (below the root) numbered breadth first; see `relabelShallowFirst`. */
const SHALLOW = 3;

/**
 * Renumbers the trie's states: the root and the first SHALLOW levels breadth first, then every
 * deeper state in insertion (depth-first) order. A scan spends most of its transitions in
 * shallow states, since most words leave the trie within a few letters; numbered together
 * they stay in cache, where in insertion order they are spread over the whole table (18 MB
 * with 100,000 names). Deeper, a name's chain of states stays contiguous. Answers how many
 * states are shallow (they are numbered first). SHALLOW = 3 measured best with 100,000 names.
 */
function relabelShallowFirst(states: number, firstChild: Ints, nextSibling: Ints, codeOf: Ints, outHead: Ints): number {
  const rank = new Int32Array(states).fill(NONE);
  const byRank = new Int32Array(states);
  rank[0] = 0;
  let tail = 1;
  let levelEnd = 1;
  for (let head = 0, depth = 0; head < tail && depth < SHALLOW; head++) {
    for (let c = firstChild.data[byRank[head]!]!; c !== NONE; c = nextSibling.data[c]!) {
      rank[c] = tail;
      byRank[tail++] = c;
    }
    if (head + 1 === levelEnd) {
      depth++;
      levelEnd = tail;
    }
  }
  const shallow = tail;
  for (let s = 1; s < states; s++) {
    if (rank[s] === NONE) {
      rank[s] = tail;
      byRank[tail++] = s;
    }
  }
  const remap = (list: Ints, isState: boolean) => {
    const out = new Int32Array(states);
    for (let r = 0; r < states; r++) {
      const v = list.data[byRank[r]!]!;
      out[r] = isState && v !== NONE ? rank[v]! : v;
    }
    list.data = out;
  };
  remap(firstChild, true);
  remap(nextSibling, true);
  remap(codeOf, false);
  remap(outHead, false);
  return shallow;
}

interface CompiledPattern {
  text: string;
  entityId: string;
  length: number;
  cased?: string;
  capital: boolean;
  needsContext: boolean;
}

/**
 * Finds entity aliases in plain text: whole words only, leftmost-longest, folding case,
 * diacritics and typographic variants (see fold.ts).
 *
 * A word-anchored Aho-Corasick automaton over folded text, compiled once into typed arrays.
 * Because a match must begin at a word start, the automaton enters its root only at word
 * starts, and a failure link leads only to a suffix that itself begins at a word start; so
 * after a mismatch the rest of a word costs one table lookup per character. The scan is
 * linear in the text (one transition per character, failure links amortised constant) and
 * looks at outputs only where a word ends; the leftmost-longest choice is made afterwards.
 * Transitions from the root sit in a direct table, a state with one child keeps it inline,
 * and the rest share one open-addressing hash table.
 *
 * Written by hand because it is Crossread's core: the same rules run in the knowledge build
 * (Node) and on every page (content script), and no library gives exact offsets with them.
 */
export class Matcher {
  private readonly rootNext = new Int32Array(65536).fill(NONE);
  /**
   * What a transition reads of a state, side by side (one cache line): at `state * 4` its only
   * child's code and state (NONE when it has none or several), its dense row (or NONE), and
   * its failure link.
   */
  private node: Int32Array;
  /** 1 when a state or a state on its dictionary chain ends a pattern. */
  private emits: Uint8Array;
  /** Open addressing, one slot per 3 ints side by side (one cache line per probe): state, code, next. */
  private hash: Int32Array;
  private hashMask: number;
  /** Dense index of each folded code that occurs in some alias, or NONE. */
  private alpha: Int32Array;
  private alphabetSize: number;
  private dense: Int32Array;
  /**
   * Per code unit, filled lazily: 0 unknown, else 1 + (alphabet index + 1) << 17 | word << 16
   * | folded code. One read gives all the scan needs of a character.
   */
  private charInfo = new Int32Array(65536);
  /** Nearest word-anchored proper suffix state with an output, or NONE. */
  private readonly dict: Int32Array;
  /** First pattern ending at a state, or NONE; further ones chained through patNext. */
  private readonly outHead: Int32Array;
  private readonly patNext: Int32Array;
  private readonly patterns: CompiledPattern[] = [];
  private readonly contextWindow: number;
  readonly states: number;

  constructor(patterns: readonly AliasPattern[], options: MatcherOptions = {}) {
    this.contextWindow = options.contextWindow ?? 400;
    const expanded: AliasPattern[] = [];
    let chars = 0;
    for (const p of patterns) {
      if (!p.text) continue;
      expanded.push(p);
      chars += p.text.length;
      const variant = options.acronymVariants ? acronymVariant(p.text) : undefined;
      if (variant) {
        expanded.push({ ...p, text: variant });
        chars += variant.length;
      }
    }
    // 1. The trie, from the aliases sorted by folded text: each shares its prefix with the one
    //    before, so new states are only ever added along the current path (no look-ups),
    //    with children also kept as linked lists for the passes below. The sort is stable,
    //    so among spellings that fold alike the first given still comes first.
    const firstChild = new Ints(chars + 1);
    const nextSibling = new Ints(chars + 1);
    const codeOf = new Ints(chars + 1);
    const outHead = new Ints(chars + 1);
    const newState = (code: number) => {
      firstChild.push(NONE);
      nextSibling.push(NONE);
      codeOf.push(code);
      return outHead.push(NONE);
    };
    newState(0);
    const folded = expanded.map((p) => fold(p.text));
    for (const p of expanded) {
      this.patterns.push({
        text: p.text,
        entityId: p.entityId,
        length: p.text.length,
        ...(p.caseSensitive ? { cased: fold(p.text, true) } : {}),
        capital: options.capitalNames !== false && !p.caseSensitive && /^\p{Lu}/u.test(p.text),
        needsContext: p.needsContext ?? false,
      });
    }
    // By folded text in code-unit order, then by given order (a prefix comes first).
    const order = Array.from(folded.keys()).sort((a, b) => {
      const x = folded[a]!;
      const y = folded[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const patNext = new Int32Array(expanded.length).fill(NONE);
    const lastAt = new Int32Array(chars + 1).fill(NONE);
    const path: number[] = [0];
    let previous = '';
    for (const index of order) {
      const f = folded[index]!;
      let common = 0;
      const shorter = Math.min(previous.length, f.length);
      while (common < shorter && previous.charCodeAt(common) === f.charCodeAt(common)) common++;
      let state = path[common]!;
      for (let depth = common; depth < f.length; depth++) {
        const code = f.charCodeAt(depth);
        const next = newState(code);
        nextSibling.data[next] = firstChild.data[state]!;
        firstChild.data[state] = next;
        if (state === 0) this.rootNext[code] = next;
        state = next;
        path[depth + 1] = next;
      }
      path.length = f.length + 1;
      previous = f;
      // Patterns ending at one state stay in the given order: the first that fits the case rules wins.
      if (outHead.data[state] === NONE) outHead.data[state] = index;
      else patNext[lastAt[state]!] = index;
      lastAt[state] = index;
    }
    this.patNext = patNext;
    this.states = outHead.length;
    const shallow = relabelShallowFirst(this.states, firstChild, nextSibling, codeOf, outHead);
    for (let c = firstChild.data[0]!; c !== NONE; c = nextSibling.data[c]!) this.rootNext[codeOf.data[c]!] = c;
    this.outHead = outHead.data.subarray(0, this.states);

    // 2. States with a single child keep it inline: most states deep inside names have one.
    const node = (this.node = new Int32Array(this.states * 4).fill(NONE));
    node[FAIL] = 0;
    for (let s = 1; s < this.states; s++) {
      const c = firstChild.data[s]!;
      if (c !== NONE && nextSibling.data[c] === NONE) {
        node[s * 4 + ONLY_CODE] = codeOf.data[c]!;
        node[s * 4 + ONLY_NEXT] = c;
      }
    }

    // 3. States with many children get a dense row over the aliases' alphabet; the others'
    //    edges go into a hash table sized to them alone (the build table is dropped).
    const childCount = new Int32Array(this.states);
    for (let s = 1; s < this.states; s++) {
      for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) childCount[s]!++;
    }
    this.alpha = new Int32Array(65536).fill(NONE);
    let letters = 0;
    for (let s = 1; s < this.states; s++) {
      const code = codeOf.data[s]!;
      if (this.alpha[code] === NONE) this.alpha[code] = letters++;
    }
    this.alphabetSize = letters;
    let rows = 0;
    let hashed = 0;
    for (let s = 1; s < this.states; s++) {
      // Shallow states are where most lookups that fail happen: a row there costs one read.
      if (childCount[s]! >= DENSE_CHILDREN || (s < shallow && childCount[s]! > 1)) node[s * 4 + ROW] = rows++;
      else if (childCount[s]! > 1) hashed += childCount[s]!;
    }
    this.dense = new Int32Array(rows * letters).fill(NONE);
    let size = 16;
    while (size < hashed * 2) size *= 2;
    this.hashMask = size - 1;
    this.hash = new Int32Array(size * 3).fill(NONE);
    for (let s = 1; s < this.states; s++) {
      if (childCount[s]! < 2) continue;
      for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) {
        const code = codeOf.data[c]!;
        if (node[s * 4 + ROW] !== NONE) this.dense[node[s * 4 + ROW]! * letters + this.alpha[code]!] = c;
        else this.addEdge(s, code, c);
      }
    }

    // 4. Word-anchored failure and dictionary links, breadth first: a state's failure is its
    //    longest proper suffix in the trie that begins at a word start.
    this.dict = new Int32Array(this.states).fill(NONE);
    const queue = new Int32Array(this.states);
    let head = 0;
    let tail = 0;
    for (let c = firstChild.data[0]!; c !== NONE; c = nextSibling.data[c]!) {
      node[c * 4 + FAIL] = 0;
      queue[tail++] = c;
    }
    while (head < tail) {
      const s = queue[head++]!;
      // A suffix may begin at the root after s only if s ends outside a word.
      const wordBreak = !isWordCode(codeOf.data[s]!);
      for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) {
        const code = codeOf.data[c]!;
        let f = node[s * 4 + FAIL]!;
        let target = NONE;
        for (;;) {
          target = f === 0 ? (wordBreak ? this.rootNext[code]! : NONE) : this.goto(f, code);
          if (target !== NONE || f === 0) break;
          f = node[f * 4 + FAIL]!;
        }
        const fc = target === NONE || target === c ? 0 : target;
        node[c * 4 + FAIL] = fc;
        this.dict[c] = this.outHead[fc] !== NONE ? fc : this.dict[fc]!;
        queue[tail++] = c;
      }
    }
    this.emits = emitting(this.outHead, this.dict);

  }

  /** Bytes held by the automaton's tables (for benchmarks). */
  get bytes(): number {
    return this.tables().reduce((n, t) => n + t.byteLength, 0);
  }

  private tables(): Int32Array[] {
    return [this.rootNext, this.node, this.hash, this.alpha, this.dense, this.dict, this.outHead, this.patNext];
  }

  /**
   * The compiled automaton as plain data (typed arrays and a few numbers and strings), to be
   * built once at build time and loaded with `Matcher.load`, which skips compiling.
   */
  export(): CompiledMatcher {
    return {
      tables: this.tables(),
      numbers: [this.hashMask, this.alphabetSize, this.states, this.contextWindow],
      patterns: this.patterns,
    };
  }

  /** A matcher from `export()`'s data: the tables are used as they are, nothing is compiled. */
  static load(data: CompiledMatcher): Matcher {
    const m = Object.create(Matcher.prototype) as Record<string, unknown>;
    const names = ['rootNext', 'node', 'hash', 'alpha', 'dense', 'dict', 'outHead', 'patNext'];
    names.forEach((name, i) => (m[name] = data.tables[i]));
    [m.hashMask, m.alphabetSize, m.states, m.contextWindow] = data.numbers;
    m.patterns = data.patterns;
    m.charInfo = new Int32Array(65536);
    m.emits = emitting(m.outHead as Int32Array, m.dict as Int32Array);
    return m as unknown as Matcher;
  }

  private slot(state: number, code: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.hashMask;
  }

  private addEdge(from: number, code: number, to: number): void {
    if (from === 0) {
      this.rootNext[code] = to;
      return;
    }
    let h = this.slot(from, code);
    while (this.hash[h * 3] !== NONE) h = (h + 1) & this.hashMask;
    this.hash[h * 3] = from;
    this.hash[h * 3 + 1] = code;
    this.hash[h * 3 + 2] = to;
  }

  private hashedGoto(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]!;
    const hash = this.hash;
    for (let h = this.slot(state, code); hash[h * 3] !== NONE; h = (h + 1) & this.hashMask) {
      if (hash[h * 3] === state && hash[h * 3 + 1] === code) return hash[h * 3 + 2]!;
    }
    return NONE;
  }

  /** The transition from a non-root state, or NONE. */
  private goto(state: number, code: number): number {
    const only = this.node[state * 4 + ONLY_CODE]!;
    if (only !== NONE) return only === code ? this.node[state * 4 + ONLY_NEXT]! : NONE;
    const row = this.node[state * 4 + ROW]!;
    if (row !== NONE) {
      const a = this.alpha[code]!;
      return a === NONE ? NONE : this.dense[row * this.alphabetSize + a]!;
    }
    return this.hashedGoto(state, code);
  }

  /**
   * All matches in `text`, in order, never overlapping. The loop reads the tables inline and
   * calls out only for what is rare (a code unit met for the first time, a state with
   * several children, a word end with outputs): it runs once per page, mostly before the
   * engine has optimised it, where every call per character counts.
   */
  find(text: string): Match[] {
    const starts: number[] = [];
    const ends: number[] = [];
    const pats: number[] = [];
    const n = text.length;
    const { rootNext, node, emits, outHead, dict, dense, alphabetSize, charInfo } = this;
    let state = 0;
    let prevWord = 0;
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(i);
      let info = charInfo[raw]!;
      if (info === 0) info = this.describe(raw);
      const word = (info >> 16) & 1;
      if (state === 0 && prevWord === 1 && word === 1) continue; // inside a word: no match can start here
      const code = info & 0xffff;
      const letter = (info >> 17) - 1;
      if (letter === NONE) {
        // No alias has this character: every state falls back to the root.
        state = 0;
        prevWord = word;
        continue;
      }
      let next = NONE;
      for (;;) {
        if (state === 0) {
          next = prevWord === 1 ? NONE : rootNext[code]!;
          break;
        }
        const base = state << 2;
        const only = node[base]!;
        if (only !== NONE) next = only === code ? node[base + 1]! : NONE;
        else {
          const row = node[base + 2]!;
          next = row !== NONE ? dense[row * alphabetSize + letter]! : this.hashedGoto(state, code);
        }
        if (next !== NONE) break;
        state = node[base + 3]!;
      }
      state = next === NONE ? 0 : next;
      prevWord = word;
      if (state === 0 || emits[state] === 0) continue;
      // Outputs matter only where a word ends (or the alias ends in punctuation, as "U.S." does).
      if (word === 1 && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) continue;
      for (let s = outHead[state] !== NONE ? state : dict[state]!; s !== NONE; s = dict[s]!) {
        for (let p = outHead[s]!; p !== NONE; p = this.patNext[p]!) {
          const start = i + 1 - this.patterns[p]!.length;
          if (isWordCode(text.charCodeAt(start - 1)) || !this.fits(text, start, i + 1, p)) continue;
          starts.push(start);
          ends.push(i + 1);
          pats.push(p);
          break; // the first pattern of a state that fits wins
        }
      }
    }
    return this.select(starts, ends, pats);
  }

  /** Computes and caches a code unit's entry in `charInfo`. */
  private describe(raw: number): number {
    const code = foldCode(raw);
    const info = ((this.alpha[code]! + 1) << 17) | ((isWordCode(raw) ? 1 : 0) << 16) | code;
    this.charInfo[raw] = info;
    return info;
  }

  /** The case rules: acronyms as written; capitalised names never in lower case ("turkey"). */
  private fits(text: string, start: number, end: number, p: number): boolean {
    const pattern = this.patterns[p]!;
    if (pattern.cased !== undefined) return fold(text.slice(start, end), true) === pattern.cased;
    if (pattern.capital) {
      const first = text[start]!;
      return first !== first.toLowerCase() || first === first.toUpperCase();
    }
    return true;
  }

  /** Leftmost-longest, non-overlapping; then context for the ambiguous ones. */
  private select(starts: number[], ends: number[], pats: number[]): Match[] {
    const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);
    const chosen: Match[] = [];
    const ambiguous: boolean[] = [];
    let reach = 0;
    for (const i of order) {
      if (starts[i]! < reach) continue;
      const pattern = this.patterns[pats[i]!]!;
      chosen.push({ start: starts[i]!, end: ends[i]!, entityId: pattern.entityId, alias: pattern.text });
      ambiguous.push(pattern.needsContext);
      reach = ends[i]!;
    }
    if (!ambiguous.includes(true)) return chosen;
    const anchors = chosen.filter((_, i) => !ambiguous[i]).map((m) => m.start);
    const w = this.contextWindow;
    return chosen.filter((m, i) => {
      if (!ambiguous[i]) return true;
      // Binary search for the nearest unambiguous match.
      let lo = 0;
      let hi = anchors.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (anchors[mid]! < m.start) lo = mid + 1;
        else hi = mid;
      }
      return (lo < anchors.length && anchors[lo]! - m.start <= w) || (lo > 0 && m.start - anchors[lo - 1]! <= w);
    });
  }
}
