/** A quoted stretch of a text: `start`/`end` bound the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  text: string;
  /** Up to three words, not a whole sentence, with no speech verb around: the writer's distance, not a quotation. */
  scare: boolean;
}

const PAIRS: Record<string, string> = { '\u201C': '\u201D', '\u00AB': '\u00BB', '"': '"', '\u2018': '\u2019', "'": "'" };

/** Verbs that introduce or close a quotation, as a regular-expression alternation. */
export const SPEECH_VERB_WORDS =
  'said|says|say|told|tells|added|adds|cautioned|warned|called|calls|described|describes|hailed|promised|stated|announced|declared|insisted|noted|explained|commented|asked|according to|expressing|saying|adding|quoted';

/** A speech verb anywhere; its presence makes a short quote a citation rather than scare quotes. */
export const SPEECH_VERBS = new RegExp(`\\b(?:${SPEECH_VERB_WORDS})\\b`, 'i');

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrStart = (ch: string | undefined) => ch === undefined || /[\s([{\u2014\u2013-]/u.test(ch);

/**
 * Finds quoted spans in one paragraph: “…”, «…», "…", ‘…’ and '…'. A straight or curly single
 * mark counts as an opening quote only at a word start (so apostrophes in "Assad's" never
 * open one). An opening “ that meets another “ before any ” takes the second as its close
 * (a typo common in captured pages). `sentenceOf` gives the sentence around an offset, used to
 * tell scare quotes from citations.
 */
export function findQuoteSpans(text: string, sentenceOf: (offset: number) => string = () => text): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text[i]!;
    const close = PAIRS[open];
    const single = open === "'" || open === '\u2018';
    if (!close || (single && (!isSpaceOrStart(text[i - 1]) || !isLetter(text[i + 1]))) || (open === '"' && !isSpaceOrStart(text[i - 1]))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (ch === close && (!single || !isLetter(text[j + 1]))) break;
      if (open === '\u201C' && ch === '\u201C') break;
    }
    if (j >= text.length) {
      i++;
      continue;
    }
    const inner = text.slice(i + 1, j);
    const body = inner.trim();
    if (body) {
      const lead = inner.length - inner.trimStart().length;
      const start = i + 1 + lead;
      const words = body.split(/\s+/).length;
      // A whole quoted sentence ("It will comply.") is an utterance, never scare quotes.
      const scare = words <= 3 && body.length <= 40 && !/[.!?]$/.test(body) && !SPEECH_VERBS.test(sentenceOf(start));
      spans.push({ start, end: start + body.length, text: body, scare });
    }
    i = j + 1;
  }
  return spans;
}

/**
 * Quoted spans of a whole text, paragraph by paragraph (quotes never cross a line break),
 * with offsets into the text. `sentenceOf` takes an offset into the text.
 */
export function findQuoteSpansInText(text: string, sentenceOf: (offset: number) => string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const at = lineStart;
    for (const q of findQuoteSpans(line, (i) => sentenceOf(at + i))) spans.push({ ...q, start: at + q.start, end: at + q.end });
    lineStart += line.length + 1;
  }
  return spans;
}
