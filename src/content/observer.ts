/** Above this many queued nodes, one rescan of the root (idempotent) is cheaper than sorting them out. */
const FULL_RESCAN_ABOVE = 300;

/** What changed in a batch of the page's mutations. */
export interface PageChanges {
  /** Nodes added or whose text changed, still in the page, none inside another (or `[root]` for a large batch). */
  changed: Node[];
  /** Whether anything was removed (marks on removed text are dropped then). */
  removed: boolean;
}

/**
 * Watches a root for content added, removed or edited later (infinite scroll, single-page
 * navigation, live blogs, frameworks re-rendering) with one MutationObserver, and hands the
 * changes over in batches at most once per `intervalMs`, so a page that mutates forever costs
 * one small pass per interval. Nodes already inside another queued node, and nodes no longer
 * in the page, are dropped; a very large batch becomes one pass over `root`. Crossread never
 * writes into the page, so every record is the page's own.
 */
export function observeChanges(root: Node, onChanges: (changes: PageChanges) => void, signal: AbortSignal, intervalMs = 100): void {
  const queued = new Set<Node>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const nodes = [...queued].filter((n) => n.isConnected);
    queued.clear();
    const changed = nodes.length > FULL_RESCAN_ABOVE ? [root] : nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
    const batch = { changed, removed };
    removed = false;
    if (changed.length > 0 || batch.removed) onChanges(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') queued.add(r.target);
      else {
        r.addedNodes.forEach((n) => queued.add(n));
        if (r.removedNodes.length > 0) removed = true;
      }
    }
    if ((queued.size > 0 || removed) && timer === undefined) timer = setTimeout(flush, intervalMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
