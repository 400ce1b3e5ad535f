/** Elements whose text is not the page's visible prose, or is Crossread's own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE',
  'CROSSREAD-MARK', 'CROSSREAD-TOOLTIP',
]);

/** Elements that start a new block of text: a name never runs across them. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** True when an element's text must never be scanned or changed. */
export function isSkippedElement(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute('hidden') ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

/** True when the element is not rendered (display: none, visibility: hidden, content-visibility). */
function isHidden(el: Element): boolean {
  // checkVisibility reads styles computed once for the whole walk; nothing is laid out.
  return typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true });
}

/** True when a node sits inside a skipped element (checked for content added after the first scan). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * The visible text under a root as one string, with the text node each stretch came from.
 * Text nodes inside one block join directly, so "<b>John</b> Kerry" reads "John Kerry";
 * a block boundary, a <br> or a skipped region between two nodes becomes "\n", so a name
 * never runs across them.
 */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
  /** Each node's text when collected; a node changed since is not touched. */
  data: string[];
}

/** What the walk knows of an element that holds text: whether to skip it, and its block. */
interface Verdict {
  skip: boolean;
  block: Element | null;
}

/**
 * The verdict for an element, from its parent's (cached), so each element is judged once:
 * skipped when it or an ancestor is skipped; hidden (checked once, on the nearest element
 * that holds text, which covers its ancestors); its block is itself or its parent's.
 */
function verdictOf(el: Element, root: Node, cache: Map<Element, Verdict>): Verdict {
  const hit = cache.get(el);
  if (hit) return hit;
  const parent = el.parentElement;
  const up = parent && el !== root && root.contains(parent) ? verdictOf(parent, root, cache) : undefined;
  const block = BLOCK_TAGS.has(el.tagName.toUpperCase()) ? el : (up?.block ?? null);
  const skip = (up?.skip ?? false) || isSkippedElement(el);
  const v = { skip, block };
  cache.set(el, v);
  return v;
}

/** True when something that breaks a line (a <br>, a skipped or hidden element) stands right before `node` in its block. */
function breakBefore(node: Node, block: Element | null, cache: Map<Element, Verdict>): boolean {
  for (let n: Node | null = node; n && n !== block; n = n.parentNode) {
    const prev = n.previousSibling;
    if (!prev) continue;
    if (!(prev instanceof Element)) return false;
    return prev.tagName === 'BR' || isSkippedElement(prev) || cache.get(prev)?.skip === true || isHidden(prev);
  }
  return false;
}

/**
 * Walks the visible text under `root` once. The browser iterates the text nodes natively
 * (no script callback per node); each element holding text is judged once and cached, and
 * hidden ones are found with one checkVisibility per such element. A generator: it pauses
 * every 256 nodes so the scanner can give the page's main thread back between slices.
 */
export function* walkText(root: Node): Generator<void, TextMap, void> {
  const map: TextMap = { text: '', nodes: [], starts: [], data: [] };
  if (isInsideSkipped(root) || (root instanceof Element && isHidden(root))) return map;
  const parts: string[] = [];
  let length = 0;
  let lastBlock: Element | null | undefined;
  const cache = new Map<Element, Verdict>();
  const hidden = new Map<Element, boolean>();
  const add = (node: Text, block: Element | null) => {
    if (map.nodes.length > 0 && (block !== lastBlock || breakBefore(node, block, cache))) {
      parts.push('\n');
      length += 1;
    }
    lastBlock = block;
    map.nodes.push(node);
    map.starts.push(length);
    map.data.push(node.data);
    parts.push(node.data);
    length += node.data.length;
  };
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = (root as Text).parentElement;
    if ((root as Text).data.trim()) add(root as Text, parent ? verdictOf(parent, parent, cache).block : null);
    map.text = parts.join('');
    return map;
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let visited = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement;
    if (parent && n.data.length > 0) {
      const v = verdictOf(parent, root, cache);
      if (!v.skip) {
        let isOff = hidden.get(parent);
        if (isOff === undefined) hidden.set(parent, (isOff = isHidden(parent)));
        if (!isOff) add(n, v.block);
        else lastBlock = undefined; // text after a hidden stretch starts afresh
      } else lastBlock = undefined;
    }
    if (++visited % 256 === 0) yield;
  }
  map.text = parts.join('');
  return map;
}

/** The whole walk at once (tests, and callers that do not slice). */
export function collectText(root: Node): TextMap {
  const walk = walkText(root);
  for (let step = walk.next(); ; step = walk.next()) if (step.done) return step.value;
}
