import type { NoteDraft } from '../shared/protocol';
import { MARK_TAG, WHOLE_MARKS } from './highlighter';
import { selectionQuote, sentenceAround } from './quote';
import type { TooltipView } from './tooltip-view';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

/** What the tooltip's buttons do; the content script passes the worker calls. */
export interface TooltipActions {
  saveNote(draft: Omit<NoteDraft, 'url' | 'title'>): Promise<void>;
  openComparison(disagreementId: string): Promise<void>;
}

/** The shortcut that moves focus to the next mark (with Shift+Alt; `KeyK` goes back). */
export const NEXT_MARK_KEY = 'KeyJ';
export const PREVIOUS_MARK_KEY = 'KeyK';
/** With Shift+Alt: a note on the selected passage (also in the page's context menu). */
export const NOTE_SELECTION_KEY = 'KeyS';

/** What the content script can ask of the tooltips besides hover and keys. */
export interface Tooltips {
  /** Opens the note card for the page's selection; false when nothing is selected. */
  noteOnSelection(): Promise<boolean>;
}

/** The mark after (or before) the focused one, in document order, wrapping around. */
function stepMark(doc: Document, from: Element | null, forward: boolean): HTMLElement | undefined {
  const marks = [...doc.querySelectorAll<HTMLElement>(WHOLE_MARKS)];
  if (marks.length === 0) return undefined;
  const at = from ? marks.indexOf(from as HTMLElement) : -1;
  if (at < 0) return forward ? marks[0] : marks.at(-1);
  return marks[(at + (forward ? 1 : marks.length - 1)) % marks.length];
}

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(MARK_TAG) : null;
}

/**
 * Shows the entity tooltip for a mark on hover and on keyboard focus. Alt+Shift+J (K: back)
 * moves focus through the marks and opens each one's tooltip; Enter on a mark moves focus
 * into the tooltip; Escape closes it and returns focus to the mark. The tooltip stays open
 * while the pointer is over it or focus is inside it. The view (and the full pack) is
 * imported on first use. All listeners end with `signal`.
 */
export function installTooltips(doc: Document, actions: TooltipActions, signal: AbortSignal): Tooltips {
  let view: TooltipView | undefined;
  let loading: Promise<TooltipView> | undefined;
  const loadView = () => (loading ??= import('./tooltip-view').then(({ createTooltipView }) => (view = createTooltipView(doc))));
  let current: HTMLElement | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every open and close, so a view that finishes loading late does not open a stale card. */
  let generation = 0;
  let returningFocus = false;

  const hostElement = () => view?.host.element;
  const isOpen = () => view?.host.isOpen ?? false;
  const cancel = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };

  const open = async (mark: HTMLElement): Promise<boolean> => {
    cancel();
    if (current === mark && isOpen()) return true;
    const mine = ++generation;
    current = mark;
    const { quote, selector } = sentenceAround(mark);
    const entityId = mark.dataset.entity ?? '';
    const v = await loadView();
    if (mine !== generation || signal.aborted) return false;
    return v.show(mark, entityId, quote, {
      onSave: ({ comment, tags, color }) => actions.saveNote({ quote, selector: selector(), comment, tags, color, entityIds: [entityId] }),
      onCompare: (id) => actions.openComparison(id),
      onClose: () => close(true),
    });
  };

  const close = (returnFocus = false) => {
    cancel();
    generation++;
    const mark = current;
    current = null;
    view?.hide();
    if (returnFocus && mark) {
      // Focus comes back to the mark without opening the card again (focus events fire synchronously).
      returningFocus = true;
      mark.focus();
      returningFocus = false;
    }
  };

  const noteOnSelection = async (): Promise<boolean> => {
    const selected = selectionQuote(doc);
    if (!selected) return false;
    cancel();
    const mine = ++generation;
    current = null;
    const v = await loadView();
    if (mine !== generation || signal.aborted) return false;
    v.showSelection(selected.range, selected.quote, {
      onSave: ({ comment, tags, color }) => actions.saveNote({ quote: selected.quote, selector: selected.selector(), comment, tags, color, entityIds: [] }),
      onClose: () => close(),
    });
    v.host.query<HTMLTextAreaElement>('textarea')?.focus();
    return true;
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (doc.activeElement !== hostElement()) close();
    }, CLOSE_DELAY_MS);
  };

  const opts = { capture: true, signal };
  doc.addEventListener(
    'mouseover',
    (e) => {
      if (e.target === hostElement()) return void clearTimeout(closeTimer);
      const mark = markOf(e.target);
      if (!mark) return;
      clearTimeout(closeTimer);
      clearTimeout(openTimer);
      openTimer = setTimeout(() => void open(mark), OPEN_DELAY_MS);
    },
    opts,
  );
  doc.addEventListener(
    'mouseout',
    (e) => {
      const host = hostElement();
      const from = host && e.target === host ? host : markOf(e.target);
      if (!from) return;
      const to = e.relatedTarget;
      if (to instanceof Node && (from.contains(to) || to === host)) return;
      clearTimeout(openTimer);
      if (isOpen() || current) scheduleClose();
    },
    opts,
  );
  doc.addEventListener(
    'focusin',
    (e) => {
      const mark = markOf(e.target);
      if (mark) {
        if (!returningFocus) void open(mark);
      } else if (e.target !== hostElement() && (isOpen() || current)) close();
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      const chord = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
      if (chord && (e.code === NEXT_MARK_KEY || e.code === PREVIOUS_MARK_KEY)) {
        // From inside the tooltip, step from the mark it belongs to.
        const from = e.target === hostElement() ? current : markOf(doc.activeElement);
        const next = stepMark(doc, from, e.code === NEXT_MARK_KEY);
        if (next) {
          e.preventDefault();
          next.focus();
        }
        return;
      }
      // Taken from the page only when there is a selection to note.
      if (chord && e.code === NOTE_SELECTION_KEY && selectionQuote(doc)) {
        e.preventDefault();
        void noteOnSelection();
        return;
      }
      const mark = markOf(e.target);
      if (mark && e.key === 'Enter') {
        e.preventDefault();
        void open(mark).then((shown) => shown && view?.host.query<HTMLTextAreaElement>('textarea')?.focus());
      } else if (e.key === 'Escape' && (isOpen() || current) && (mark || e.target === hostElement())) {
        // Key events from inside the shadow root arrive here retargeted to the host.
        close(true);
      }
    },
    opts,
  );
  doc.addEventListener(
    'mousedown',
    (e) => {
      if (isOpen() && e.target !== hostElement() && !markOf(e.target)) close();
    },
    opts,
  );
  signal.addEventListener('abort', () => view?.host.destroy());
  return { noteOnSelection };
}
