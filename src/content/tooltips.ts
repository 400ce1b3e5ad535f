import { h } from 'preact';
import type { PackIndex } from '../shared/pack-index';
import { EntityTooltip } from '../ui/EntityTooltip';
import { MARK_TAG } from './highlighter';
import { sentenceAround } from './quote';
import { TooltipHost } from './tooltip-host';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

/** Where a new note goes; the content script passes the worker call, tests may pass another. */
export type SaveNote = (draft: { quote: string; comment: string; entityIds: string[] }) => Promise<void>;

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(MARK_TAG) : null;
}

/**
 * Shows the entity tooltip for a mark on hover and on keyboard focus. Enter on a mark moves
 * focus into the tooltip; Escape closes it and returns focus to the mark. The tooltip stays
 * open while the pointer is over it or focus is inside it. All listeners end with `signal`.
 */
export function installTooltips(doc: Document, index: PackIndex, saveNote: SaveNote, signal: AbortSignal): TooltipHost {
  const host = new TooltipHost(doc);
  let current: HTMLElement | null = null;
  let opened = 0;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };
  const focusInside = () => host.element !== undefined && doc.activeElement === host.element;

  const open = (mark: HTMLElement) => {
    cancel();
    const entity = index.entity(mark.dataset.entity ?? '');
    if (!entity) return;
    if (current === mark && host.isOpen) return;
    current = mark;
    const quote = sentenceAround(mark);
    host.show(
      mark,
      h(EntityTooltip, {
        key: ++opened, // a fresh form for every opening
        entity,
        sources: index.pack.sources,
        quote,
        onSave: (comment: string) => saveNote({ quote, comment, entityIds: [entity.id] }),
        onClose: () => close(true),
      }),
    );
  };

  const close = (returnFocus = false) => {
    cancel();
    const mark = current;
    current = null;
    host.hide();
    if (returnFocus) mark?.focus();
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (!focusInside()) close();
    }, CLOSE_DELAY_MS);
  };

  const opts = { capture: true, signal };
  doc.addEventListener(
    'mouseover',
    (e) => {
      if (host.element && e.target === host.element) return void clearTimeout(closeTimer);
      const mark = markOf(e.target);
      if (!mark) return;
      clearTimeout(closeTimer);
      clearTimeout(openTimer);
      openTimer = setTimeout(() => open(mark), OPEN_DELAY_MS);
    },
    opts,
  );
  doc.addEventListener(
    'mouseout',
    (e) => {
      const from = e.target === host.element ? host.element : markOf(e.target);
      if (!from) return;
      const to = e.relatedTarget;
      if (to instanceof Node && (from.contains(to) || to === host.element)) return;
      clearTimeout(openTimer);
      if (host.isOpen) scheduleClose();
    },
    opts,
  );
  doc.addEventListener(
    'focusin',
    (e) => {
      const mark = markOf(e.target);
      if (mark) open(mark);
      else if (e.target !== host.element && host.isOpen) close();
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      const mark = markOf(e.target);
      if (mark && e.key === 'Enter') {
        e.preventDefault();
        open(mark);
        host.query<HTMLTextAreaElement>('textarea')?.focus();
      } else if (e.key === 'Escape' && host.isOpen && (mark || e.target === host.element)) {
        // Key events from inside the shadow root arrive here retargeted to the host.
        close(true);
      }
    },
    opts,
  );
  doc.addEventListener(
    'mousedown',
    (e) => {
      if (host.isOpen && e.target !== host.element && !markOf(e.target)) close();
    },
    opts,
  );
  signal.addEventListener('abort', () => host.destroy());
  return host;
}
