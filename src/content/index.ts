import { aliasPatterns } from '../shared/alias-index';
import { bundledAliasIndex } from '../shared/bundled-alias-index';
import { Matcher } from '../shared/matcher';
import { contentCalls, MAX_PAGE_TEXT } from '../shared/protocol';
import { isActiveOn, type Settings } from '../shared/settings';
import { callWorkerFromTab, loadSettings, serve, watchSettings } from '../platform/runtime';
import { PageMarker } from './page-marker';
import { pageMarks } from './page-stats';

/**
 * The content script: marks the pack's entities in the page (unless the user paused
 * Crossread or switched it off for this site), shows cards, saves notes through the worker
 * and places the page's saved notes again (telling the worker which it found), keeps the
 * toolbar badge up to date, and answers `getPageStats`, `getPageMarks`, `setMarking`,
 * `noteSelection` and `getPageText`. It never changes the page's DOM; a failure here is logged
 * and leaves the page as it was. Everything it starts hangs on one AbortController: the marker
 * (marks, observer, listeners, timers, its element) on a child that turning Crossread off
 * for the page aborts; the settings watch and the message listener, which turn it on again,
 * on the script's own.
 */
async function start(isPage: boolean): Promise<void> {
  const life = new AbortController();
  const matcher = new Matcher(aliasPatterns(bundledAliasIndex), { acronymVariants: true });
  let lastCount = -1;
  const marker: PageMarker = new PageMarker(
    document,
    matcher,
    {
      saveNote: async (draft) => {
        await marker.addNote(await callWorkerFromTab('saveNote', { title: document.title, ...draft }));
      },
      openComparison: async (disagreementId) => {
        await callWorkerFromTab('openComparison', { disagreementId });
      },
    },
    (entityCount) => {
      if (entityCount === lastCount || !isPage) return;
      lastCount = entityCount;
      callWorkerFromTab('pageScanned', { entityCount }).catch(() => {});
    },
    life.signal,
  );
  // Marks and notes go on and off together: off leaves nothing of Crossread in the page.
  const setEnabled = async (enabled: boolean) => {
    if (!enabled) return marker.stop();
    const wasOn = marker.enabled;
    await marker.start();
    if (wasOn) return;
    const saved = await callWorkerFromTab('listNotes', undefined);
    await marker.placeNotes(saved);
    if (saved.length === 0) return;
    // The library shows which notes were missing the last time their page was open.
    const { anchored, orphans } = marker.notePlacement();
    await callWorkerFromTab('notesPlaced', { found: anchored, orphaned: orphans });
  };
  const snapshot = () => marker.stats.snapshot(document, marker.marks, marker.enabled, marker.notePlacement());
  // The page's content script answers for its tab; a frame's only marks and keeps its own notes.
  if (isPage) serve(
    contentCalls,
    {
      getPageStats: async () => snapshot(),
      getPageMarks: async (params) => {
        const selector = params?.root;
        const root = selector ? document.querySelector(selector) : document.body;
        if (!root) throw new Error(`getPageMarks: no element matches ${JSON.stringify(selector)}`);
        return { marks: pageMarks(root, marker.marks) };
      },
      setMarking: async ({ enabled }) => {
        await setEnabled(enabled);
        return snapshot();
      },
      noteSelection: async () => ({ opened: await marker.noteOnSelection() }),
      getPageText: async () => {
        const text = document.body.innerText;
        return { text: text.slice(0, MAX_PAGE_TEXT), truncated: text.length > MAX_PAGE_TEXT };
      },
    },
    life.signal,
  );
  const apply = (settings: Settings) => {
    marker.setStyle(settings.highlightStyle);
    setEnabled(isActiveOn(settings, document.URL)).catch((err: unknown) => console.warn('Crossread could not mark this page:', err));
  };
  watchSettings(apply, life.signal);
  apply(await loadSettings());
}

/**
 * Where this script runs: the page itself, a frame from the page's own origin (read like the
 * page: an article embedded from its own site), or a frame from another origin (an advert, a
 * player, another site's embed), where Crossread does nothing.
 */
function frameRole(): 'page' | 'frame' | 'elsewhere' {
  if (window === window.top) return 'page';
  try {
    return window.top?.location.origin === location.origin ? 'frame' : 'elsewhere';
  } catch {
    return 'elsewhere'; // reading another origin's location throws
  }
}

const role = frameRole();
if (document.body && role !== 'elsewhere') start(role === 'page').catch((err: unknown) => console.warn('Crossread could not start on this page:', err));
