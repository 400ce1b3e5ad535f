import { fold, foldCode, isWordCode } from './fold';

/** One spelling to look for and the entity it names. */
export interface AliasPattern {
  text: string;
  entityId: string;
  /** Match only as written (short acronyms: IS, US, UN); otherwise case-insensitive. */
  caseSensitive: boolean;
  /**
   * A spelling that is also a common word ("Turkey", "rebels"): it counts only with context,
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
  trim(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Finds entity aliases in plain text: whole words only, leftmost-longest, folding case,
 * diacritics and typographic variants (see fold.ts).
 *
 * An Aho-Corasick automaton over folded text, compiled once, in typed arrays: transitions
 * from the root in a direct table, the others in one open-addressing hash table. The scan
 * takes one transition per character (plus failure links, amortised constant) and looks at
 * outputs only where a word ends, so it is linear in the text; the leftmost-longest choice
 * among whole-word matches is made afterwards.
 *
 * Written by hand because it is Crossread's core: the same rules run in the knowledge build
 * (Node) and on every page (content script), and no library gives exact offsets with them.
 */
export class Matcher {
  private readonly rootNext = new Int32Array(65536).fill(NONE);
  private hashState!: Int32Array;
  private hashCode!: Int32Array;
  private hashNext!: Int32Array;
  private hashMask = 0;
  private fail!: Int32Array;
  /** Nearest proper suffix state with an output, or NONE. */
  private dict!: Int32Array;
  /** First pattern ending at a state, or NONE; further ones chained through patNext. */
  private outHead!: Int32Array;
  private readonly patNext: number[] = [];
  private readonly patterns: { text: string; entityId: string; length: number; cased?: string; capital: boolean; needsContext: boolean }[] = [];
  private readonly contextWindow: number;
  readonly states: number;

  constructor(patterns: readonly AliasPattern[], options: MatcherOptions = {}) {
    this.contextWindow = options.contextWindow ?? 400;
    const expanded: AliasPattern[] = [];
    for (const p of patterns) {
      expanded.push(p);
      const variant = options.acronymVariants ? acronymVariant(p.text) : undefined;
      if (variant) expanded.push({ ...p, text: variant });
    }

    // 1. The trie, with children as linked lists for the breadth-first pass.
    const firstChild = new Ints();
    const nextSibling = new Ints();
    const charOf = new Ints();
    const outHead = new Ints();
    const edges: [number, number, number][] = [];
    const newState = (code: number) => {
      firstChild.push(NONE);
      nextSibling.push(NONE);
      charOf.push(code);
      return outHead.push(NONE);
    };
    newState(0);
    const childOf = (state: number, code: number): number => {
      for (let c = firstChild.data[state]!; c !== NONE; c = nextSibling.data[c]!) if (charOf.data[c] === code) return c;
      return NONE;
    };
    for (const p of expanded) {
      if (!p.text) continue;
      let state = 0;
      for (let i = 0; i < p.text.length; i++) {
        const code = foldCode(p.text.charCodeAt(i));
        let next = childOf(state, code);
        if (next === NONE) {
          next = newState(code);
          nextSibling.data[next] = firstChild.data[state]!;
          firstChild.data[state] = next;
          edges.push([state, code, next]);
        }
        state = next;
      }
      const index = this.patterns.length;
      this.patterns.push({
        text: p.text,
        entityId: p.entityId,
        length: p.text.length,
        ...(p.caseSensitive ? { cased: fold(p.text, true) } : {}),
        capital: !p.caseSensitive && /^\p{Lu}/u.test(p.text),
        needsContext: p.needsContext ?? false,
      });
      // Keep patterns in the given order at a state: the first that fits the case rules wins.
      if (outHead.data[state] === NONE) outHead.data[state] = index;
      else {
        let last = outHead.data[state]!;
        while (this.patNext[last] !== undefined && this.patNext[last] !== NONE) last = this.patNext[last]!;
        this.patNext[last] = index;
      }
      this.patNext[index] = NONE;
    }
    this.states = outHead.length;

    // 2. Transitions: the root's in a direct table, the rest hashed on (state, code).
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    this.hashMask = size - 1;
    this.hashState = new Int32Array(size).fill(NONE);
    this.hashCode = new Int32Array(size);
    this.hashNext = new Int32Array(size);
    for (const [from, code, to] of edges) {
      if (from === 0) this.rootNext[code] = to;
      else {
        let h = this.slot(from, code);
        while (this.hashState[h] !== NONE) h = (h + 1) & this.hashMask;
        this.hashState[h] = from;
        this.hashCode[h] = code;
        this.hashNext[h] = to;
      }
    }

    // 3. Failure and dictionary links, breadth first.
    this.outHead = outHead.trim();
    this.fail = new Int32Array(this.states);
    this.dict = new Int32Array(this.states).fill(NONE);
    const queue = new Int32Array(this.states);
    let head = 0;
    let tail = 0;
    for (let c = firstChild.data[0]!; c !== NONE; c = nextSibling.data[c]!) queue[tail++] = c;
    while (head < tail) {
      const s = queue[head++]!;
      for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) {
        const code = charOf.data[c]!;
        let f = this.fail[s]!;
        let target = this.goto(f, code);
        while (target === NONE && f !== 0) {
          f = this.fail[f]!;
          target = this.goto(f, code);
        }
        const fc = target === NONE || target === c ? 0 : target;
        this.fail[c] = fc;
        this.dict[c] = this.outHead[fc] !== NONE ? fc : this.dict[fc]!;
        queue[tail++] = c;
      }
    }
  }

  /** Bytes held by the automaton's tables (for benchmarks). */
  get bytes(): number {
    return this.rootNext.byteLength + this.hashState.byteLength * 3 + this.fail.byteLength * 3 + this.patNext.length * 8;
  }

  private slot(state: number, code: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.hashMask;
  }

  private goto(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]!;
    for (let h = this.slot(state, code); this.hashState[h] !== NONE; h = (h + 1) & this.hashMask) {
      if (this.hashState[h] === state && this.hashCode[h] === code) return this.hashNext[h]!;
    }
    return NONE;
  }

  /** All matches in `text`, in order, never overlapping. */
  find(text: string): Match[] {
    const starts: number[] = [];
    const ends: number[] = [];
    const pats: number[] = [];
    const n = text.length;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const code = foldCode(text.charCodeAt(i));
      let next = this.goto(state, code);
      while (next === NONE && state !== 0) {
        state = this.fail[state]!;
        next = this.goto(state, code);
      }
      state = next === NONE ? 0 : next;
      if (state === 0) continue;
      // Outputs matter only where a word ends (or the alias ends in punctuation, as "U.S." does).
      const here = text.charCodeAt(i);
      if (isWordCode(here) && isWordCode(text.charCodeAt(i + 1))) continue;
      for (let s = this.outHead[state] !== NONE ? state : this.dict[state]!; s !== NONE; s = this.dict[s]!) {
        for (let p = this.outHead[s]!; p !== NONE; p = this.patNext[p]!) {
          const pattern = this.patterns[p]!;
          const start = i + 1 - pattern.length;
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
