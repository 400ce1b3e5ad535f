import browser from 'webextension-polyfill';
import {
  contentCalls,
  dispatch,
  parseResult,
  workerCalls,
  type CallMap,
  type ContentCalls,
  type Handlers,
  type Params,
  type Result,
  type WorkerCalls,
} from '../shared/protocol';

/**
 * The one place that touches the browser's extension APIs. Everything else calls these
 * functions, so logic stays testable outside an extension (webextension-polyfill throws there).
 */

/** Calls a method of the background worker. */
export async function callWorker<K extends keyof WorkerCalls>(type: K, params: Params<WorkerCalls, K>): Promise<Result<WorkerCalls, K>> {
  return parseResult(workerCalls, type, await browser.runtime.sendMessage({ type, params }));
}

/** Calls a method of the content script in one tab. */
export async function callTab<K extends keyof ContentCalls>(
  tabId: number,
  type: K,
  params?: Params<ContentCalls, K>,
): Promise<Result<ContentCalls, K>> {
  return parseResult(contentCalls, type, await browser.tabs.sendMessage(tabId, { type, params }));
}

/**
 * Answers the calls of `calls` with `handlers`. Only Crossread's own pages, worker and content
 * scripts are answered. Returns a function that stops answering.
 */
export function serve<M extends CallMap>(calls: M, handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(calls, handlers, message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The id of the active tab of the current window, if any. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
