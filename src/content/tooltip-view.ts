import { h } from 'preact';
import { bundledPack } from '../shared/bundled-pack';
import { indexPack } from '../shared/pack-index';
import { EntityTooltip, type EntityTooltipProps } from '../ui/EntityTooltip';
import { SelectionNote } from '../ui/NoteForm';
import { TooltipHost } from './tooltip-host';

/**
 * The tooltip's heavy half: Preact, Floating UI, the card and the full knowledge pack. The
 * content script imports this module only when a tooltip first opens, so a page where no one
 * hovers a name pays for the scanner alone.
 */
export interface TooltipView {
  /** Shows the card for `entityId` at `anchor`; false when the pack does not know the entity. */
  show(anchor: HTMLElement, entityId: string, quote: string, actions: Pick<EntityTooltipProps, 'onSave' | 'onCompare' | 'onClose'>): boolean;
  /** Shows the note card for a selected passage of the page. */
  showSelection(anchor: Range, quote: string, actions: Pick<EntityTooltipProps, 'onSave' | 'onClose'>): void;
  hide(): void;
  readonly host: TooltipHost;
}

const index = indexPack(bundledPack);

export function createTooltipView(doc: Document): TooltipView {
  const host = new TooltipHost(doc);
  let opened = 0;
  return {
    host,
    show(anchor, entityId, quote, actions) {
      const entity = index.entity(entityId);
      if (!entity) return false;
      // A fresh key gives a fresh form for every opening.
      host.show(anchor, h(EntityTooltip, { key: ++opened, entity, pack: index.pack, quote, ...actions }));
      return true;
    },
    showSelection(anchor, quote, actions) {
      host.show(anchor, h(SelectionNote, { key: ++opened, quote, ...actions }));
    },
    hide: () => host.hide(),
  };
}
