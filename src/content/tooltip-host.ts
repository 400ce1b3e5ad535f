import { autoUpdate, computePosition, flip, offset, shift, type ReferenceElement } from '@floating-ui/dom';
import { render, type ComponentChild } from 'preact';
import css from '../ui/tooltip.css?inline';

/** The element that hosts Crossread's tooltip; the scanner never looks inside it. */
export const TOOLTIP_TAG = 'crossread-tooltip';

/**
 * One small container for injected UI: a shadow root behind a custom element on
 * `<html>`, so page CSS cannot reach the tooltip and its CSS cannot leak out.
 * Created on first use; `destroy()` removes every trace.
 */
export class TooltipHost {
  private host: HTMLElement | undefined;
  private panel: HTMLElement | undefined;
  private stopPositioning: (() => void) | undefined;

  constructor(private readonly doc: Document) {}

  /** The host element, if created; events from inside the shadow root are retargeted to it. */
  get element(): HTMLElement | undefined {
    return this.host;
  }

  get isOpen(): boolean {
    return this.host !== undefined && !this.host.hidden;
  }

  /** Renders `content` next to `anchor` (an element, or a range of the page) and keeps it there while the page scrolls or resizes. */
  show(anchor: ReferenceElement, content: ComponentChild): void {
    const panel = this.ensure();
    this.host!.hidden = false;
    render(content, panel);
    this.stopPositioning?.();
    this.stopPositioning = autoUpdate(anchor, panel, () => {
      void computePosition(anchor, panel, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    if (this.panel) render(null, this.panel);
    if (this.host) this.host.hidden = true;
  }

  /** The first element inside the tooltip matching `selector`. */
  query<E extends Element>(selector: string): E | null {
    return this.panel?.querySelector<E>(selector) ?? null;
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = this.panel = undefined;
  }

  private ensure(): HTMLElement {
    if (this.panel) return this.panel;
    const host = this.doc.createElement(TOOLTIP_TAG);
    // Keep page-level key handlers (site shortcuts) from reacting to typing in the tooltip.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = css;
    const panel = this.doc.createElement('div');
    panel.className = 'panel';
    shadow.append(style, panel);
    this.doc.documentElement.append(host);
    this.host = host;
    this.panel = panel;
    return panel;
  }
}
