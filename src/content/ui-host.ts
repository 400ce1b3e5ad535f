import css from '../ui/host.css?inline';
import { keyGuard } from './key-guard-api';

/** Events that carry what a reader types; kept from the page at the host when the key guard did not run. */
const TYPED = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste'] as const;

/**
 * A name for the host no page can have defined as a custom element beforehand: fresh on every
 * page load (a page that defines `crossread-*` elements of its own cannot take it over).
 */
function freshTagName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `crossread-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Crossread's one element in the page: a host on `<html>` (outside the body, where frameworks
 * render) with a closed shadow root, so page CSS cannot reach what is inside, its CSS cannot
 * leak out, and page scripts can neither read nor drive it. It holds the card's panel, the
 * keyboard proxy and the layer where saved notes are drawn. A page that removes it gets it
 * back (the same element, shadow root and all); `signal` removes it for good.
 */
export class UiHost {
  readonly element: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where the card renders. */
  readonly panel: HTMLElement;
  /** The single focusable stand-in for the marked names (see tooltips.ts). */
  readonly proxy: HTMLButtonElement;
  /** Where saved notes are drawn (see note-layer.ts). */
  readonly notes: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {
    const host = (this.element = doc.createElement(freshTagName()));
    const shadow = (this.shadow = host.attachShadow({ mode: 'closed' }));
    const style = doc.createElement('style');
    style.textContent = css;
    this.notes = doc.createElement('div');
    this.notes.className = 'notes';
    this.notes.setAttribute('aria-hidden', 'true');
    this.proxy = doc.createElement('button');
    this.proxy.type = 'button';
    this.proxy.className = 'proxy';
    // Focused from script only: the page's own Tab order stays as it was.
    this.proxy.tabIndex = -1;
    this.proxy.hidden = true;
    this.proxy.setAttribute('aria-haspopup', 'dialog');
    this.panel = doc.createElement('div');
    this.panel.className = 'panel';
    this.panel.hidden = true;
    shadow.append(style, this.notes, this.proxy, this.panel);

    const guard = keyGuard();
    const release = guard?.protect(host, shadow);
    if (!guard) for (const type of TYPED) host.addEventListener(type, (e) => e.stopPropagation(), { signal });
    // Put back if the page takes it away (one observer of <html>'s own children), at most once a
    // frame: a page that keeps removing it costs a frame's work, never a loop.
    let frame = 0;
    const watch = new MutationObserver(() => {
      if (!host.isConnected && !frame) frame = requestAnimationFrame(() => ((frame = 0), this.attach()));
    });
    watch.observe(doc.documentElement, { childList: true });
    this.attach();
    signal.addEventListener('abort', () => {
      watch.disconnect();
      cancelAnimationFrame(frame);
      release?.();
      host.remove();
    });
  }

  /** Puts the host back on `<html>` if the page removed it. */
  attach(): void {
    if (!this.element.isConnected && !this.signal.aborted) this.doc.documentElement.append(this.element);
  }

  /** True when focus is inside Crossread's UI. */
  get hasFocus(): boolean {
    return this.doc.activeElement === this.element;
  }

  /** True for an event that came from inside Crossread's UI (it reaches the page retargeted to the host). */
  isOwn(e: Event): boolean {
    return e.target === this.element;
  }

  /** True for an event the user made: trusted, or the key guard's copy of a trusted one. */
  static isUserEvent(e: Event): boolean {
    return e.isTrusted || (keyGuard()?.forwarded(e) ?? false);
  }
}
