/** Where the key guard (key-guard.iife.ts) leaves its API in the content scripts' isolated world; page scripts never see it. */
export const KEY_GUARD = Symbol.for('crossread.keyGuard');

/** What the content script asks of the key guard. */
export interface KeyGuard {
  /** Keeps the key and input events of `host`'s shadow root from the page; returns a function that stops. */
  protect(host: Element, shadow: ShadowRoot): () => void;
  /** True for the copies the guard dispatched inside a shadow root (they are not `isTrusted`, but came from trusted ones). */
  forwarded(e: Event): boolean;
  /** The trusted event a copy stands for (undefined for any other event). */
  original(e: Event): Event | undefined;
}

/** The guard, if it ran (it is a separate content script, run at document_start). */
export function keyGuard(): KeyGuard | undefined {
  return (globalThis as Record<symbol, KeyGuard | undefined>)[KEY_GUARD];
}

/**
 * The key event a listener inside Crossread's shadow root should read: the event itself, or
 * for the key guard's copy in Firefox (a plain Event: see key-guard.iife.ts) the trusted
 * original it stands for. Undefined for anything else.
 */
export function keyEventOf(e: Event): KeyboardEvent | undefined {
  if (e instanceof KeyboardEvent) return e;
  const original = keyGuard()?.original(e);
  return original instanceof KeyboardEvent ? original : undefined;
}
