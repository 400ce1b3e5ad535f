import type { HighlightStyle } from '../shared/settings';

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
  /** The text node that was replaced; it is put back, with its text, on removal. */
  original: Text;
  data: string;
  /** The nodes that replaced `original`, in order: text pieces and marks. */
  parts: ChildNode[];
}

/**
 * Wraps matches in `<crossread-mark>` elements and takes them away again. Every wrap is
 * recorded, so `removeAll()` puts back the very text nodes that were replaced, with their
 * original text: the page's DOM is restored exactly.
 */
export class Highlighter {
  private records: WrapRecord[] = [];
  private entities = new Set<string>();

  /** Distinct entities marked since the last `removeAll()` (the toolbar badge), known without reading the page. */
  get entityCount(): number {
    return this.entities.size;
  }

  private templates: { first: Element; cont: Element } | undefined;

  private style: HighlightStyle = 'underline';

  /**
   * Marks are cloned from two prepared elements: one attribute to set per mark, not five.
   * A mark takes focus from script only (tabindex -1): a page with two thousand names keeps
   * its own Tab order, and the shortcut (see tooltips.ts) moves through the marks instead.
   */
  private template(doc: Document, first: boolean): Element {
    if (!this.templates || this.templates.first.ownerDocument !== doc) {
      const head = doc.createElement(MARK_TAG);
      head.setAttribute('tabindex', '-1');
      head.setAttribute('role', 'button');
      head.setAttribute('aria-haspopup', 'dialog');
      const cont = doc.createElement(MARK_TAG);
      cont.setAttribute('data-cont', '');
      this.templates = { first: head, cont };
      this.applyStyle(this.style);
    }
    return first ? this.templates.first : this.templates.cont;
  }

  /** Sets how marks look (marks.css), on the marks made so far and the ones to come. */
  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.applyStyle(style);
  }

  private applyStyle(style: HighlightStyle): void {
    const marks = [this.templates?.first, this.templates?.cont, ...this.records.flatMap((r) => r.parts)];
    for (const m of marks) {
      if (!(m instanceof Element)) continue;
      if (style === 'underline') m.removeAttribute('data-style');
      else m.setAttribute('data-style', style);
    }
  }

  /**
   * Wraps the pieces of one text node (in order, not overlapping); returns how many marks it
   * made. The replacement (text and marks) is built in a detached fragment and swapped in
   * with one operation: one mutation for the page instead of two per split.
   */
  wrap(node: Text, pieces: readonly Piece[]): number {
    const doc = node.ownerDocument;
    const data = node.data;
    const fragment = doc.createDocumentFragment();
    const parts: ChildNode[] = [];
    let at = 0;
    for (const p of pieces) {
      this.entities.add(p.entityId);
      if (p.start > at) parts.push(doc.createTextNode(data.slice(at, p.start)));
      const mark = this.template(doc, p.first).cloneNode(false) as Element;
      mark.setAttribute('data-entity', p.entityId);
      mark.textContent = data.slice(p.start, p.end);
      parts.push(mark);
      at = p.end;
    }
    if (at < data.length) parts.push(doc.createTextNode(data.slice(at)));
    fragment.append(...parts);
    node.replaceWith(fragment);
    this.records.push({ original: node, data, parts });
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
    this.entities.clear();
  }
}
