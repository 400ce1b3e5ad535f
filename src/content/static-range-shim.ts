/**
 * For unit tests under happy-dom, which has no StaticRange: the same four boundary fields and
 * `collapsed`, nothing more (a StaticRange is a plain value). The browser's own runs in the
 * end-to-end suite. Imported by tests only.
 */
if (typeof globalThis.StaticRange === 'undefined') {
  class StaticRangeShim {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      ({ startContainer: this.startContainer, startOffset: this.startOffset, endContainer: this.endContainer, endOffset: this.endOffset } = init);
    }
    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  }
  (globalThis as { StaticRange?: unknown }).StaticRange = StaticRangeShim;
}
