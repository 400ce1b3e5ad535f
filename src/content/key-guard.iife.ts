/**
 * Runs at document_start, before any script of the page: the first listener on `window`, in
 * the capture phase, for the events that carry what a reader types. Listeners on one target
 * run in the order they were added, so a page's own capture listeners on `window` come after
 * this one, and a listener on Crossread's host comes too late to keep them from reading a
 * comment as it is typed in the card. An event from inside a guarded host (it reaches `window`
 * retargeted to the host) is stopped here and dispatched again inside the closed shadow root
 * as a copy that is not composed, so it never leaves the shadow root; cancelling the copy
 * cancels the original. Events a page script dispatches at the host are stopped and dropped.
 * Built as a self-contained script (no loader): it must run before the page, in the same
 * isolated world as the content script, which finds it on `globalThis`.
 */
import { KEY_GUARD, type KeyGuard } from './key-guard-api';

const TYPES = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput',
  'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste',
] as const;

const guarded = new Map<EventTarget, ShadowRoot>();
/** Each copy dispatched inside a shadow root, with the trusted event it stands for. */
const forwarded = new WeakMap<Event, Event>();

/**
 * Firefox (seen in ESR 153) makes every KeyboardEvent composed, whatever its init says: a
 * KeyboardEvent copy would leave the shadow root and reach the page (and be stopped here as
 * untrusted, so the card would never see it). There the copy of a key event is a plain Event
 * of the same type, which stays in; listeners read the keys from the original
 * (key-guard-api.ts `keyEventOf`).
 */
const keyCopiesStayIn = !new KeyboardEvent('keydown', { composed: false }).composed;

/** The same event, not composed: dispatched inside the shadow root, it stays there. */
function copyOf(e: Event): Event {
  const init = { bubbles: e.bubbles, cancelable: e.cancelable, composed: false };
  if (e instanceof KeyboardEvent) {
    if (!keyCopiesStayIn) return new Event(e.type, init);
    const { key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey } = e;
    return new KeyboardEvent(e.type, { ...init, key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey });
  }
  if (e instanceof InputEvent) return new InputEvent(e.type, { ...init, data: e.data, inputType: e.inputType, isComposing: e.isComposing, dataTransfer: e.dataTransfer });
  if (e instanceof CompositionEvent) return new CompositionEvent(e.type, { ...init, data: e.data });
  if (e instanceof ClipboardEvent) return new ClipboardEvent(e.type, { ...init, clipboardData: e.clipboardData });
  return new Event(e.type, init);
}

function guard(e: Event): void {
  const shadow = e.target ? guarded.get(e.target) : undefined;
  if (!shadow) return;
  e.stopImmediatePropagation();
  // Key and input events go to the focused element; in the shadow root, that is its activeElement.
  const target = shadow.activeElement;
  if (!e.isTrusted || !target) return;
  const copy = copyOf(e);
  forwarded.set(copy, e);
  if (!target.dispatchEvent(copy)) e.preventDefault();
}

for (const type of TYPES) window.addEventListener(type, guard, { capture: true });

const api: KeyGuard = {
  protect(host, shadow) {
    guarded.set(host, shadow);
    return () => void guarded.delete(host);
  },
  forwarded: (e) => forwarded.has(e),
  original: (e) => forwarded.get(e),
};
(globalThis as Record<symbol, unknown>)[KEY_GUARD] = api;
