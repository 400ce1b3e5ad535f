import type { NoteColor } from '../shared/protocol';
import type { UiHost } from './ui-host';

/** The clip box of an element that scrolls or clips its content, or undefined when it shows overflow. */
function clipOf(el: Element): DOMRect | undefined {
  const style = getComputedStyle(el);
  return style.overflowX === 'visible' && style.overflowY === 'visible' ? undefined : el.getBoundingClientRect();
}

/**
 * Draws saved notes as tinted boxes over their passages, inside Crossread's closed shadow
 * root. Not with CSS.highlights: the highlight registry is the page's, and a page script that
 * lists it would learn which passages the reader annotated. The boxes follow the ranges'
 * client rects, are clipped to the scrolling boxes around them, take no pointer events (the
 * page's own hit testing never sees them) and are redrawn once per animation frame after a
 * scroll, a resize or a change of the page.
 */
export class NoteLayer {
  private items: { range: Range; color: NoteColor }[] = [];
  private frame = 0;

  constructor(
    private readonly host: UiHost,
    signal: AbortSignal,
  ) {
    const schedule = () => this.schedule();
    const view = host.element.ownerDocument.defaultView!;
    view.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    view.addEventListener('resize', schedule, { passive: true, signal });
    signal.addEventListener('abort', () => cancelAnimationFrame(this.frame));
  }

  /** Draws these notes (replacing the ones drawn before). */
  set(items: { range: Range; color: NoteColor }[]): void {
    this.items = items;
    this.schedule();
  }

  /** Redraws on the next animation frame (the page changed: text may have moved). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const doc = this.host.element.ownerDocument;
    const boxes: HTMLElement[] = [];
    for (const { range, color } of this.items) {
      if (!range.startContainer.isConnected) continue;
      const clips: DOMRect[] = [];
      for (let el = range.commonAncestorContainer.parentElement; el && el !== doc.body; el = el.parentElement) {
        const clip = clipOf(el);
        if (clip) clips.push(clip);
      }
      for (const r of range.getClientRects()) {
        let { left, top, right, bottom } = r;
        for (const c of clips) {
          left = Math.max(left, c.left);
          top = Math.max(top, c.top);
          right = Math.min(right, c.right);
          bottom = Math.min(bottom, c.bottom);
        }
        if (right <= left || bottom <= top) continue;
        const box = doc.createElement('div');
        box.className = color;
        box.style.cssText = `left:${left}px;top:${top}px;width:${right - left}px;height:${bottom - top}px`;
        boxes.push(box);
      }
    }
    this.host.attach();
    this.host.notes.replaceChildren(...boxes);
  }
}
