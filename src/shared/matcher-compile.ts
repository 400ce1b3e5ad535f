import { fold, isWordCode } from './fold';
import { FAIL, NONE, ONLY_CODE, ONLY_NEXT, ROW, type CompiledMatcher, type CompiledPattern } from './matcher-scan';

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

/** States with at least this many children get a dense transition row. */
const DENSE_CHILDREN = 6;
/** Trie levels (below the root) numbered breadth first; see `relabelShallowFirst`. */
const SHALLOW = 3;

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

/** The trie as linked lists of children, one entry per state (state 0 is the root). */
interface Trie {
  firstChild: Ints;
  nextSibling: Ints;
  /** The folded code unit that leads into each state. */
  codeOf: Ints;
  /** First pattern ending at a state, or NONE; further ones chained through `patNext`. */
  outHead: Ints;
  patNext: Int32Array;
}

/** Step 0: the patterns as given plus their acronym variants, and how each is checked once found. */
function expand(patterns: readonly AliasPattern[], options: MatcherOptions): { expanded: AliasPattern[]; compiled: CompiledPattern[] } {
  const expanded: AliasPattern[] = [];
  for (const p of patterns) {
    if (!p.text) continue;
    expanded.push(p);
    const variant = options.acronymVariants ? acronymVariant(p.text) : undefined;
    if (variant) expanded.push({ ...p, text: variant });
  }
  const compiled = expanded.map((p) => ({
    text: p.text,
    entityId: p.entityId,
    length: p.text.length,
    ...(p.caseSensitive ? { cased: fold(p.text, true) } : {}),
    capital: options.capitalNames !== false && !p.caseSensitive && /^\p{Lu}/u.test(p.text),
    needsContext: p.needsContext ?? false,
  }));
  return { expanded, compiled };
}

/**
 * Step 1: the trie, from the aliases sorted by folded text: each shares its prefix with the one
 * before, so new states are only ever added along the current path (no look-ups). The sort is
 * stable, so among spellings that fold alike the first given still comes first.
 */
function buildTrie(folded: readonly string[]): Trie {
  const chars = folded.reduce((n, f) => n + f.length, 0);
  const trie: Trie = {
    firstChild: new Ints(chars + 1),
    nextSibling: new Ints(chars + 1),
    codeOf: new Ints(chars + 1),
    outHead: new Ints(chars + 1),
    patNext: new Int32Array(folded.length).fill(NONE),
  };
  const { firstChild, nextSibling, codeOf, outHead, patNext } = trie;
  const newState = (code: number) => {
    firstChild.push(NONE);
    nextSibling.push(NONE);
    codeOf.push(code);
    return outHead.push(NONE);
  };
  newState(0);
  // By folded text in code-unit order, then by given order (a prefix comes first).
  const order = Array.from(folded.keys()).sort((a, b) => {
    const x = folded[a]!;
    const y = folded[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
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
      const next = newState(f.charCodeAt(depth));
      nextSibling.data[next] = firstChild.data[state]!;
      firstChild.data[state] = next;
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
  return trie;
}

/**
 * Step 2: renumbers the trie's states: the root and the first SHALLOW levels breadth first, then
 * every deeper state in insertion (depth-first) order. A scan spends most of its transitions in
 * shallow states, since most words leave the trie within a few letters; numbered together
 * they stay in cache, where in insertion order they are spread over the whole table (18 MB
 * with 100,000 names). Deeper, a name's chain of states stays contiguous. Answers how many
 * states are shallow (they are numbered first). SHALLOW = 3 measured best with 100,000 names.
 */
function relabelShallowFirst(trie: Trie): number {
  const states = trie.outHead.length;
  const { firstChild, nextSibling } = trie;
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
  remap(trie.codeOf, false);
  remap(trie.outHead, false);
  return shallow;
}

/** Step 3: the alphabet, every folded code that leads into some state, sorted; a letter is its index. */
function alphabetOf(trie: Trie): { alphabet: Int32Array; letterOf: Int32Array } {
  const states = trie.outHead.length;
  const seen = new Set<number>();
  for (let s = 1; s < states; s++) seen.add(trie.codeOf.data[s]!);
  const alphabet = Int32Array.from([...seen].sort((a, b) => a - b));
  const letterOf = new Int32Array(65536).fill(NONE);
  alphabet.forEach((code, letter) => (letterOf[code] = letter));
  return { alphabet, letterOf };
}

/**
 * Step 4: the transition tables. A state with a single child keeps it inline (most states deep
 * inside names have one); a state with many children, or a shallow one with several, gets a
 * dense row over the alphabet (shallow states are where most lookups that fail happen: a row
 * there costs one read); the others' edges go into an open-addressing hash table sized to them.
 */
function transitions(trie: Trie, shallow: number, alphabet: Int32Array, letterOf: Int32Array) {
  const states = trie.outHead.length;
  const { firstChild, nextSibling, codeOf } = trie;
  const letters = alphabet.length;
  const rootNext = new Int32Array(letters).fill(NONE);
  const node = new Int32Array(states * 4).fill(NONE);
  node[FAIL] = 0;
  const childCount = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) childCount[s]!++;
  }
  let rows = 0;
  let hashed = 0;
  for (let s = 1; s < states; s++) {
    const c = firstChild.data[s]!;
    if (childCount[s] === 1) {
      node[s * 4 + ONLY_CODE] = codeOf.data[c]!;
      node[s * 4 + ONLY_NEXT] = c;
    } else if (childCount[s]! >= DENSE_CHILDREN || (s < shallow && childCount[s]! > 1)) node[s * 4 + ROW] = rows++;
    else if (childCount[s]! > 1) hashed += childCount[s]!;
  }
  const dense = new Int32Array(rows * letters).fill(NONE);
  let size = 16;
  while (size < hashed * 2) size *= 2;
  const hashMask = size - 1;
  const hash = new Int32Array(size * 3).fill(NONE);
  for (let c = firstChild.data[0]!; c !== NONE; c = nextSibling.data[c]!) rootNext[letterOf[codeOf.data[c]!]!] = c;
  for (let s = 1; s < states; s++) {
    if (childCount[s]! < 2) continue;
    for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) {
      const code = codeOf.data[c]!;
      const row = node[s * 4 + ROW]!;
      if (row !== NONE) {
        dense[row * letters + letterOf[code]!] = c;
        continue;
      }
      let h = hashSlot(s, code, hashMask);
      while (hash[h * 3] !== NONE) h = (h + 1) & hashMask;
      hash[h * 3] = s;
      hash[h * 3 + 1] = code;
      hash[h * 3 + 2] = c;
    }
  }
  return { rootNext, node, dense, hash, hashMask };
}

