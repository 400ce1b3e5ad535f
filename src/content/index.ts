import { aliasPatterns } from '../shared/alias-index';
import { bundledAliasIndex } from '../shared/bundled-alias-index';
import { Matcher } from '../shared/matcher';
import { contentCalls } from '../shared/protocol';
import { callWorker, serve } from '../platform/runtime';
import { observeAdditions } from './observer';
import { pageUrl, PageStatsTracker } from './page-stats';
import { scan } from './scanner';
import { installTooltips } from './tooltips';

/**
 * The content script: marks the pack's entities in the page, shows tooltips, saves notes
 * through the worker, and answers `getPageStats`. It never changes the page's text; a
 * failure here is logged and leaves the page as it was.
 */
function start(): void {
  const controller = new AbortController();
  const matcher = new Matcher(aliasPatterns(bundledAliasIndex));
  const stats = new PageStatsTracker();

  serve(contentCalls, { getPageStats: async () => stats.snapshot(document) });

  stats.add(scan(document.body, matcher));
  observeAdditions(document.body, (nodes) => nodes.forEach((n) => stats.add(scan(n, matcher))), controller.signal);

  installTooltips(
    document,
    async ({ quote, comment, entityIds }) => {
      await callWorker('saveNote', { url: pageUrl(document), title: document.title, quote, comment, entityIds });
    },
    controller.signal,
  );
}

try {
  if (document.body) start();
} catch (err) {
  console.warn('Crossread could not start on this page:', err);
}
