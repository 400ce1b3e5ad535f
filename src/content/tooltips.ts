import { MARK_TAG } from './highlighter';
import { sentenceAround } from './quote';
import type { TooltipView } from './tooltip-view';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

/** Where a new note goes; the content script passes the worker call. */
export type SaveNote = (draft: { quote: string; comment: string; entityIds: string[] }) => Promise<void>;

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(MARK_TAG) : null;
}

/**
 * Shows the entity tooltip for a mark on hover and on keyboard focus. Enter on a mark moves
 * focus into the tooltip; Escape closes it and returns focus to the mark. The tooltip stays
 * open while the pointer is over it or focus is inside it. The view (and the full pack) is
 * imported on first use. All listeners end with `signal`.
 */
export function installTooltips(doc: Document, saveNote: SaveNote, signal: AbortSignal): void {
  let view: TooltipView | undefined;
  let loading: Promise<TooltipView> | undefined;
  const loadView = () => (loading ??= import('./tooltip-view').then(({ createTooltipView }) => (view = createTooltipView(doc))));
  let current: HTMLElement | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every open and close, so a view that finishes loading late does not open a stale card. */
  let generation = 0;

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
    const quote = sentenceAround(mark);
    const entityId = mark.dataset.entity ?? '';
    const v = await loadView();
    if (mine !== generation || signal.aborted) return false;
    return v.show(mark, entityId, quote, {
      onSave: (comment) => saveNote({ quote, comment, entityIds: [entityId] }),
      onClose: () => close(true),
    });
  };

  const close = (returnFocus = false) => {
    cancel();
    generation++;
    const mark = current;
    current = null;
    view?.hide();
    if (returnFocus) mark?.focus();
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
      if (mark) void open(mark);
      else if (e.target !== hostElement() && (isOpen() || current)) close();
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
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
}
