import { sentenceSpans } from '../shared/sentences';
import { describeSpan } from '../shared/text-anchor';
import type { NoteSelector } from '../shared/protocol';
import { offsetOf } from './text-position';

const BLOCK = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, article, section, div, body';
const MAX_QUOTE = 1_000;

/**
 * A quote of the page, with its W3C selectors over the body's text. The selectors need the
 * whole page's text, so they are worked out only when a note is saved, not on every hover.
 */
export interface PageQuote {
  quote: string;
  selector(): NoteSelector;
}

/** The quote of the body's text at offsets [start, end), trimmed, at most MAX_QUOTE characters. */
function quoteOfSpan(body: HTMLElement, start: number, end: number): PageQuote | undefined {
  const text = body.textContent ?? '';
  let s = start;
  let e = Math.min(end, start + MAX_QUOTE);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return undefined;
  const { quote, position } = describeSpan(text, s, e);
  return { quote: quote.exact, selector: () => ({ quote, position }) };
}

/** The sentence of the page around a range (a mark), read from its nearest block. */
export function sentenceAround(range: AbstractRange): PageQuote {
  const node = range.startContainer;
  const body = node.ownerDocument!.body;
  const block = (node instanceof Element ? node : node.parentElement)?.closest(BLOCK) ?? body;
  const blockText = block.textContent ?? '';
  const at = offsetOf(block, node, range.startOffset);
  const length = offsetOf(block, range.endContainer, range.endOffset) - at;
  const span = sentenceSpans(blockText).find((x) => x.start <= at && at < x.end) ?? { start: at, end: at + length };
  return {
    // Sentence spans are trimmed already; a cut at MAX_QUOTE is trimmed as quoteOfSpan trims.
    quote: blockText.slice(span.start, Math.min(span.end, span.start + MAX_QUOTE)).trimEnd(),
    selector() {
      // A mark holds a name, so the span is never only space.
      const blockStart = offsetOf(body, block, 0);
      return quoteOfSpan(body, blockStart + span.start, blockStart + span.end)!.selector();
    },
  };
}

/** The user's selection in the page as a quote, or undefined when nothing (or only Crossread's UI) is selected. */
export function selectionQuote(doc: Document): (PageQuote & { range: Range }) | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!doc.body.contains(range.commonAncestorContainer)) return undefined;
  const start = offsetOf(doc.body, range.startContainer, range.startOffset);
  const end = offsetOf(doc.body, range.endContainer, range.endOffset);
  const quote = quoteOfSpan(doc.body, start, end);
  return quote && { ...quote, range: range.cloneRange() };
}
