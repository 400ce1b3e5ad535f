import { isOwnPage, pageKey, type OwnExtension, type SenderInfo } from './own-sender';
import { isWebAddress, type TabContext } from './protocol';

/**
 * Who sent a runtime message, from what the browser records of the sender (never from the
 * message): Crossread's own pages, one of its content scripts, or someone to ignore.
 */

export type { OwnExtension, SenderInfo } from './own-sender';
export { pageKey } from './own-sender';

export type SenderRole = { role: 'extension' } | ({ role: 'tab' } & TabContext);

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
  if (sender.url.startsWith(own.baseUrl)) return isOwnPage(sender, own) ? { role: 'extension' } : undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0 || !isWebAddress(sender.url)) return undefined;
  if (sender.origin !== undefined && sender.origin !== new URL(sender.url).origin) return undefined;
  return { role: 'tab', tabId, pageUrl: pageKey(sender.url) };
}
