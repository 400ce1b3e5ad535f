import { aliasPatterns } from '../shared/alias-index';
import { bundledAliasIndex } from '../shared/bundled-alias-index';
import { Matcher } from '../shared/matcher';
import { contentCalls, MAX_PAGE_TEXT } from '../shared/protocol';
import { isActiveOn, type Settings } from '../shared/settings';
import { callWorkerFromTab, loadSettings, serve, watchSettings } from '../platform/runtime';
import { NoteAnchors } from './note-anchors';
import { PageMarker } from './page-marker';

/**
 * The content script: marks the pack's entities in the page (unless the user paused
 * Crossread or switched it off for this site), shows tooltips, saves notes through the
 * worker and places the page's saved notes again (telling the worker which it found), keeps
 * the toolbar badge up to date, and answers `getPageStats`, `setMarking`, `noteSelection` and
 * `getPageText`.
 * It never changes the page's text; a failure here is logged and leaves the page as it was.
 */
async function start(): Promise<void> {
  const matcher = new Matcher(aliasPatterns(bundledAliasIndex), { acronymVariants: true });
  let lastCount = -1;
  const notes = new NoteAnchors(document);
  const marker = new PageMarker(
    document,
    matcher,
    {
      saveNote: async (draft) => {
        notes.add(await callWorkerFromTab('saveNote', { title: document.title, ...draft }));
      },
      openComparison: async (disagreementId) => {
        await callWorkerFromTab('openComparison', { disagreementId });
      },
    },
    (entityCount) => {
      if (entityCount === lastCount) return;
      lastCount = entityCount;
      callWorkerFromTab('pageScanned', { entityCount }).catch(() => {});
    },
  );
  // Marks and notes go on and off together: off leaves the page exactly as it came.
  const setEnabled = async (enabled: boolean) => {
    if (!enabled) {
      notes.clear();
      return marker.stop();
    }
    const wasOn = marker.enabled;
    await marker.start();
    if (wasOn) return;
    const saved = await callWorkerFromTab('listNotes', undefined);
    notes.place(saved);
    if (saved.length === 0) return;
    // The library shows which notes were missing the last time their page was open.
    const { anchored, orphans } = notes.placement();
    await callWorkerFromTab('notesPlaced', { found: anchored, orphaned: orphans });
  };
  const snapshot = () => marker.stats.snapshot(document, marker.enabled, notes.placement());
  serve(contentCalls, {
    getPageStats: async () => snapshot(),
    setMarking: async ({ enabled }) => {
      await setEnabled(enabled);
      return snapshot();
    },
    noteSelection: async () => ({ opened: await marker.noteOnSelection() }),
    getPageText: async () => {
      const text = document.body.innerText;
      return { text: text.slice(0, MAX_PAGE_TEXT), truncated: text.length > MAX_PAGE_TEXT };
    },
  });
  const apply = (settings: Settings) => {
    marker.setStyle(settings.highlightStyle);
    setEnabled(isActiveOn(settings, document.URL)).catch((err: unknown) => console.warn('Crossread could not mark this page:', err));
  };
  watchSettings(apply, new AbortController().signal);
  apply(await loadSettings());
}

if (document.body) start().catch((err: unknown) => console.warn('Crossread could not start on this page:', err));
