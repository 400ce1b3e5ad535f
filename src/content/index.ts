import { aliasPatterns } from '../shared/alias-index';
import { bundledAliasIndex } from '../shared/bundled-alias-index';
import { Matcher } from '../shared/matcher';
import { contentCalls } from '../shared/protocol';
import { callWorker, serve } from '../platform/runtime';
import { PageMarker } from './page-marker';
import { pageUrl } from './page-stats';

/**
 * The content script: marks the pack's entities in the page, shows tooltips, saves notes
 * through the worker, and answers `getPageStats` and `setMarking`. It never changes the
 * page's text; a failure here is logged and leaves the page as it was.
 */
function start(): void {
  const matcher = new Matcher(aliasPatterns(bundledAliasIndex), { acronymVariants: true });
  const marker = new PageMarker(document, matcher, async ({ quote, comment, entityIds }) => {
    await callWorker('saveNote', { url: pageUrl(document), title: document.title, quote, comment, entityIds });
  });
  serve(contentCalls, {
    getPageStats: async () => marker.stats.snapshot(document, marker.enabled),
    setMarking: async ({ enabled }) => {
      await (enabled ? marker.start() : marker.stop());
      return marker.stats.snapshot(document, marker.enabled);
    },
  });
  void marker.start().catch((err: unknown) => console.warn('Crossread could not mark this page:', err));
}

try {
  if (document.body) start();
} catch (err) {
  console.warn('Crossread could not start on this page:', err);
}
