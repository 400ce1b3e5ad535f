import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render, type ComponentChild } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { bundledPack } from '../shared/bundled-pack';
import { indexPack } from '../shared/pack-index';
import { EntityTooltip, type EntityTooltipProps } from '../ui/EntityTooltip';
import { SelectionNote } from '../ui/NoteForm';
import { TranslatorContext } from '../ui/use-translator';
import css from '../ui/tooltip.css?inline';
import { liveRange } from './highlighter';
import type { UiHost } from './ui-host';

/**
 * The tooltip's heavy half: Preact, Floating UI, the card and the full knowledge pack. The
 * content script imports this module only when a card first opens or the keyboard first moves
 * to a name, so a page where no one does pays for the scanner alone.
 */
export interface TooltipView {
  /** Shows the card for `entityId` at a mark's range; false when the pack does not know the entity. */
  show(anchor: AbstractRange, entityId: string, quote: string, actions: Pick<EntityTooltipProps, 'onSave' | 'onCompare' | 'onClose'>): boolean;
  /** Shows the note card for a selected passage of the page. */
  showSelection(anchor: Range, quote: string, actions: Pick<EntityTooltipProps, 'onSave' | 'onClose'>): void;
  hide(): void;
  readonly isOpen: boolean;
  /** What the keyboard proxy says for a name: "Maria Lopez: 3 sources — press Enter for details". */
  label(entityId: string): string;
  /** Keeps `el` drawn over `range` while the page scrolls or resizes; returns a function that stops. */
  cover(range: AbstractRange, el: HTMLElement): () => void;
  /** The first element inside the card matching `selector`. */
  query<E extends Element>(selector: string): E | null;
}

const index = indexPack(bundledPack);
const t = browserTranslator();

/**
 * A range as Floating UI's reference: a live range over it while the card is open (one at a
 * time), measured on every update, with the element around it so scrolling boxes are watched.
 */
function referenceOf(range: AbstractRange): VirtualElement {
  const live = range instanceof Range ? range : liveRange(range);
  const node = range.startContainer;
  return {
    getBoundingClientRect: () => live.getBoundingClientRect(),
    getClientRects: () => live.getClientRects(),
    contextElement: node instanceof Element ? node : (node.parentElement ?? undefined),
  };
}

export function createTooltipView(host: UiHost): TooltipView {
  const doc = host.element.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = css;
  host.shadow.insertBefore(style, host.panel);
  const panel = host.panel;
  // The card speaks the reader's language, whatever the page's.
  panel.lang = t.language;
  let stopPositioning: (() => void) | undefined;
  let opened = 0;

  const showAt = (range: AbstractRange, content: ComponentChild) => {
    host.attach();
    panel.hidden = false;
    render(h(TranslatorContext.Provider, { value: t }, content), panel);
    stopPositioning?.();
    const reference = referenceOf(range);
    stopPositioning = autoUpdate(reference, panel, () => {
      void computePosition(reference, panel, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [inline(), offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  };

  return {
    show(anchor, entityId, quote, actions) {
      const entity = index.entity(entityId);
      if (!entity) return false;
      // A fresh key gives a fresh form for every opening.
      showAt(anchor, h(EntityTooltip, { key: ++opened, entity, pack: index.pack, quote, ...actions }));
      return true;
    },
    showSelection(anchor, quote, actions) {
      showAt(anchor, h(SelectionNote, { key: ++opened, quote, ...actions }));
    },
    hide() {
      stopPositioning?.();
      stopPositioning = undefined;
      render(null, panel);
      panel.hidden = true;
    },
    get isOpen() {
      return !panel.hidden;
    },
    label(entityId) {
      const entity = index.entity(entityId);
      if (!entity) return t('keyboardLabelUnknown');
      return t('keyboardLabel', entity.name, t.plural('sources', new Set(entity.mentions.map((m) => m.sourceId)).size));
    },
    cover(range, el) {
      const reference = referenceOf(range);
      return autoUpdate(reference, el, () => {
        const r = reference.getBoundingClientRect();
        el.style.transform = `translate(${r.left}px, ${r.top}px)`;
        el.style.width = `${r.width}px`;
        el.style.height = `${r.height}px`;
      });
    },
    query: (selector) => panel.querySelector(selector),
  };
}
