import type { Match } from '../shared/matcher-scan';
import type { HighlightStyle } from '../shared/settings';
import type { TextMap } from './text-walk';

/** The CSS Custom Highlight that draws the marks in one style (`::highlight()` rules in marks.css). */
export const markHighlightName = (style: HighlightStyle): string => `crossread-mark-${style}`;

/** A name found on the page. */
export class Mark {
  private made: StaticRange | undefined;

  constructor(
    readonly entityId: string,
    /** The text nodes it covers, in order (a name split by inline markup covers several). */
    readonly nodes: readonly Text[],
    /** Where it starts in its first node and ends in its last. */
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  /**
   * Where it lies, as a static range, made on first use (most marks of a long page are never
   * drawn or hovered). Static, not live: the browser updates every live Range on every DOM
   * mutation the page makes, so two thousand live ranges would tax every re-render of the page.
   * A static range is only read when painted; the observer re-matches text that changed under it.
   */
  get range(): StaticRange {
    return (this.made ??= new StaticRange({ startContainer: this.nodes[0]!, startOffset: this.startOffset, endContainer: this.nodes.at(-1)!, endOffset: this.endOffset }));
  }

  /** The range if it was made (undrawing a mark never drawn makes none). */
  get madeRange(): StaticRange | undefined {
    return this.made;
  }
}

/** The part of a mark inside one text node, in that node's offsets: the index hover looks up. */
interface Piece {
  mark: Mark;
  start: number;
  end: number;
}

/**
 * `CSS.highlights.highlightsFromPoint` (Chromium 140+); typed here until the DOM typings have
 * it. Like `caretPositionFromPoint`, it looks into the shadow roots it is given, and no others.
 */
type PointLookup = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { highlight: Highlight; ranges: AbstractRange[] }[];

/** The registry, where the browser has the CSS Custom Highlight API (Chromium 105+, Firefox 140+). */
function registry(): HighlightRegistry | undefined {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

/** The caret position at a point of the viewport (caretPositionFromPoint, or WebKit's caretRangeFromPoint). */
function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/** A live range over a static one, for measuring; the caller lets it go at once. */
export function liveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** How far beyond the viewport marks are drawn: a screen above and below, so scrolling finds them painted. */
const PAINT_MARGIN = '100% 0px 100% 0px';
/**
 * Elements newly watched per animation frame: the browser works out where every newly observed
 * element is in one frame, and a portal page has thousands (marks come in page order, so those
 * at the top, where a page opens, are watched first).
 */
const WATCH_PER_FRAME = 250;

/**
 * The marks of a page, drawn as one CSS Custom Highlight over static ranges built from the
 * matcher's offsets: no element, attribute or text node of the page is added, split or
 * changed. Marks are indexed by text node, so text the page changes or removes takes its
 * marks with it, and the mark under the pointer is found from a caret position.
 *
 * Only the marks near the viewport are in the highlight (an IntersectionObserver watches the
 * elements holding marks): after every change to its DOM, the browser rebuilds the painted
 * markers of every registered range in the next frame, so a page that re-renders all the time
 * would otherwise pay for two thousand ranges a frame; it pays for the hundred or so in view.
 */
export class Highlighter {
  private readonly pieces = new Map<Text, Piece[]>();
  private readonly marks = new Set<Mark>();
  /** The marks drawn now, by their range (what `highlightsFromPoint` answers with). */
  private readonly drawn = new Map<AbstractRange, Mark>();
  private readonly counts = new Map<string, number>();
  private readonly highlight: Highlight | undefined;
  /** The marks held by each element (their first text node's parent), and which of those elements are near the viewport. */
  private readonly holders = new Map<Element, Set<Mark>>();
  private readonly near = new Set<Element>();
  /** Open shadow roots whose text was read (hover lookups look into them). */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly watch: IntersectionObserver | undefined;
  private unwatched: Element[] = [];
  private watchFrame = 0;
  private style: HighlightStyle = 'underline';
  private ordered: Mark[] | undefined;
  /** Main-thread milliseconds spent watching elements and drawing and undrawing marks as they come near the viewport or leave it. */
  drawMs = 0;

  constructor(private readonly doc: Document) {
    this.highlight = registry() && new Highlight();
    if (this.highlight && typeof IntersectionObserver === 'function') {
      this.watch = new IntersectionObserver((entries) => this.moved(entries), { rootMargin: PAINT_MARGIN });
    }
  }

  /** Marks on the page now (a name split over several elements counts once). */
  get size(): number {
    return this.marks.size;
  }

  /** Distinct entities marked now (the toolbar badge), known without reading the page. */
  get entityCount(): number {
    return this.counts.size;
  }

  /** Marks per entity id. */
  entityCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /**
   * Marks `matches` (offsets into `map.text`, in order). A match over a text node the page
   * changed or removed since it was read is left out: the observer brings that node back.
   * Returns the number of marks made.
   */
  add(map: TextMap, matches: readonly Match[]): number {
    for (const shadow of map.shadowRoots) this.shadowRoots.add(shadow);
    let made = 0;
    let n = 0;
    for (const m of matches) {
      // Matches come in order, so the node index only moves forward.
      while (n + 1 < map.nodes.length && map.starts[n + 1]! <= m.start) n++;
      let last = n;
      while (last + 1 < map.nodes.length && map.starts[last + 1]! < m.end) last++;
      let fresh = true;
      for (let i = n; i <= last && fresh; i++) fresh = map.nodes[i]!.data === map.data[i] && map.nodes[i]!.isConnected;
      if (!fresh) continue;
      const mark = new Mark(m.entityId, map.nodes.slice(n, last + 1), m.start - map.starts[n]!, m.end - map.starts[last]!);
      for (let i = n; i <= last; i++) {
        const node = map.nodes[i]!;
        const start = Math.max(m.start - map.starts[i]!, 0);
        const end = Math.min(m.end - map.starts[i]!, node.data.length);
        if (end <= start) continue;
        const list = this.pieces.get(node);
        if (list) list.push({ mark, start, end });
        else this.pieces.set(node, [{ mark, start, end }]);
      }
      this.marks.add(mark);
      this.counts.set(mark.entityId, (this.counts.get(mark.entityId) ?? 0) + 1);
      this.hold(mark);
      made++;
    }
    if (made > 0) this.changed();
    return made;
  }

  /**
   * Drops the marks in the text under `root`, before it is matched again (so a rescan adds
   * nothing twice); those under `except` (a block, which no mark crosses) stay.
   */
  dropWithin(root: Node, except?: Element): void {
    if (this.marks.size === 0) return;
    if (except) {
      for (const mark of [...this.marks]) {
        const node = mark.nodes[0]!;
        if (within(root, node) && !within(except, node)) this.drop(mark);
      }
      return;
    }
    if (root === this.doc.body || root === this.doc.documentElement) return this.clear();
    if (root.nodeType === Node.TEXT_NODE) return this.dropNode(root as Text);
    // The root's own text, and that of the open shadow roots read under it (known: no new search).
    for (const tree of [root, ...[...this.shadowRoots].filter((shadow) => within(root, shadow.host))]) {
      const walker = this.doc.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) this.dropNode(t);
    }
  }


  /**
   * Drops the marks whose text left the document, so memory and counts do not grow on a page
   * that lives for hours; returns how many went.
   */
  sweep(): number {
    const before = this.marks.size;
    for (const mark of [...this.marks]) if (!mark.nodes.every((n) => n.isConnected)) this.drop(mark);
    for (const [el, held] of this.holders) {
      if (held.size > 0 || el.isConnected) continue;
      this.holders.delete(el);
      this.near.delete(el);
      this.watch!.unobserve(el);
    }
    return before - this.marks.size;
  }

  /** Removes every mark. */
  clear(): void {
    this.pieces.clear();
    this.marks.clear();
    this.drawn.clear();
    this.counts.clear();
    this.holders.clear();
    this.near.clear();
    this.unwatched = [];
    cancelAnimationFrame(this.watchFrame);
    this.watchFrame = 0;
    this.watch?.disconnect();
    this.highlight?.clear();
    registry()?.delete(markHighlightName(this.style));
    this.ordered = undefined;
  }

  /** Sets how marks look: the highlight moves to the registry name marks.css styles that way. */
  setStyle(style: HighlightStyle): void {
    const reg = registry();
    if (reg && this.marks.size > 0) reg.delete(markHighlightName(this.style));
    this.style = style;
    this.paint();
  }

  /** The mark at a point of the viewport, if any: asked of the highlight registry where the browser can, else found from the caret position there. */
  markAt(x: number, y: number): Mark | undefined {
    return this.canAskRegistry() ? this.markFromHighlights(x, y) : this.markFromCaret(x, y);
  }

  /** The open shadow roots marks were looked for in, still in the page: where point lookups must look too. */
  private lookInto(): { shadowRoots: ShadowRoot[] } {
    for (const shadow of this.shadowRoots) if (!shadow.isConnected) this.shadowRoots.delete(shadow);
    return { shadowRoots: [...this.shadowRoots] };
  }

  /** True where the browser answers which highlights are at a point (`highlightsFromPoint`, Chromium). */
  canAskRegistry(): boolean {
    return this.highlight !== undefined && typeof (registry() as { highlightsFromPoint?: PointLookup } | undefined)?.highlightsFromPoint === 'function';
  }

  /** The mark at a point, from `CSS.highlights.highlightsFromPoint` (only ranges Crossread made count). */
  markFromHighlights(x: number, y: number): Mark | undefined {
    for (const hit of (CSS.highlights as unknown as { highlightsFromPoint: PointLookup }).highlightsFromPoint(x, y, this.lookInto())) {
      if (hit.highlight !== this.highlight) continue;
      for (const range of hit.ranges) {
        const mark = this.drawn.get(range);
        if (mark) return mark;
      }
    }
    return undefined;
  }

  /** The mark at a point, from the caret position there and the marks of that text node. */
  markFromCaret(x: number, y: number): Mark | undefined {
    const caret = caretAt(this.doc, x, y, this.lookInto().shadowRoots);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
    // The caret is the nearest position, beside the text too: the pointer must be inside the name.
    for (const p of this.pieces.get(caret.node as Text) ?? []) {
      if (p.start <= caret.offset && caret.offset <= p.end && contains(liveRange(p.mark.range).getClientRects(), x, y)) return p.mark;
    }
    return undefined;
  }

  /** The marks in reading (document) order; worked out again only after marks changed. */
  inOrder(): readonly Mark[] {
    if (this.ordered) return this.ordered;
    const rank = new Map<Text, number>();
    // The page's own tree, then its open shadow roots, as the walk reads them.
    for (const tree of [this.doc.body, ...this.lookInto().shadowRoots]) {
      const walker = this.doc.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) if (this.pieces.has(t)) rank.set(t, rank.size);
    }
    const at = (m: Mark) => rank.get(m.nodes[0]!) ?? -1;
    this.ordered = [...this.marks].sort((a, b) => at(a) - at(b) || a.startOffset - b.startOffset);
    return this.ordered;
  }

