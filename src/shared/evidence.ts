import { fold } from './fold';

/**
 * Text as evidence is compared: typographic quotes, dashes and spaces unified (case and
 * letters kept) and runs of whitespace collapsed. A quote is verbatim when its normal form
 * occurs in the normal form of its source.
 */
export function normalizeEvidence(text: string): string {
  return fold(text, true).replace(/\s+/g, ' ').trim();
}

/** True when `quote` occurs verbatim (after normalisation) in `source`. */
export function isVerbatimIn(quote: string, source: string): boolean {
  return verbatimChecker(source)(quote);
}

/** A checker for many quotes against one source, which is normalised once. */
export function verbatimChecker(source: string): (quote: string) => boolean {
  const normal = normalizeEvidence(source);
  return (quote) => {
    const q = normalizeEvidence(quote);
    return q.length > 0 && normal.includes(q);
  };
}

/**
 * Where `quote` occurs in `source`, comparing normal forms (see normalizeEvidence), as offsets
 * into the original `source`; undefined when it does not occur.
 */
export function locateEvidence(source: string, quote: string): { start: number; end: number } | undefined {
  const q = normalizeEvidence(quote);
  if (!q) return undefined;
  // The normal form of `source`, built with a map from each of its characters back to the original.
  let normal = '';
  const origin: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < source.length; i++) {
    const ch = fold(source[i]!, true);
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      lastSpace = true;
      normal += ' ';
    } else {
      lastSpace = false;
      normal += ch;
    }
    origin.push(i);
  }
  const at = normal.indexOf(q);
  if (at < 0) return undefined;
  return { start: origin[at]!, end: origin[at + q.length - 1]! + 1 };
}
