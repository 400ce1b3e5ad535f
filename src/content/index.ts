import { isOwnPage, pageKey } from '../shared/own-sender';
import type { PageStats } from '../shared/protocol';
import { isActiveOn, MAX_PAGE_TEXT, readSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { answerMessages, ownExtension, storedValue, watchStoredValue } from '../platform/extension-lite';
import { readContentRequest, type ContentRequest } from './content-requests';
import { afterRenderedFrame, FIRST_FRAME_TIMEOUT_MS, FIRST_SCAN_IDLE_TIMEOUT_MS, whenIdle } from './idle';
import type { PageCore } from './page-core';
import { skipReason, type SkipReason } from './skip-rule';
import { treesUnder } from './text-walk';

/** How long after a page with almost no text changes it is checked again. */
const RECHECK_MS = 500;
/**
 * When a page with almost no text is looked at again even if nothing in it changed: a web
 * component can attach a shadow root and fill it, which no observer of the page sees.
 */
const LATE_RECHECKS_MS = [1_000, 3_000];

/**
 * The content script's entry, run on every page: it reads the settings and, if Crossread is
 * on for the site, waits for the page's first rendered frame and for it to go idle, skips pages that cannot hold news
 * (skip-rule.ts), and only then loads the scan (page-core.ts: the compiled matcher, the text
 * walk, the highlighter). The UI, the notes and the card load later still, on first use. So
 * a skipped page costs the settings read, and a page without names the scan alone (README
 * "Start-up cost"). It answers `getPageStats`, `getPageMarks`, `setMarking`, `noteSelection`
 * and `getPageText` from Crossread's own pages at once, loading the scan only when a call
 * needs it (turning marks on for a skipped page, noting a selection). It never changes the
 * page's DOM; a failure is logged and leaves the page as it was. Everything hangs on one
 * AbortController.
 */
function main(doc: Document, isPage: boolean): void {
  const life = new AbortController();
  let settings: Settings | undefined;
  let skipped: SkipReason | undefined;
  let core: Promise<PageCore> | undefined;
  let ready: PageCore | undefined;
  let waiting = false;
  let watch: { stop(): void } | undefined;
  /** Marks switched off for this page (the popup's `setMarking`), until switched on again. */
  let switchedOff = false;

  const active = () => settings !== undefined && isActiveOn(settings, doc.URL);
  const loadCore = () =>
    (core ??= import('./page-core')
      .then(({ createPageCore }) => createPageCore(doc, life.signal, isPage))
      .then((loaded) => {
        if (settings) loaded.setStyle(settings.highlightStyle);
        return (ready = loaded);
      }));
  const stopWatching = () => {
    watch?.stop();
    watch = undefined;
  };

  /** Starts marking once the page is idle, unless the page is skipped or Crossread was turned off meanwhile. */
  const startWhenIdle = async () => {
    if (waiting) return;
    waiting = true;
    try {
      await afterRenderedFrame(window, FIRST_FRAME_TIMEOUT_MS);
      if (!(await whenIdle(window, FIRST_SCAN_IDLE_TIMEOUT_MS, life.signal)) || !active() || switchedOff || ready?.enabled) return;
      skipped = skipReason(doc);
      if (skipped === 'little-text') watchForText();
      if (skipped) return;
      const loaded = await loadCore();
      // Crossread may have been turned off while the scan loaded.
      if (active() && !switchedOff) await loaded.setEnabled(true);
    } finally {
      waiting = false;
    }
  };

  /**
   * A page with almost no text may be an app that renders its article later: look again when it
   * changes, and (a few times) after a while even if no change was seen.
   */
  let lateChecks = 0;
  const watchForText = () => {
    if (watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recheck = () => {
      observer.disconnect();
      clearTimeout(timer);
      watch = undefined;
      run(startWhenIdle);
    };
    const observer = new MutationObserver(() => {
      observer.disconnect();
      clearTimeout(timer);
      timer = setTimeout(recheck, RECHECK_MS);
    });
    const late = LATE_RECHECKS_MS[lateChecks++];
    if (late !== undefined) timer = setTimeout(recheck, late);
    // The page's own tree and its open shadow roots, where web components render their text.
    for (const tree of treesUnder(doc.body)) observer.observe(tree, { childList: true, subtree: true, characterData: true });
    watch = {
      stop: () => {
        observer.disconnect();
        clearTimeout(timer);
      },
    };
  };

  const apply = async (next: Settings) => {
    settings = next;
    ready?.setStyle(next.highlightStyle);
    if (active()) return ready?.enabled ? undefined : startWhenIdle();
    stopWatching();
    await ready?.setEnabled(false);
  };

  const stats = (): PageStats => {
    const base: PageStats = ready?.stats() ?? {
      url: pageKey(doc.URL),
      title: doc.title,
      enabled: active(),
      markCount: 0,
      entityIds: [],
      entityCounts: {},
      textChars: 0,
      scanMs: 0,
      passes: 0,
      failedPasses: 0,
      notesAnchored: [],
      notesOrphaned: [],
    };
    // Skipped, yet on for the site: Crossread reads nothing here, and says why.
    return skipped && !ready?.enabled ? { ...base, enabled: active(), skipped } : base;
  };

  const handle = async (request: ContentRequest): Promise<unknown> => {
    switch (request.type) {
      case 'getPageStats':
        return stats();
      case 'setMarking':
        // The reader's explicit choice wins over the skip rule.
        switchedOff = !request.params.enabled;
        if (request.params.enabled) {
          stopWatching();
          skipped = undefined;
          await (await loadCore()).setEnabled(true);
        } else await (await core)?.setEnabled(false);
        return stats();
      case 'getPageText': {
        const text = doc.body.innerText;
        return { text: text.slice(0, MAX_PAGE_TEXT), truncated: text.length > MAX_PAGE_TEXT };
      }
      case 'getPageMarks': {
        const selector = request.params?.root;
        const root = selector ? doc.querySelector(selector) : doc.body;
        if (!root) throw new Error(`getPageMarks: no element matches ${JSON.stringify(selector)}`);
        return { marks: ready?.marksUnder(root) ?? [] };
      }
      case 'noteSelection': {
        if (!active()) return { opened: false };
        const loaded = await loadCore();
        if (!loaded.enabled) {
          skipped = undefined;
          await loaded.setEnabled(true);
        }
        return { opened: await loaded.noteOnSelection() };
      }
    }
  };

  const own = ownExtension();
  answerMessages((message, sender) => {
    if (!isOwnPage(sender, own)) return undefined;
    try {
      const request = readContentRequest(message);
      // The page answers for its tab; a frame (which marks and keeps its own notes) answers only
      // a note on its own selection, which the worker sends to that frame alone.
      return request && (isPage || request.type === 'noteSelection') ? handle(request) : undefined;
    } catch (err) {
      return Promise.reject(err);
    }
  }, life.signal);
  watchStoredValue(SETTINGS_KEY, (value) => run(() => apply(readSettings(value))), life.signal);
  run(async () => apply(readSettings(await storedValue(SETTINGS_KEY))));
}

/** Runs a step of the script; a failure is reported and leaves the page as it was. */
function run(step: () => Promise<unknown>): void {
  step().catch((err: unknown) => console.warn('Crossread could not mark this page:', err));
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
if (document.body && role !== 'elsewhere') main(document, role === 'page');
