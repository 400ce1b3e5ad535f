import type { NoteDraft } from '../shared/protocol';
import { liveRange, type Highlighter, type Mark } from './highlighter';
import { selectionQuote, sentenceAround } from './quote';
import { keyEventOf } from './key-guard-api';
import type { TooltipView } from './tooltip-view';
import { UiHost } from './ui-host';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

/** What the tooltip's buttons do; the content script passes the worker calls. */
export interface TooltipActions {
  saveNote(draft: Omit<NoteDraft, 'url' | 'title'>): Promise<void>;
  /** Opens the comparison of a disagreement of one pack (ids are a pack's own: two packs may use the same). */
  openComparison(disagreementId: string, packId: string): Promise<void>;
}

/** The shortcut that moves the keyboard proxy to the next name (with Shift+Alt; `KeyK` goes back). */
export const NEXT_MARK_KEY = 'KeyJ';
export const PREVIOUS_MARK_KEY = 'KeyK';
/** With Shift+Alt: a note on the selected passage (also in the page's context menu). */
export const NOTE_SELECTION_KEY = 'KeyS';

/** What the content script can ask of the tooltips besides hover and keys. */
export interface Tooltips {
  /** Opens the note card for the page's selection; false when nothing is selected. */
  noteOnSelection(): Promise<boolean>;
  /** The page changed: a card or proxy on a name that is gone closes. */
  marksChanged(): void;
}

const isChord = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;

/**
 * The card for the name under the pointer, and the keyboard's way through the names.
 *
 * Hover: trusted pointer moves are read once per animation frame; the mark there is found by
 * the highlighter (no element of the page is a mark). After a short hover intent the card
 * opens, anchored to the name's range; it stays while the pointer is over it or focus is in it.
 *
 * Keyboard and screen readers: Alt+Shift+J (K: back) moves one focusable proxy inside
 * Crossread's host over the next name in reading order, labelled with the name and its
 * sources; Enter opens the card with focus in its form; Escape closes the card (back to the
 * proxy), and from the proxy returns focus to where it was before. The page's Tab order is
 * untouched. Only trusted events count: nothing a page script dispatches opens, fills or
 * submits a card. The view (and the full pack) is imported on first use; all listeners end
 * with `signal`.
 */
