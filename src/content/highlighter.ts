/** The custom element that wraps a match; a custom name keeps page CSS for spans and links off it. */
export const MARK_TAG = 'crossread-mark';

/** Marks in the page, counting a name split over several elements once. */
export const WHOLE_MARKS = `${MARK_TAG}:not([data-cont])`;

/** The part of one match that lies in one text node (a name split by markup has several). */
export interface Piece {
  start: number;
  end: number;
  entityId: string;
  /** The first piece of its match: the one that takes keyboard focus. */
  first: boolean;
}

interface WrapRecord {
  original: Text;
  data: string;
  /** The nodes that replaced `original`, in order: text pieces and marks. */
  parts: ChildNode[];
}

/**
 * Wraps matches in `<crossread-mark>` elements and takes them away again. Every wrap is
 * recorded, so `removeAll()` puts back the very text nodes that were split, with their
 * original text: the page's DOM is restored exactly.
 */
export class Highlighter {
  private records: WrapRecord[] = [];

  private templates: { first: Element; cont: Element } | undefined;

  /** Marks are cloned from two prepared elements: one attribute to set per mark, not four. */
  private template(doc: Document, first: boolean): Element {
    if (!this.templates || this.templates.first.ownerDocument !== doc) {
      const head = doc.createElement(MARK_TAG);
      head.setAttribute('tabindex', '0');
      head.setAttribute('role', 'button');
      head.setAttribute('aria-haspopup', 'dialog');
      const cont = doc.createElement(MARK_TAG);
      cont.setAttribute('data-cont', '');
      this.templates = { first: head, cont };
    }
    return first ? this.templates.first : this.templates.cont;
  }

  /** Wraps the pieces of one text node (in order, not overlapping); returns how many marks it made. */
  wrap(node: Text, pieces: readonly Piece[]): number {
    const doc = node.ownerDocument;
    const record: WrapRecord = { original: node, data: node.data, parts: [] };
    let rest: Text | undefined = node;
    for (let i = pieces.length - 1; i >= 0 && rest; i--) {
      const p = pieces[i]!;
      if (p.end < rest.length) record.parts.unshift(rest.splitText(p.end));
      const target: Text = p.start > 0 ? rest.splitText(p.start) : rest;
      const mark = this.template(doc, p.first).cloneNode(false) as Element;
      mark.setAttribute('data-entity', p.entityId);
      target.replaceWith(mark);
      mark.append(target);
      record.parts.unshift(mark);
      if (target === rest) rest = undefined;
    }
    if (rest) record.parts.unshift(rest);
    this.records.push(record);
    return pieces.length;
  }

  /** Removes every mark, restoring the original text nodes where the page left them alone. */
  removeAll(): void {
    for (const { original, data, parts } of this.records.reverse()) {
      const first = parts[0];
      if (!first || !parts.every((p) => p.isConnected && p.parentNode === first.parentNode)) {
        // The page rearranged the pieces: at least take the marks away, keeping their text.
        for (const p of parts) if (p instanceof Element && p.isConnected) p.replaceWith(...p.childNodes);
        continue;
      }
      first.parentNode!.insertBefore(original, first);
      original.data = data;
      for (const p of parts) if (p !== original) p.remove();
    }
    this.records = [];
  }
}
