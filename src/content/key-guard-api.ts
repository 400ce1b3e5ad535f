/** Where the key guard (key-guard.iife.ts) leaves its API in the content scripts' isolated world; page scripts never see it. */
export const KEY_GUARD = Symbol.for('crossread.keyGuard');

/** What the content script asks of the key guard. */
export interface KeyGuard {
  /** Keeps the key and input events of `host`'s shadow root from the page; returns a function that stops. */
  protect(host: Element, shadow: ShadowRoot): () => void;
  /** True for the copies the guard dispatched inside a shadow root (they are not `isTrusted`, but came from trusted ones). */
  forwarded(e: Event): boolean;
}

/** The guard, if it ran (it is a separate content script, run at document_start). */
export function keyGuard(): KeyGuard | undefined {
  return (globalThis as Record<symbol, KeyGuard | undefined>)[KEY_GUARD];
}
