/**
 * Text folding for matching: maps every UTF-16 code unit of a text to one code unit, so
 * offsets in the folded text are offsets in the original. Folding lowercases, strips
 * diacritics (Erdoğan → erdogan), and unifies typographic variants of apostrophes, quotes,
 * dashes and spaces.
 */

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ',
};

const cache = new Map<string, string>();

/** Folds one code unit to exactly one code unit (see the module comment). */
export function foldChar(ch: string, keepCase = false): string {
  const key = keepCase ? `K${ch}` : ch;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out = PUNCTUATION[ch];
  if (out === undefined) {
    const base = ch.normalize('NFD')[0] ?? ch;
    const cased = keepCase ? base : base.toLowerCase();
    // Some lowercasings grow (İ → i̇); keep the one-to-one mapping by taking the first unit.
    out = cased.length === 1 ? cased : (cased[0] ?? ch);
  }
  cache.set(key, out);
  return out;
}

/** Folds a whole string; the result has the same length as the input. */
export function fold(text: string, keepCase = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!, keepCase);
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True when the code unit is part of a word (letter, digit or combining mark). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}
