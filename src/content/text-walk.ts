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

/** The nearest block-level ancestor (by tag), cached per parent element. */
function blockOf(node: Node, cache: Map<Element, Element | null>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const hit = cache.get(parent);
  if (hit !== undefined) return hit;
  let el: Element | null = parent;
  while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  cache.set(parent, el);
  return el;
}

/**
 * Walks the visible text under `root` once with a TreeWalker, rejecting skipped and hidden
 * elements with their whole subtree. A generator: it pauses every 256 nodes so the scanner
 * can give the page's main thread back between slices (see scanner.ts).
 */
export function* walkText(root: Node): Generator<void, TextMap, void> {
  const map: TextMap = { text: '', nodes: [], starts: [], data: [] };
  if (isInsideSkipped(root) || (root instanceof Element && isHidden(root))) return map;
  const parts: string[] = [];
  let length = 0;
  let boundary = false;
  let lastBlock: Element | null | undefined;
  const cache = new Map<Element, Element | null>();
  const add = (node: Text) => {
    const block = blockOf(node, cache);
    if (map.nodes.length > 0 && (boundary || block !== lastBlock)) {
      parts.push('\n');
      length += 1;
    }
    boundary = false;
    lastBlock = block;
    map.nodes.push(node);
    map.starts.push(length);
    map.data.push(node.data);
    parts.push(node.data);
    length += node.data.length;
  };
  if (root.nodeType === Node.TEXT_NODE) {
    if ((root as Text).data.trim()) add(root as Text);
    map.text = parts.join('');
    return map;
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (el.tagName === 'BR') boundary = true;
      if (isSkippedElement(el) || isHidden(el)) {
        boundary = true;
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_SKIP;
    },
  });
  let visited = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.data.length > 0) add(t);
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
