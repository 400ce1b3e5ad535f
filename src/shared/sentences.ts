/** A half-open span of a text. */
export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Endings the segmenter takes for a sentence end but that usually are not: initials and
 * abbreviations such as "U.S.", "U.N.", "Mr." (ICU splits "U.S. Secretary of State").
 */
const ABBREVIATION = /(?:\b(?:\p{Lu}\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col|Gov|Prof|Jr|Sr|Rev|Fr|Capt|Sgt|Cmdr|Supt|Insp|Hon|Mt|Adm|Maj|Brig|Cpl|Pte|No|vs|etc)\.)$/u;

/**
 * Sentence spans of a text, never crossing a line break, trimmed of surrounding space, with
 * abbreviation splits mended. Shared by the knowledge build and the page's note quotes.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let previousEndsAbbreviation = false;
    for (const { segment, index } of segmenter.segment(line)) {
      const lead = segment.length - segment.trimStart().length;
      const body = segment.trim();
      if (!body) continue;
      const span = { start: lineStart + index + lead, end: lineStart + index + lead + body.length };
      const last = spans[spans.length - 1];
      if (previousEndsAbbreviation && last) last.end = span.end;
      else spans.push(span);
      previousEndsAbbreviation = ABBREVIATION.test(body);
    }
    lineStart += line.length + 1;
  }
  return spans;
}

/** The sentence of `text` that contains `offset`, or undefined. */
export function sentenceAt(text: string, offset: number): string | undefined {
  const span = sentenceSpans(text).find((s) => s.start <= offset && offset < s.end);
  return span && text.slice(span.start, span.end);
}

/** A function from an offset to the sentence span around it (binary search over `spans`). */
export function sentenceLookup(spans: readonly Span[]): (offset: number) => Span | undefined {
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
}

// Made on first use: the content script imports this module on every page and never counts words.
let wordSegmenter: Intl.Segmenter | undefined;

/** Words as the pack counts them (each source's `words`): the runtime's word segments that are words. */
export function countWords(text: string): number {
  wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  let n = 0;
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}