export function installTooltips(doc: Document, marks: Highlighter, host: UiHost, actions: TooltipActions, signal: AbortSignal): Tooltips {
  let view: TooltipView | undefined;
  let loading: Promise<TooltipView> | undefined;
  const loadView = () => (loading ??= import('./tooltip-view').then(({ createTooltipView }) => (view = createTooltipView(host))));
  const proxy = host.proxy;
  /** The mark whose card is open (or opening). */
  let current: Mark | null = null;
  /** The mark the keyboard proxy stands on. */
  let proxied: Mark | null = null;
  let stopCovering: (() => void) | undefined;
  /** Where focus was before it entered Crossread's UI (Escape returns it there). */
  let before: Element | null = null;
  let hovered: Mark | undefined;
  let overCard = false;
  let pointer: { x: number; y: number } | undefined;
  let frame = 0;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every open and close, so a view that finishes loading late does not open a stale card. */
  let generation = 0;

  const isOpen = () => view?.isOpen ?? false;
  const cancel = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };

  const open = async (mark: Mark): Promise<boolean> => {
    cancel();
    if (current === mark && isOpen()) return true;
    const mine = ++generation;
    current = mark;
    const { quote, selector } = sentenceAround(mark.range);
    const entityId = mark.entityId;
    const v = await loadView();
    const card = await v.card(entityId);
    if (mine !== generation || signal.aborted || !card) return false;
    v.show(mark.range, card, quote, {
      onSave: ({ comment, tags, color }) => actions.saveNote({ quote, selector: selector(), comment, tags, color, entityIds: [entityId] }),
      onCompare: (id, packId) => actions.openComparison(id, packId),
      onClose: () => close(true),
    });
    return true;
  };

  const returnFocus = () => {
    const to = before;
    before = null;
    if (to instanceof HTMLElement && to.isConnected && to !== doc.body) to.focus({ preventScroll: true });
    else if (host.hasFocus) host.element.blur();
  };

  const hideProxy = (restoreFocus: boolean) => {
    stopCovering?.();
    stopCovering = undefined;
    proxied = null;
    const focused = host.hasFocus;
    proxy.hidden = true;
    if (restoreFocus && focused) returnFocus();
  };

  /** Closes the card; with `refocus`, focus goes back to the proxy, or to where it was before. */
  const close = (refocus = false) => {
    cancel();
    generation++;
    current = null;
    view?.hide();
    if (!refocus) return;
    if (proxied) proxy.focus({ preventScroll: true });
    else returnFocus();
  };

  const moveProxy = async (forward: boolean) => {
    const all = marks.inOrder();
    if (all.length === 0) return;
    const from = current ?? proxied;
    const at = from ? all.indexOf(from) : -1;
    const next = at < 0 ? (forward ? all[0] : all.at(-1)) : all[(at + (forward ? 1 : all.length - 1)) % all.length];
    if (!next) return;
    const mine = ++generation;
    const v = await loadView();
    const card = await v.card(next.entityId).catch(() => undefined);
    if (mine !== generation || signal.aborted) return;
    // Read before the card closes: closing it drops the focus it held.
    if (!host.hasFocus) before = doc.activeElement;
    if (isOpen()) close();
    proxied = next;
    host.attach();
    proxy.setAttribute('aria-label', v.label(card));
    proxy.hidden = false;
    const rect = liveRange(next.range).getBoundingClientRect();
    const viewport = doc.documentElement;
    if (rect.bottom < 0 || rect.top > viewport.clientHeight || rect.right < 0 || rect.left > viewport.clientWidth) {
      const el = next.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    stopCovering?.();
    stopCovering = v.cover(next.range, proxy);
    proxy.focus({ preventScroll: true });
  };

  const noteOnSelection = async (): Promise<boolean> => {
    const selected = selectionQuote(doc);
    if (!selected) return false;
    cancel();
    const mine = ++generation;
    current = null;
    const v = await loadView();
    if (mine !== generation || signal.aborted) return false;
    if (!host.hasFocus) before = doc.activeElement;
    v.showSelection(selected.range, selected.quote, {
      onSave: ({ comment, tags, color }) => actions.saveNote({ quote: selected.quote, selector: selected.selector(), comment, tags, color, entityIds: [] }),
      onClose: () => close(true),
    });
    v.query<HTMLTextAreaElement>('textarea')?.focus();
    return true;
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (!host.hasFocus && !overCard && (!current || hovered !== current)) close();
    }, CLOSE_DELAY_MS);
  };

  /** Once per animation frame: the mark under the pointer, and what that changes. */
  const lookUp = () => {
    frame = 0;
    if (!pointer || overCard) return;
    const mark = marks.markAt(pointer.x, pointer.y);
    if (mark === hovered) return;
    hovered = mark;
    clearTimeout(openTimer);
    if (mark) {
      clearTimeout(closeTimer);
      openTimer = setTimeout(() => void open(mark), OPEN_DELAY_MS);
    } else if (isOpen() || current) scheduleClose();
  };

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      overCard = host.isOwn(e);
      if (overCard) return void clearTimeout(closeTimer);
      pointer = { x: e.clientX, y: e.clientY };
      frame ||= requestAnimationFrame(lookUp);
    },
    opts,
  );
  doc.addEventListener(
    'pointerout',
    (e) => {
      // Only the pointer leaving the window: no element to go to.
      if (!e.isTrusted || e.relatedTarget) return;
      overCard = false;
      hovered = undefined;
      clearTimeout(openTimer);
      if (isOpen() || current) scheduleClose();
    },
    opts,
  );
  doc.addEventListener(
    'focusin',
    (e) => {
      if (!e.isTrusted) return;
      if (host.isOwn(e)) {
        // Focus entering Crossread's UI from the page: remember where it was.
        if (e.relatedTarget !== host.element && before === null) before = e.relatedTarget as Element | null;
        return;
      }
      if (isOpen() || current) close();
      if (proxied) hideProxy(false);
      before = null;
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'mousedown',
    (e) => {
      if (!e.isTrusted || host.isOwn(e)) return;
      if (isOpen()) close();
    },
    { capture: true, signal },
  );
  // Shortcuts typed in the page (from inside Crossread's UI they arrive on its shadow root instead).
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || host.isOwn(e) || !isChord(e)) return;
      if (e.code === NEXT_MARK_KEY || e.code === PREVIOUS_MARK_KEY) {
        if (marks.size === 0) return;
        e.preventDefault();
        void moveProxy(e.code === NEXT_MARK_KEY);
      } else if (e.code === NOTE_SELECTION_KEY && selectionQuote(doc)) {
        // Taken from the page only when there is a selection to note.
        e.preventDefault();
        void noteOnSelection();
      }
    },
    { capture: true, signal },
  );
  // Keys inside the proxy and the card (the key guard's copies: the page never sees them).
  host.shadow.addEventListener(
    'keydown',
    (e) => {
      // The key guard's copy may be a plain Event carrying its trusted original (Firefox).
      const key = keyEventOf(e);
      if (!key || !UiHost.isUserEvent(e)) return;
      if (isChord(key) && (key.code === NEXT_MARK_KEY || key.code === PREVIOUS_MARK_KEY)) {
        e.preventDefault();
        void moveProxy(key.code === NEXT_MARK_KEY);
      } else if (key.key === 'Enter' && e.target === proxy && proxied) {
        e.preventDefault();
        void open(proxied).then((shown) => shown && view?.query<HTMLTextAreaElement>('textarea')?.focus());
      } else if (key.key === 'Escape') {
        e.preventDefault();
        if (isOpen() || current) close(true);
        else hideProxy(true);
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    cancel();
    cancelAnimationFrame(frame);
    stopCovering?.();
    view?.hide();
  });

  return {
    noteOnSelection,
    marksChanged() {
      if (current && !marks.has(current)) close();
      if (proxied && !marks.has(proxied)) hideProxy(true);
    },
  };
}
