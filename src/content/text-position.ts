/**
 * Offsets in a root's text content (what a W3C TextPositionSelector counts) and DOM ranges,
 * both ways. The text content is every text node under the root, in order, as
 * `root.textContent` reads it; Crossread's marks change no text, so offsets do not move
 * when names are marked or unmarked.
 */

/** The text nodes under a root with where each starts, read once for many look-ups. */
export class TextIndex {
  readonly text: string;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private startOfNode: Map<Text, number> | undefined;

  constructor(private readonly root: Node) {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    let at = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      this.nodes.push(n);
      this.starts.push(at);
      parts.push(n.data);
      at += n.data.length;
    }
    this.text = parts.join('');
  }

  /** The point at a text offset: the node holding it (an end offset stays in the node it ends). */
  private point(offset: number, isEnd: boolean): [Text, number] | undefined {
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! < offset || (!isEnd && this.starts[mid] === offset)) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[lo];
    if (!node || offset < this.starts[lo]! || offset > this.starts[lo]! + node.data.length) return undefined;
    return [node, offset - this.starts[lo]!];
  }

  /** Where a text node under the root starts in `text`, or undefined for one outside it. */
  startOf(node: Text): number | undefined {
    this.startOfNode ??= new Map(this.nodes.map((n, i) => [n, this.starts[i]!]));
    return this.startOfNode.get(node);
  }

  /** A DOM range over the text offsets [start, end), or undefined if they lie outside the text. */
  range(start: number, end: number): Range | undefined {
    const a = this.point(start, false);
    const b = this.point(end, true);
    if (!a || !b) return undefined;
    const range = (this.root.ownerDocument ?? (this.root as Document)).createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    return range;
  }
}

/** The text offset of a DOM point (container, offset) within `root`. */
export function offsetOf(root: Node, container: Node, offset: number): number {
  const range = (root.ownerDocument ?? (root as Document)).createRange();
  range.selectNodeContents(root);
  range.setEnd(container, offset);
  // A range's toString is the text of the text nodes it spans.
  return range.toString().length;
}
