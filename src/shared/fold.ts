/**
 * Text folding for matching: maps every UTF-16 code unit of a text to one code unit, so
 * offsets in the folded text are offsets in the original. Folding lowercases, strips
 * diacritics (Erdoğan → erdogan), and unifies typographic variants of apostrophes, quotes,
 * dashes and spaces. Tables are filled lazily, one entry per code unit met.
 */

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ',
};

/**
 * Per code unit, filled as met: 0 unknown, else 1 + the folded code (WORD: 1 a word's, 2 not).
 * Zero means unknown so that the tables cost nothing to create: a fresh typed array is zeroed
 * for free, where filling 64 K entries with -1 took milliseconds on every page Crossread reads.
 */
const FOLDED = new Int32Array(65536);
const FOLDED_CASED = new Int32Array(65536);
const WORD = new Int8Array(65536);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function computeFold(code: number, keepCase: boolean): number {
  const ch = String.fromCharCode(code);
  const punct = PUNCTUATION[ch];
  if (punct !== undefined) return punct.charCodeAt(0);
  // Lone surrogates have no normal form of their own; keep them.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const base = ch.normalize('NFD')[0] ?? ch;
  const cased = keepCase ? base : base.toLowerCase();
  // Some lowercasings grow (İ → i̇); keep the one-to-one mapping by taking the first unit.
  return cased.charCodeAt(0);
}

/** Folds one code unit (as a char code) to one code unit. */
export function foldCode(code: number, keepCase = false): number {
  const table = keepCase ? FOLDED_CASED : FOLDED;
  let f = table[code]!;
  if (f === 0) table[code] = f = computeFold(code, keepCase) + 1;
  return f - 1;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Folds a whole string; the result has the same length as the input. */
export function fold(text: string, keepCase = false): string {
  // ASCII needs no diacritic or typographic folding: the engine's own lowercasing is exact.
  if (ASCII.test(text)) return keepCase ? text : text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i), keepCase));
  return out;
}

/** True when the code unit (as a char code) is part of a word: letter, digit or combining mark. */
export function isWordCode(code: number): boolean {
  if (!(code >= 0)) return false; // NaN past the end of a string
  let w = WORD[code]!;
  if (w === 0) WORD[code] = w = WORD_RE.test(String.fromCharCode(code)) ? 1 : 2;
  return w === 1;
}