/** The hash table's first slot for an edge; the scan (matcher-scan.ts) probes the same way. */
export function hashSlot(state: number, code: number, mask: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
}

/**
 * Step 5: word-anchored failure and dictionary links, breadth first: a state's failure is its
 * longest proper suffix in the trie that begins at a word start; its dictionary link the
 * nearest such suffix that ends a pattern. Then which states emit: they end a pattern, or a
 * state on their dictionary chain does.
 */
function failureLinks(trie: Trie, tables: ReturnType<typeof transitions>, letterOf: Int32Array): { dict: Int32Array; emits: Int32Array } {
  const states = trie.outHead.length;
  const { firstChild, nextSibling, codeOf } = trie;
  const outHead = trie.outHead.data;
  const { rootNext, node, dense, hash, hashMask } = tables;
  const letters = rootNext.length;
  /** The trie's transition from `state` by `code`, or NONE (the same tables the scan reads). */
  const step = (state: number, code: number): number => {
    if (state === 0) return rootNext[letterOf[code]!]!;
    const only = node[state * 4 + ONLY_CODE]!;
    if (only !== NONE) return only === code ? node[state * 4 + ONLY_NEXT]! : NONE;
    const row = node[state * 4 + ROW]!;
    if (row !== NONE) return dense[row * letters + letterOf[code]!]!;
    for (let h = hashSlot(state, code, hashMask); hash[h * 3] !== NONE; h = (h + 1) & hashMask) {
      if (hash[h * 3] === state && hash[h * 3 + 1] === code) return hash[h * 3 + 2]!;
    }
    return NONE;
  };
  const dict = new Int32Array(states).fill(NONE);
  const queue = new Int32Array(states);
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
        target = f === 0 ? (wordBreak ? step(0, code) : NONE) : step(f, code);
        if (target !== NONE || f === 0) break;
        f = node[f * 4 + FAIL]!;
      }
      const fc = target === NONE || target === c ? 0 : target;
      node[c * 4 + FAIL] = fc;
      dict[c] = outHead[fc] !== NONE ? fc : dict[fc]!;
      queue[tail++] = c;
    }
  }
  const emits = new Int32Array(states);
  for (let s = 0; s < states; s++) emits[s] = outHead[s] !== NONE || dict[s] !== NONE ? 1 : 0;
  return { dict, emits };
}

/**
 * Compiles aliases into the word-anchored Aho–Corasick automaton the scan-only `Matcher`
 * (matcher-scan.ts) runs: plain data, typed arrays and a few numbers and strings, built once
 * (at build time for the bundled pack, when packs change for installed ones) and shipped or
 * stored as bytes (matcher-binary.ts). Pages never run this. A pipeline of pure steps.
 */
export function compileMatcher(patterns: readonly AliasPattern[], options: MatcherOptions = {}): CompiledMatcher {
  const { expanded, compiled } = expand(patterns, options);
  const trie = buildTrie(expanded.map((p) => fold(p.text)));
  const shallow = relabelShallowFirst(trie);
  const { alphabet, letterOf } = alphabetOf(trie);
  const tables = transitions(trie, shallow, alphabet, letterOf);
  const { dict, emits } = failureLinks(trie, tables, letterOf);
  const { rootNext, node, dense, hash, hashMask } = tables;
  const states = trie.outHead.length;
  return {
    tables: { alphabet, rootNext, node, hash, dense, dict, outHead: trie.outHead.data.subarray(0, states), patNext: trie.patNext, emits },
    hashMask,
    states,
    contextWindow: options.contextWindow ?? 400,
    patterns: compiled,
  };
}
