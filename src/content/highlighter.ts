import type { Match } from '../shared/matcher';

/** The custom element that wraps a match; a custom name keeps page CSS for spans and links off it. */
export const MARK_TAG = 'crossread-mark';

/**
 * Wraps each match of a text node in a `<crossread-mark>`, splitting the node; the page's
 * text is unchanged. Matches must be in order and not overlap. Returns the marks created.
 */
export function wrapMatches(node: Text, matches: readonly Match[]): HTMLElement[] {
  const doc = node.ownerDocument;
  const marks: HTMLElement[] = [];
  // From the last match back, so earlier offsets stay valid in the shrinking node.
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!;
    if (m.end < node.length) node.splitText(m.end);
    const target = m.start > 0 ? node.splitText(m.start) : node;
    const mark = doc.createElement(MARK_TAG);
    mark.dataset.entity = m.entityId;
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    target.replaceWith(mark);
    mark.append(target);
    marks.push(mark);
  }
  return marks.reverse();
}

/** Removes marks, putting their text back and merging the text nodes the wrap split. */
export function removeMarks(marks: Iterable<Element>): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}
