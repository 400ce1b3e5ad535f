import { matcherFromBytes } from '../shared/matcher-binary';
import type { PageMark, PageStats } from '../shared/protocol';
import type { HighlightStyle } from '../shared/settings';
import { fromBase64, readStoredMatcher, STORED_MATCHER_KEY } from '../shared/stored-matcher';
import { resourceUrl, sendRaw, storedValue } from '../platform/extension-lite';
import { PACKAGE_FILES } from './package-files';
import { PageMarker } from './page-marker';
import { pageMarks } from './page-stats';

/** What the content script's entry (index.ts) asks of the scan once it is loaded. */
export interface PageCore {
  readonly enabled: boolean;
  /** Marks and notes go on and off together: off leaves nothing of Crossread in the page. */
  setEnabled(enabled: boolean): Promise<void>;
  setStyle(style: HighlightStyle): void;
  stats(): PageStats;
  marksUnder(root: Node): PageMark[];
  noteOnSelection(): Promise<boolean>;
}

/**
 * The scan, loaded by the content script's entry once the page is idle and not skipped: the
 * compiled matcher (the active packs' bytes from storage, or the bundled pack's from the
 * package, loaded as typed-array views, nothing compiled), the page marker (text walk, matcher, highlighter, observer), the badge count,
 * and the page's saved notes (the UI that draws them loads only when there are some).
 * Everything ends with `life`.
 */
export async function createPageCore(doc: Document, life: AbortSignal, isPage = true): Promise<PageCore> {
  // The reader's packs' matcher, compiled by the worker when they changed; else the bundled pack's, from the package.
  const stored = readStoredMatcher(await storedValue(STORED_MATCHER_KEY));
  const bytes = stored ? fromBase64(stored.base64).buffer : await (await fetch(resourceUrl(PACKAGE_FILES.matcher))).arrayBuffer();
  const t0 = performance.now();
  const matcher = matcherFromBytes(bytes as ArrayBuffer);
  const matcherLoadMs = performance.now() - t0;
  let lastCount = -1;
  const marker = new PageMarker(
    doc,
    matcher,
    undefined,
    (entityCount) => {
      // The toolbar badge counts the page's names, not a frame's.
      if (entityCount === lastCount || !isPage) return;
      lastCount = entityCount;
      sendRaw({ type: 'pageScanned', params: { entityCount } }).catch(() => {});
    },
    life,
  );
  const setEnabled = async (enabled: boolean) => {
    if (!enabled) return marker.stop();
    const wasOn = marker.enabled;
    await marker.start();
    if (wasOn) return;
    const saved = await sendRaw({ type: 'listNotes', params: undefined });
    await marker.placeNotes(saved);
    if (!Array.isArray(saved) || saved.length === 0) return;
    // The library shows which notes were missing the last time their page was open.
    const { anchored, orphans } = marker.notePlacement();
    await sendRaw({ type: 'notesPlaced', params: { found: anchored, orphaned: orphans } });
  };
  return {
    get enabled() {
      return marker.enabled;
    },
    setEnabled,
    setStyle: (style) => marker.setStyle(style),
    stats: () => ({ ...marker.stats.snapshot(doc, marker.marks, marker.enabled, marker.notePlacement()), matcherLoadMs: Math.round(matcherLoadMs * 1000) / 1000 }),
    marksUnder: (root) => pageMarks(root, marker.marks),
    noteOnSelection: () => marker.noteOnSelection(),
  };
}
