import browser from 'webextension-polyfill';
import {
  contentCalls,
  dispatch,
  parseResult,
  tabCalls,
  workerCalls,
  type CallMap,
  type ContentCalls,
  type Handlers,
  type Params,
  type Result,
  type TabCalls,
  type TabContext,
  type WorkerCalls,
} from '../shared/protocol';
import { senderRole, type SenderRole } from '../shared/sender';
import { inReadersLanguage } from './i18n';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { STORED_MATCHER_KEY, toBase64, type StoredMatcher } from '../shared/stored-matcher';

/**
 * The one place that touches the browser's extension APIs. Everything else calls these
 * functions, so logic stays testable outside an extension (webextension-polyfill throws there).
 */

/** Calls a method of the background worker from one of Crossread's pages. */
export async function callWorker<K extends keyof WorkerCalls>(type: K, params: Params<WorkerCalls, K>): Promise<Result<WorkerCalls, K>> {
  return parseResult(workerCalls, type, await browser.runtime.sendMessage({ type, params }));
}

/** Calls a method of the background worker from a content script (for its own tab and page). */
export async function callWorkerFromTab<K extends keyof TabCalls>(type: K, params: Params<TabCalls, K>): Promise<Result<TabCalls, K>> {
  return parseResult(tabCalls, type, await browser.runtime.sendMessage({ type, params }));
}

/** Calls a method of the content script in one tab. */
export async function callTab<K extends keyof ContentCalls>(
  tabId: number,
  type: K,
  params?: Params<ContentCalls, K>,
  frameId?: number,
): Promise<Result<ContentCalls, K>> {
  return parseResult(contentCalls, type, await browser.tabs.sendMessage(tabId, { type, params }, frameId === undefined ? undefined : { frameId }));
}

/** The role of a message's sender (src/shared/sender.ts), from the browser's record of it. */
function roleOf(sender: browser.Runtime.MessageSender): SenderRole | undefined {
  return senderRole(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') });
}

/** Listens for runtime messages until the returned function is called or `signal` aborts. */
function listen(answer: (message: unknown, sender: browser.Runtime.MessageSender) => Promise<unknown> | undefined, signal?: AbortSignal): () => void {
  // Only an error's message crosses to the caller: a reader's error is worded here, in their language.
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => answer(message, sender)?.catch((err: unknown) => Promise.reject(inReadersLanguage(err)));
  browser.runtime.onMessage.addListener(listener);
  const stop = () => browser.runtime.onMessage.removeListener(listener);
  signal?.addEventListener('abort', stop);
  return stop;
}

/**
 * Answers the calls of `calls` with `handlers`, from Crossread's own pages and worker only
 * (a content script answers these). Returns a function that stops answering; so does aborting `signal`.
 */
export function serve<M extends CallMap>(calls: M, handlers: Handlers<M>, signal?: AbortSignal): () => void {
  return listen((message, sender) => (roleOf(sender)?.role === 'extension' ? dispatch(calls, handlers, message) : undefined), signal);
}

/**
 * The worker's side: Crossread's pages get `workerCalls`, its content scripts `tabCalls` with
 * their own tab and page. A content script's call of a pages-only method is refused; messages
 * from anyone else are ignored. Returns a function that stops answering.
 */
export function serveWorker(pages: Handlers<WorkerCalls>, tabs: Handlers<TabCalls, TabContext>): () => void {
  return listen((message, sender) => {
    const from = roleOf(sender);
    if (from?.role === 'extension') return dispatch(workerCalls, pages, message);
    if (from?.role !== 'tab') return undefined;
    const answer = dispatch(tabCalls, tabs, message, { tabId: from.tabId, pageUrl: from.pageUrl });
    if (answer) return answer;
    const type = (message as { type?: unknown } | null)?.type;
    return typeof type === 'string' && Object.hasOwn(workerCalls, type) ? Promise.reject(new Error(`${type} is not available to content scripts.`)) : undefined;
  });
}

/** The id of the active tab of the current window, if any. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Opens an extension page (a path inside the package) in a new tab. */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** Shows a count on the toolbar button for one tab (empty for zero). */
export async function setBadge(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d4e89' });
}


/** The user's settings (defaults where nothing is stored). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

/** Stores the user's settings; every open page and the popup hear of it. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}

/** Opens the options page. */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/**
 * Publishes the active packs' compiled matcher where content scripts read it
 * (src/shared/stored-matcher.ts); `undefined` removes it, and pages load the packaged one.
 */
export async function publishStoredMatcher(matcher: { version: string; bytes: Uint8Array } | undefined): Promise<void> {
  if (!matcher) return browser.storage.local.remove(STORED_MATCHER_KEY);
  const value: StoredMatcher = { version: matcher.version, base64: toBase64(matcher.bytes) };
  await browser.storage.local.set({ [STORED_MATCHER_KEY]: value });
}

/** Calls `listener` when the extension is installed or updated (registered at once, as MV3 requires). */
export function onInstalledOrUpdated(listener: () => void): void {
  browser.runtime.onInstalled.addListener(listener);
}

const SELECTION_MENU = 'crossread-note-selection';

/**
 * Adds "Save selection to Crossread" to the page context menu for selected text; a click
 * calls `onClick` with the tab. Menus persist, so they are created once, on install.
 */
export function addSelectionMenu(onClick: (tabId: number, frameId: number) => void): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SELECTION_MENU, title: browser.i18n.getMessage('contextMenuSaveSelection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SELECTION_MENU && tab?.id !== undefined) onClick(tab.id, info.frameId ?? 0);
  });
}
