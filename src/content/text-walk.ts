/** Elements whose text is not the page's visible prose (by `localName`: lower case, nothing allocated). Crossread's own UI sits in a closed shadow root, which no walk enters. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'svg', 'math', 'iframe', 'object', 'canvas', 'head', 'title',
]);

/** Elements that start a new block of text: a name never runs across them. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** True for an element that starts a new block of text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** True when an element's text must never be scanned or changed. */
export function isSkippedElement(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.localName) ||
    el.hasAttribute('hidden') ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

const VISIBILITY = { visibilityProperty: true } as const;
const canCheckVisibility = typeof Element !== 'undefined' && typeof Element.prototype.checkVisibility === 'function';

/** True when the element is not rendered (display: none, visibility: hidden, content-visibility). */
function isHidden(el: Element): boolean {
  // checkVisibility reads styles computed once for the whole walk; nothing is laid out.
  return canCheckVisibility && !el.checkVisibility(VISIBILITY);
}

/** True when a node sits inside a skipped element (checked for content added after the first scan). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * What to match again when `node` was added or its text changed: the block it sits in (a
 * name never runs across blocks, and may run across the node's edges), or the node itself
 * when it is a block or an element holding other elements (a whole added section).
 */
export function rescanRootOf(node: Node): Node {
  if (node instanceof Element && (BLOCK_TAGS.has(node.localName) || node.firstElementChild)) return node;
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK_TAGS.has(el.localName)) return el;
  return node;
}

/**
 * The visible text under a root as one string, with the text node each stretch came from.
 * Text nodes inside one block join directly, so "<b>Maria</b> Lopez" reads "Maria Lopez";
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
  /** The open shadow roots whose text was read with the root's (to be watched for changes too). */
  shadowRoots: ShadowRoot[];
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
 * It climbs to the nearest judged ancestor and judges back down in a loop, never by
 * recursion: a page nested 20,000 levels deep cannot overflow the stack.
 */
function verdictOf(el: Element, root: Node, cache: Map<Element, Verdict>): Verdict {
  const hit = cache.get(el);
  if (hit) return hit;
  // The walk only meets elements under `root`, so their ancestors up to it are under it too.
  const unjudged: Element[] = [];
  let up: Verdict | undefined;
  for (let e: Element | null = el; e; e = e.parentElement) {
    up = cache.get(e);
    if (up) break;
    unjudged.push(e);
    if (e === root) break;
  }
  for (let i = unjudged.length - 1; i >= 0; i--) {
    const e = unjudged[i]!;
    up = { skip: (up?.skip ?? false) || isSkippedElement(e), block: BLOCK_TAGS.has(e.localName) ? e : (up?.block ?? null) };
    cache.set(e, up);
  }
  return up!;
}

/** True when something that breaks a line (a <br>, a skipped or hidden element) stands right before `node` in its block. */
function breakBefore(node: Node, block: Element | null, cache: Map<Element, Verdict>, hiddenOf: (el: Element) => boolean): boolean {
  for (let n: Node | null = node; n && n !== block; n = n.parentNode) {
    const prev = n.previousSibling;
    if (!prev) continue;
    if (prev.nodeType !== Node.ELEMENT_NODE) return false;
    const el = prev as Element;
    return el.localName === 'br' || (cache.get(el)?.skip ?? isSkippedElement(el)) || hiddenOf(el);
  }
  return false;
}

/**
 * Walks the visible text under `root` once. The browser iterates the text nodes natively
 * (no script callback per node); each element holding text is judged once and cached, and
 * hidden ones are found with one checkVisibility per such element. A generator: it pauses
 * every 64 nodes so the scanner can give the page's main thread back between slices.
 * Text under `except` (a block) is left out, as a skipped element's is.
 */
