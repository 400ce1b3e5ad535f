import { isBlockElement } from './text-walk';

/** Where the viewport is sampled: fractions of its width and height. */
const SAMPLES = [
  [0.5, 0.25],
  [0.5, 0.5],
  [0.5, 0.75],
  [0.25, 0.5],
  [0.75, 0.5],
] as const;

/**
 * The smallest block that holds what the reader sees: the nearest common block ancestor of
 * the elements at a few points of the viewport. The first scan reads it before the rest of
 * the page, so the names in view are marked first on a long page. Undefined when that block
 * is the whole body (or nothing is under the points): then there is nothing to put first.
 */
export function viewportBlock(doc: Document): Element | undefined {
  const view = doc.documentElement;
  const width = view.clientWidth;
  const height = view.clientHeight;
  if (width === 0 || height === 0 || typeof doc.elementFromPoint !== 'function') return undefined;
  let common: Element | undefined;
  for (const [fx, fy] of SAMPLES) {
    let el = doc.elementFromPoint(width * fx, height * fy);
    while (el && !isBlockElement(el)) el = el.parentElement;
    if (!el || !doc.body.contains(el)) continue;
    common = common ? commonAncestor(common, el) : el;
  }
  return common && common !== doc.body ? common : undefined;
}

/** The nearest block holding both (a name never runs across a block's edge, so the rest of the page can be read without it). */
function commonAncestor(a: Element, b: Element): Element {
  for (let e: Element | null = a; e; e = e.parentElement) if (e.contains(b) && isBlockElement(e)) return e;
  return b.ownerDocument.body;
}