  /** Whether `mark` is still one of the page's marks. */
  has(mark: Mark): boolean {
    return this.marks.has(mark);
  }

  private dropNode(node: Text): void {
    for (const p of this.pieces.get(node) ?? []) this.drop(p.mark);
  }

  private drop(mark: Mark): void {
    if (!this.marks.delete(mark)) return;
    for (const node of mark.nodes) {
      const left = this.pieces.get(node)?.filter((p) => p.mark !== mark);
      if (left && left.length > 0) this.pieces.set(node, left);
      else this.pieces.delete(node);
    }
    const n = (this.counts.get(mark.entityId) ?? 1) - 1;
    if (n > 0) this.counts.set(mark.entityId, n);
    else this.counts.delete(mark.entityId);
    this.release(mark);
    this.changed();
  }

  /** The element whose place on screen decides whether a mark is drawn. */
  private holderOf(mark: Mark): Element | null {
    return mark.nodes[0]!.parentElement;
  }

  /** Draws a mark if its element is near the viewport, and watches that element. */
  private hold(mark: Mark): void {
    const el = this.holderOf(mark);
    if (!this.watch || !el) return this.draw(mark);
    const held = this.holders.get(el);
    if (held) held.add(mark);
    else {
      this.holders.set(el, new Set([mark]));
      this.unwatched.push(el);
      this.watchFrame ||= requestAnimationFrame(() => this.watchSome());
    }
    if (this.near.has(el)) this.draw(mark);
  }

