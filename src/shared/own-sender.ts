/**
 * The parts of sender classification (sender.ts) the content script needs before anything
 * else loads: they import nothing, so a page's first script stays small.
 */

/** The fields of a browser's `runtime.MessageSender` that decide (a subset, so tests need no browser). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/** Crossread itself: its id and the base of its pages' addresses (`runtime.getURL('')`). */
export interface OwnExtension {
  id: string;
  baseUrl: string;
}

/** A page's address as notes key it: without the fragment, so in-page links share notes. */
export function pageKey(address: string): string {
  const url = new URL(address);
  url.hash = '';
  return url.href;
}

/**
 * True for Crossread's own pages and worker: the same extension id, an address inside the
 * extension, and (where the browser gives one) the extension's origin, in a tab or not.
 */
export function isOwnPage(sender: SenderInfo, own: OwnExtension): boolean {
  if (sender.id !== own.id || !sender.url?.startsWith(own.baseUrl)) return false;
  // `new URL()` gives no origin for a non-web scheme in every engine: the base address without its slash is it.
  return sender.origin === undefined || sender.origin === own.baseUrl.replace(/\/$/, '');
}
