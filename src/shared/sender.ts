import { isWebAddress, type TabContext } from './protocol';

/**
 * Who sent a runtime message, from what the browser records of the sender (never from the
 * message): Crossread's own pages, one of its content scripts, or someone to ignore.
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

export type SenderRole = { role: 'extension' } | ({ role: 'tab' } & TabContext);

/** A page's address as notes key it: without the fragment, so in-page links share notes. */
export function pageKey(address: string): string {
  const url = new URL(address);
  url.hash = '';
  return url.href;
}

/**
 * The sender's role, or `undefined` for a message to ignore:
 * - another extension (a different id; those messages arrive only through `onMessageExternal`,
 *   which Crossread does not listen to, and there is no `externally_connectable` for web pages);
 * - Crossread's own pages and worker: their address is inside the extension (and their origin,
 *   where the browser gives one, is the extension's), in a tab or not;
 * - a content script: in a tab, on an http(s) page, its origin (where given) the page's.
 * Anything else (a content script's message without a tab, from a non-web page) is ignored.
 */
export function senderRole(sender: SenderInfo, own: OwnExtension): SenderRole | undefined {
  if (sender.id !== own.id || !sender.url) return undefined;
  if (sender.url.startsWith(own.baseUrl)) {
    // `new URL()` gives no origin for a non-web scheme in every engine: the base address without its slash is it.
    return sender.origin === undefined || sender.origin === own.baseUrl.replace(/\/$/, '') ? { role: 'extension' } : undefined;
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0 || !isWebAddress(sender.url)) return undefined;
  if (sender.origin !== undefined && sender.origin !== new URL(sender.url).origin) return undefined;
  return { role: 'tab', tabId, pageUrl: pageKey(sender.url) };
}