  private draw(mark: Mark): void {
    if (!this.highlight) return;
    this.drawn.set(mark.range, mark);
    this.highlight.add(mark.range);
  }

  private undraw(mark: Mark): void {
    const range = mark.madeRange;
    if (!this.highlight || !range || !this.drawn.delete(range)) return;
    this.highlight.delete(range);
  }

  /**
   * Undraws a mark. Its element stays watched while it is in the page (a rescan gives it its
   * marks back at once, with no round trip through the observer); `sweep` lets go of it after.
   */
  private release(mark: Mark): void {
    this.undraw(mark);
    const el = this.holderOf(mark);
    if (el) this.holders.get(el)?.delete(mark);
  }

  /** Starts watching the next few elements that hold marks (see WATCH_PER_FRAME). */
  private watchSome(): void {
    const t0 = performance.now();
    this.watchFrame = 0;
    for (const el of this.unwatched.splice(0, WATCH_PER_FRAME)) if (this.holders.has(el)) this.watch!.observe(el);
    if (this.unwatched.length > 0) this.watchFrame = requestAnimationFrame(() => this.watchSome());
    this.drawMs += performance.now() - t0;
  }

  /** Elements came near the viewport or left it: their marks are drawn or no longer drawn. */
  private moved(entries: IntersectionObserverEntry[]): void {
    const t0 = performance.now();
    for (const { target, isIntersecting } of entries) {
      const held = this.holders.get(target);
      if (!held) continue;
      if (isIntersecting) this.near.add(target);
      else this.near.delete(target);
      for (const mark of held) {
        if (isIntersecting) this.draw(mark);
        else this.undraw(mark);
      }
    }
    this.paint();
    this.drawMs += performance.now() - t0;
  }

  private changed(): void {
    this.ordered = undefined;
    this.paint();
  }

  /** Keeps the highlight registered under the style's name (a page script may have deleted it). */
  private paint(): void {
    const reg = registry();
    if (!reg || !this.highlight || this.marks.size === 0) return;
    const name = markHighlightName(this.style);
    if (reg.get(name) !== this.highlight) reg.set(name, this.highlight);
  }
}

function contains(rects: DOMRectList, x: number, y: number): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Whether `node` lies under `root`, inside the shadow trees of hosts under it too. */
function within(root: Node, node: Node): boolean {
  for (let n: Node | undefined = node; n; n = (n.getRootNode() as Partial<ShadowRoot>).host) if (root.contains(n)) return true;
  return false;
}
