import { aliasPatterns } from '../shared/alias-index';
import { bundledAliasIndex } from '../shared/bundled-alias-index';
import { Matcher } from '../shared/matcher';
import { contentCalls } from '../shared/protocol';
import { isActiveOn, type Settings } from '../shared/settings';
import { callWorker, loadSettings, serve, watchSettings } from '../platform/runtime';
import { PageMarker } from './page-marker';
import { pageUrl } from './page-stats';

/**
 * The content script: marks the pack's entities in the page (unless the user paused
 * Crossread or switched it off for this site), shows tooltips, saves notes through the
 * worker, keeps the toolbar badge up to date, and answers `getPageStats` and `setMarking`.
 * It never changes the page's text; a failure here is logged and leaves the page as it was.
 */
async function start(): Promise<void> {
  const matcher = new Matcher(aliasPatterns(bundledAliasIndex), { acronymVariants: true });
  let lastCount = -1;
  const marker = new PageMarker(
    document,
    matcher,
    {
      saveNote: async (draft) => {
        await callWorker('saveNote', { url: pageUrl(document), title: document.title, ...draft });
      },
      openComparison: async (disagreementId) => {
        await callWorker('openComparison', { disagreementId });
      },
    },
    (entityCount) => {
      if (entityCount === lastCount) return;
      lastCount = entityCount;
      callWorker('pageScanned', { entityCount }).catch(() => {});
    },
  );
  serve(contentCalls, {
    getPageStats: async () => marker.stats.snapshot(document, marker.enabled),
    setMarking: async ({ enabled }) => {
      await (enabled ? marker.start() : marker.stop());
      return marker.stats.snapshot(document, marker.enabled);
    },
  });
  const apply = (settings: Settings) => {
    marker.setStyle(settings.highlightStyle);
    const run = isActiveOn(settings, document.URL) ? marker.start() : marker.stop();
    run.catch((err: unknown) => console.warn('Crossread could not mark this page:', err));
  };
  watchSettings(apply, new AbortController().signal);
  apply(await loadSettings());
}

if (document.body) start().catch((err: unknown) => console.warn('Crossread could not start on this page:', err));
