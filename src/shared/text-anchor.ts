import search from 'approx-string-match';

/** W3C Web Annotation TextQuoteSelector: the quote and a little text either side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets in the document's text content. */
export interface TextPosition {
  start: number;
  end: number;
}

/** Characters of context kept either side of a quote (as Hypothesis does). */
export const CONTEXT_CHARS = 32;

/** The selectors of the stretch [start, end) of `text`. */
export function describeSpan(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}

/** Where a quote was found, and how: exactly where it was, elsewhere verbatim, or approximately. */
export interface Anchor {
  start: number;
  end: number;
  how: 'position' | 'exact' | 'fuzzy';
}

/** Share of the quote's length that may differ for a fuzzy match to count. */
const MAX_ERROR_RATE = 0.25;

/** Similarity in [0, 1] of two strings by edit distance (used to weigh prefix and suffix). */
function closeness(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const longest = Math.max(a.length, b.length);
  const errors = Math.min(longest, ...search(a, b, longest).map((m) => m.errors));
  return 1 - errors / longest;
}

/** Bit-vector words of work the fuzzy search does per step (Myers' algorithm costs text length × ⌈quote length / 32⌉). */
const FUZZY_WORK_PER_STEP = 2_000_000;

/**
 * Finds a quote in `text` again (the page's text now). First where the position selector
 * says, if the text there is still the quote; then the verbatim occurrence whose context
 * best fits the saved prefix and suffix, nearest the old position on ties; then an
 * approximate match (approx-string-match, Myers' bit-parallel algorithm, as Hypothesis
 * uses) with at most a quarter of the quote's characters changed, scored the same way.
 * Returns null when the quote cannot be placed: the note is then an orphan.
 */
export function anchorQuote(text: string, quote: TextQuote, position?: TextPosition): Anchor | null {
  const steps = anchorQuoteSteps(text, quote, position);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * anchorQuote as a generator that pauses between bounded pieces of the fuzzy search, so a
 * long quote on a large page can be placed in short slices (the caller yields to the page
 * between them). The text is searched in overlapping windows: every match fits whole in one.
 */
export function* anchorQuoteSteps(text: string, quote: TextQuote, position?: TextPosition): Generator<void, Anchor | null, void> {
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === exact) return { ...position, how: 'position' };

  const score = (start: number, end: number, errors: number) => {
    const before = closeness(text.slice(Math.max(0, start - prefix.length), start), prefix);
    const after = closeness(text.slice(end, end + suffix.length), suffix);
    const near = position ? 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, text.length)) : 0;
    return 50 * (1 - errors / exact.length) + 20 * before + 20 * after + 2 * near;
  };

  let best: { start: number; end: number; score: number } | undefined;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const s = score(at, at + exact.length, 0);
    if (!best || s > best.score) best = { start: at, end: at + exact.length, score: s };
  }
  if (best) return { start: best.start, end: best.end, how: 'exact' };

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  // approx-string-match answers only the matches with the fewest errors, so a near copy far
  // away would hide an edited quote where it was: the saved place's surroundings are searched
  // on their own too, and every candidate is weighed with its context.
  const overlap = exact.length + maxErrors;
  const step = Math.max(overlap, Math.floor(FUZZY_WORK_PER_STEP / Math.ceil(exact.length / 32)));
  const windows: [number, number][] = [];
  for (let from = 0; from < text.length; from += step) {
    windows.push([from, Math.min(text.length, from + step + overlap)]);
    if (from + step + overlap >= text.length) break;
  }
  if (position) {
    const reach = CONTEXT_CHARS + maxErrors;
    windows.push([Math.max(0, position.start - reach), Math.min(text.length, position.end + reach)]);
  }
  for (const [from, to] of windows) {
    for (const m of search(text.slice(from, to), exact, maxErrors)) {
      const s = score(from + m.start, from + m.end, m.errors);
      if (!best || s > best.score) best = { start: from + m.start, end: from + m.end, score: s };
    }
    yield;
  }
  return best ? { start: best.start, end: best.end, how: 'fuzzy' } : null;
}
