import { fold, foldCode, isWordCode } from './fold';

/** A match of an alias in a text, as offsets into that text. */
export interface Match {
  start: number;
  end: number;
  entityId: string;
  /** The alias as the pattern spells it. */
  alias: string;
}

/** An alias as the scan checks it once found. */
export interface CompiledPattern {
  text: string;
  entityId: string;
  length: number;
  /** Case-sensitive (acronyms): the alias folded but for case, which the text must equal. */
  cased?: string;
  /** Capitalised name: the text must not begin in lower case. */
  capital: boolean;
  needsContext: boolean;
}

/** The names of the compiled tables, in the order the file format stores them (matcher-binary.ts). */
export const TABLE_NAMES = ['alphabet', 'rootNext', 'node', 'hash', 'dense', 'dict', 'outHead', 'patNext', 'emits'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * A compiled matcher as plain data: what `compileMatcher` (matcher-compile.ts) builds and the
 * scan-only `Matcher` runs. Every table is an Int32Array; none is indexed by code unit, so
 * none has 64 K entries to create or fill when a page loads it.
 */
export interface CompiledMatcher {
  tables: Record<TableName, Int32Array>;
  /** Size of the hash table in slots, minus one. */
  hashMask: number;
  states: number;
  /** How near (in characters) an unambiguous match must be to admit a `needsContext` one. */
  contextWindow: number;
  patterns: CompiledPattern[];
}

/** No state, no pattern, no letter. */
export const NONE = -1;
/** Fields of a state in the `node` table, side by side (one cache line). */
export const ONLY_CODE = 0;
export const ONLY_NEXT = 1;
export const ROW = 2;
export const FAIL = 3;

/**
 * Finds entity aliases in plain text: whole words only, leftmost-longest, folding case,
 * diacritics and typographic variants (see fold.ts). Scan only: it runs a compiled automaton
 * (`compileMatcher`, matcher-compile.ts) as it is given, so a page that loads one from bytes
 * (matcher-binary.ts) carries no compiler code and compiles nothing.
 *
 * The automaton is a word-anchored Aho-Corasick over folded text. Because a match must begin
 * at a word start, it enters its root only at word starts, and a failure link leads only to a
 * suffix that itself begins at a word start; so after a mismatch the rest of a word costs one
 * table lookup per character. The scan is linear in the text (one transition per character,
 * failure links amortised constant) and looks at outputs only where a word ends; the
 * leftmost-longest choice is made afterwards. Transitions from the root and from states with
 * many children are rows over the aliases' alphabet, a state with one child keeps it inline,
 * and the rest share one open-addressing hash table.
 *
 * Written by hand because it is Crossread's core: the same rules run in the knowledge build
 * (Node) and on every page (content script), and no library gives exact offsets with them.
 */
export class Matcher {
  /** The folded codes that occur in some alias, sorted: a code's letter is its index here. */
  private readonly alphabet: Int32Array;
  /** The root's transitions, by letter. */
  private readonly rootNext: Int32Array;
  /**
   * What a transition reads of a state, side by side (one cache line): at `state * 4` its only
   * child's code and state (NONE when it has none or several), its dense row (or NONE), and
   * its failure link.
   */
  private readonly node: Int32Array;
  /** Open addressing, one slot per 3 ints side by side (one cache line per probe): state, code, next. */
  private readonly hash: Int32Array;
  private readonly hashMask: number;
  private readonly dense: Int32Array;
  /** Nearest word-anchored proper suffix state with an output, or NONE. */
  private readonly dict: Int32Array;
  /** First pattern ending at a state, or NONE; further ones chained through patNext. */
  private readonly outHead: Int32Array;
  private readonly patNext: Int32Array;
  /** 1 when a state or a state on its dictionary chain ends a pattern. */
  private readonly emits: Int32Array;
  private readonly patterns: CompiledPattern[];
  private readonly contextWindow: number;
  /**
   * Per code unit, filled as met: 0 unknown, else 1 + (letter + 1) << 17 | word << 16 | folded
   * code. One read gives all the scan needs of a character; zeroed, it costs nothing to create.
   */
  private readonly charInfo = new Int32Array(65536);
  readonly states: number;

  constructor(compiled: CompiledMatcher) {
    const t = compiled.tables;
    this.alphabet = t.alphabet;
    this.rootNext = t.rootNext;
    this.node = t.node;
    this.hash = t.hash;
    this.dense = t.dense;
    this.dict = t.dict;
    this.outHead = t.outHead;
    this.patNext = t.patNext;
    this.emits = t.emits;
    this.hashMask = compiled.hashMask;
    this.states = compiled.states;
    this.contextWindow = compiled.contextWindow;
    this.patterns = compiled.patterns;
  }

  /** A matcher over compiled data (`compileMatcher`, or `export()` of another): nothing is compiled. */
  static load(compiled: CompiledMatcher): Matcher {
    return new Matcher(compiled);
  }

  /** The compiled data this matcher runs, as `load` takes it. */
  export(): CompiledMatcher {
    const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, this[name]])) as Record<TableName, Int32Array>;
    return { tables, hashMask: this.hashMask, states: this.states, contextWindow: this.contextWindow, patterns: this.patterns };
  }

  /** Bytes held by the automaton's tables (for benchmarks). */
  get bytes(): number {
    return TABLE_NAMES.reduce((n, name) => n + this[name].byteLength, 0);
  }

  private hashedGoto(state: number, code: number): number {
    const hash = this.hash;
    const mask = this.hashMask;
    // The same first slot as matcher-compile.ts `hashSlot`.
    for (let h = (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask; hash[h * 3] !== NONE; h = (h + 1) & mask) {
      if (hash[h * 3] === state && hash[h * 3 + 1] === code) return hash[h * 3 + 2]!;
    }
    return NONE;
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
    const { rootNext, node, emits, outHead, dict, dense, charInfo } = this;
    const alphabetSize = this.alphabet.length;
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
          next = prevWord === 1 ? NONE : rootNext[letter]!;
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

  /** Computes and caches a code unit's entry in `charInfo`: its letter found by binary search. */
  private describe(raw: number): number {
    const code = foldCode(raw);
    const alphabet = this.alphabet;
    let lo = 0;
    let hi = alphabet.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (alphabet[mid]! < code) lo = mid + 1;
      else hi = mid;
    }
    const letter = lo < alphabet.length && alphabet[lo] === code ? lo : NONE;
    const info = ((letter + 1) << 17) | ((isWordCode(raw) ? 1 : 0) << 16) | code;
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
