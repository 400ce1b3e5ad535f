/** Above this many queued nodes, one rescan of the root (idempotent) is cheaper than sorting them out. */
const FULL_RESCAN_ABOVE = 300;

/**
 * Watches a root for content added or edited later (infinite scroll, single-page navigation,
 * live blogs) and hands the new nodes to `onAdded` in batches, at most once per `intervalMs`,
 * so a page that mutates forever costs one small pass per interval; a very large batch becomes
 * one pass over `root`. Nodes already inside
 * another queued node, and nodes no longer in the page, are dropped. Mutations made inside
 * `onAdded` (Crossread's own wraps) are discarded, not re-queued.
 */
export function observeAdditions(
  root: Node,
  onAdded: (nodes: Node[]) => void,
  signal: AbortSignal,
  intervalMs = 200,
): { discardPending(): void } {
  const queued = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const nodes = [...queued].filter((n) => n.isConnected);
    queued.clear();
    const roots = nodes.length > FULL_RESCAN_ABOVE ? [root] : nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
    if (roots.length > 0) onAdded(roots);
    observer.takeRecords();
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') queued.add(r.target);
      else r.addedNodes.forEach((n) => queued.add(n));
    }
    if (queued.size > 0 && timer === undefined) timer = setTimeout(flush, intervalMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return {
    /**
     * Drops the mutations not yet delivered. Called right after Crossread's own writes in the
     * same task, when no page script can have run in between, so only Crossread's are dropped.
     */
    discardPending: () => void observer.takeRecords(),
  };
}
