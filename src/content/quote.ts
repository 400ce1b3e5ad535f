import { sentenceAt } from '../shared/sentences';

const BLOCK = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, article, section, div, body';
const MAX_QUOTE = 1_000;

/** The sentence of the page around an element, read from its nearest block, trimmed. */
export function sentenceAround(el: Element): string {
  const block = el.parentElement?.closest(BLOCK) ?? el;
  const range = el.ownerDocument.createRange();
  range.setStart(block, 0);
  range.setEndBefore(el);
  const sentence = sentenceAt(block.textContent ?? '', range.toString().length);
  return (sentence ?? el.textContent ?? '').trim().slice(0, MAX_QUOTE);
}