export function* walkText(root: Node, except?: Element): Generator<void, TextMap, void> {
  const map: TextMap = { text: '', nodes: [], starts: [], data: [], shadowRoots: [] };
  if (isInsideSkipped(root) || (root instanceof Element && isHidden(root))) return map;
  const parts: string[] = [];
  let length = 0;
  let lastBlock: Element | null | undefined;
  const cache = new Map<Element, Verdict>();
  // A part read already (the viewport's, see page-marker.ts) is walked past like a skipped element.
  if (except) cache.set(except, { skip: true, block: except });
  // Each element's visibility is asked once: checkVisibility is most of the walk's cost.
  const hidden = new Map<Element, boolean>();
  const hiddenOf = (el: Element) => {
    let off = hidden.get(el);
    if (off === undefined) hidden.set(el, (off = isHidden(el)));
    return off;
  };
  const add = (node: Text, data: string, block: Element | null) => {
    if (map.nodes.length > 0 && (block !== lastBlock || breakBefore(node, block, cache, hiddenOf))) {
      parts.push('\n');
      length += 1;
    }
    lastBlock = block;
    map.nodes.push(node);
    map.starts.push(length);
    map.data.push(data);
    parts.push(data);
    length += data.length;
  };
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = (root as Text).parentElement;
    const data = (root as Text).data;
    if (data.trim()) add(root as Text, data, parent ? verdictOf(parent, parent, cache).block : null);
    map.text = parts.join('');
    return map;
  }
  const doc = root.ownerDocument ?? (root as Document);
  // The root's own tree first, then each open shadow root under it (a tree of its own: a block
  // boundary before it, so no name runs into or out of it).
  const trees: Node[] = [root];
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t]!;
    if (t > 0) lastBlock = undefined;
    const walker = doc.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
    let visited = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const parent = n.parentElement;
      const data = n.data;
      if (parent && data.length > 0) {
        const v = verdictOf(parent, tree, cache);
        if (!v.skip && !hiddenOf(parent)) add(n, data, v.block);
        else lastBlock = undefined; // text after a skipped or hidden stretch starts afresh
      }
      if (++visited % 64 === 0) yield;
    }
    yield;
    for (const shadow of yield* shadowRootsIn(tree)) {
      const host = shadow.host;
      // A shadow root under a skipped or hidden element shows nothing of the prose.
      if (verdictOf(host, tree, cache).skip || hiddenOf(host)) continue;
      trees.push(shadow);
      map.shadowRoots.push(shadow);
    }
  }
  map.text = parts.join('');
  return map;
}

/**
 * The open shadow roots of the elements in `tree` (not of those in its shadow roots). Pages
 * attach them to custom elements and to a few standard ones, and nothing tells where: every
 * element is asked, natively iterated, with a pause every 512 elements (a generator, like the
 * walk). Closed roots are the page's own and stay unread.
 */
function* shadowRootsIn(tree: Node): Generator<void, ShadowRoot[], void> {
  const found: ShadowRoot[] = [];
  if (tree.nodeType === Node.TEXT_NODE) return found;
  if (tree instanceof Element && tree.shadowRoot) found.push(tree.shadowRoot);
  const doc = tree.ownerDocument ?? (tree as Document);
  const walker = doc.createTreeWalker(tree, NodeFilter.SHOW_ELEMENT);
  let visited = 0;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.shadowRoot) found.push(el.shadowRoot);
    if (++visited % 512 === 0) yield;
  }
  return found;
}

/** `shadowRootsIn` at once. */
export function openShadowRootsIn(tree: Node): ShadowRoot[] {
  return runToEnd(shadowRootsIn(tree));
}

/** A sliced walk run at once. */
function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** `root` and every open shadow root under it, nested ones included, in the order the walk reads them. */
export function treesUnder(root: Node): Node[] {
  const trees: Node[] = [root];
  for (let t = 0; t < trees.length; t++) trees.push(...openShadowRootsIn(trees[t]!));
  return trees;
}

/** The whole walk at once (tests, and callers that do not slice). */
export function collectText(root: Node): TextMap {
  return runToEnd(walkText(root));
}
