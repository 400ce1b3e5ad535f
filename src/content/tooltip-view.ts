import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render, type ComponentChild } from 'preact';
import { sendRaw } from '../platform/extension-lite';
import { browserTranslator } from '../platform/i18n';
import { parseResult, tabCalls, type EntityCard } from '../shared/protocol';
import { EntityCardView, type EntityCardProps } from '../ui/EntityTooltip';
import { SelectionNote } from '../ui/NoteForm';
import { TranslatorContext } from '../ui/use-translator';
import css from '../ui/tooltip.css?inline';
import { liveRange } from './highlighter';
import type { UiHost } from './ui-host';

/**
 * The tooltip's heavy half: Preact, Floating UI and the card. The content script imports this
 * module only when a card first opens or the keyboard first moves to a name, so a page where
 * no one does pays for the scanner alone. What a card shows comes from the worker, which
 * keeps the active packs (`getEntityCard`): a small message per entity, kept for the page's life.
 */
export interface TooltipView {
  /** What the active packs know of an entity; undefined when none holds it. */
  card(entityId: string): Promise<EntityCard | undefined>;
  /** Shows a card at a mark's range. */
  show(anchor: AbstractRange, card: EntityCard, quote: string, actions: Pick<EntityCardProps, 'onSave' | 'onCompare' | 'onClose'>): void;
  /** Shows the note card for a selected passage of the page. */
  showSelection(anchor: Range, quote: string, actions: Pick<EntityCardProps, 'onSave' | 'onClose'>): void;
  hide(): void;
  readonly isOpen: boolean;
  /** What the keyboard proxy says for a name: "Maria Lopez: 3 sources — press Enter for details". */
  label(card: EntityCard | undefined): string;
  /** Keeps `el` drawn over `range` while the page scrolls or resizes; returns a function that stops. */
  cover(range: AbstractRange, el: HTMLElement): () => void;
  /** The first element inside the card matching `selector`. */
  query<E extends Element>(selector: string): E | null;
}

const t = browserTranslator();
const cards = new Map<string, Promise<EntityCard | undefined>>();

/** An entity's card from the worker, asked once per page (a failed ask is asked again next time). */
function cardOf(entityId: string): Promise<EntityCard | undefined> {
  let card = cards.get(entityId);
  if (!card) {
    card = sendRaw({ type: 'getEntityCard', params: { entityId } }).then((answer) => parseResult(tabCalls, 'getEntityCard', answer) ?? undefined);
    card.catch(() => cards.delete(entityId));
    cards.set(entityId, card);
  }
  return card;
}

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
    card: cardOf,
    show(anchor, card, quote, actions) {
      // A fresh key gives a fresh form for every opening.
      showAt(anchor, h(EntityCardView, { key: ++opened, card, quote, ...actions }));
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
    label(card) {
      if (!card) return t('keyboardLabelUnknown');
      const sources = card.parts.reduce((n, part) => n + new Set(part.pack.entities.find((e) => e.id === part.entityId)?.mentions.map((m) => m.sourceId)).size, 0);
      return t('keyboardLabel', card.name, t.plural('sources', sources));
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
