import { fold, foldChar, isWordChar } from './fold';

/** One spelling to look for and the entity it names. */
export interface AliasPattern {
  text: string;
  entityId: string;
  /** Match only as written (short acronyms: IS, US, UN); otherwise case-insensitive. */
  caseSensitive: boolean;
}

/** A match of an alias in a text, as offsets into that text. */
export interface Match {
  start: number;
  end: number;
  entityId: string;
  /** The alias as the pack spells it. */
  alias: string;
}

interface Terminal {
  pattern: AliasPattern;
  /** The alias folded with case kept, compared against the text for case-sensitive aliases. */
  cased: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminals: Terminal[];
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: [] });

/**
 * The default case rule: an alias written in capitals with at most four letters (IS, US,
 * U.S., UN, CIA, NATO) is an acronym and matches only in capitals, so "is", "us" and "un"
 * in running text are never marked.
 */
export function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase();
}

/**
 * Finds entity aliases in plain text: whole words only, leftmost-longest, folding case,
 * diacritics and typographic variants (see fold.ts). Compiled once into a trie of folded
 * aliases; scanning tries the trie only at word starts.
 *
 * Written by hand because it is Crossread's core: the same rules run in the knowledge
 * build (Node) and on every page (content script), and no library gives exact offsets with
 * these rules.
 */
export class Matcher {
  private readonly root = newNode();
  readonly size: number;

  constructor(patterns: readonly AliasPattern[]) {
    for (const pattern of patterns) {
      const folded = fold(pattern.text);
      if (!folded) continue;
      let node = this.root;
      for (const ch of folded) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = newNode()));
        node = child;
      }
      node.terminals.push({ pattern, cased: fold(pattern.text, true) });
    }
    this.size = patterns.length;
  }

  /** All matches in `text`, in order, never overlapping. */
  find(text: string): Match[] {
    const matches: Match[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isWordChar(text[i]) || isWordChar(text[i - 1])) {
        i++;
        continue;
      }
      const match = this.longestAt(text, i);
      if (match) {
        matches.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(text: string, start: number): Match | undefined {
    let node: TrieNode | undefined = this.root;
    let best: Match | undefined;
    for (let j = start; j < text.length; j++) {
      node = node.next.get(foldChar(text[j]!));
      if (!node) break;
      if (node.terminals.length === 0) continue;
      const end = j + 1;
      // Whole words: the alias must not run on into a longer word ("crisis" is not ISIS).
      if (isWordChar(text[end - 1]) && isWordChar(text[end])) continue;
      const terminal = node.terminals.find(
        (t) => !t.pattern.caseSensitive || fold(text.slice(start, end), true) === t.cased,
      );
      if (terminal) best = { start, end, entityId: terminal.pattern.entityId, alias: terminal.pattern.text };
    }
    return best;
  }
}
