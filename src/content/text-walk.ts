/** Elements whose text is not the page's visible prose, or is Crossread's own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE',
  'CROSSREAD-MARK', 'CROSSREAD-TOOLTIP',
]);

/** True when an element's text must never be scanned or changed. */
export function isSkippedElement(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute('hidden') ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

/** True when a node sits inside a skipped element (checked for content added after the first scan). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * The text nodes under `root` that hold visible prose, in document order. Skipped elements
 * are rejected with their whole subtree, so a large script or editor costs one check.
 */
export function collectTextNodes(root: Node): Text[] {
  if (isInsideSkipped(root)) return [];
  if (root.nodeType === Node.TEXT_NODE) return /\S/.test((root as Text).data) ? [root as Text] : [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return /\S/.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}
