/**
 * The few extension APIs the content script needs, without webextension-polyfill: it runs on
 * every page, and evaluating the polyfill alone cost a few milliseconds per page load (README
 * "Start-up cost"). Both engines give promise-returning `runtime` and `storage` calls in
 * Manifest V3; where the browser has the `browser` namespace (Firefox, and Chromium since it
 * added one) a message listener may answer with a promise, rejections included. Older
 * Chromium gets the answer through `sendResponse`, a rejection in the polyfill's own wrapping,
 * which the polyfill in Crossread's pages turns back into a rejection.
 */

interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

type Listener = (message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => unknown;

interface Event<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

interface ExtensionApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<Listener>;
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: Event<(changes: Record<string, { newValue?: unknown }>, area: string) => void>;
  };
}

const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
/** The browser's own promise-based namespace, where there is one. */
const native = scope.browser?.runtime?.id ? scope.browser : undefined;
const api = (): ExtensionApi => {
  const found = native ?? scope.chrome;
  if (!found?.runtime?.id) throw new Error('Crossread: no extension API in this context.');
  return found;
};

/** A value kept in `storage.local` (undefined when nothing is stored under `key`). */
export async function storedValue(key: string): Promise<unknown> {
  return (await api().storage.local.get(key))[key];
}

/** Calls `onChange` with the new value whenever `key` changes in `storage.local`, until `signal` aborts. */
export function watchStoredValue(key: string, onChange: (value: unknown) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]!.newValue);
  };
  api().storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => api().storage.onChanged.removeListener(listener));
}

/** Sends a runtime message to the worker; resolves with its (unvalidated) answer, rejects with its error. */
export async function sendRaw(message: unknown): Promise<unknown> {
  const answer = await api().runtime.sendMessage(message);
  const rejected = answer as { __mozWebExtensionPolyfillReject__?: unknown; message?: unknown } | null | undefined;
  // The polyfill's wrapping of a rejection, where the browser could not carry one (see above).
  if (!native && rejected?.__mozWebExtensionPolyfillReject__ === true) throw new Error(String(rejected.message));
  return answer;
}

/** The address of a file of the package (dynamic where the manifest asks for `use_dynamic_url`). */
export function resourceUrl(path: string): string {
  return api().runtime.getURL(path);
}

/** The extension's id and the base of its pages' addresses (what `senderRole` compares with). */
export function ownExtension(): { id: string; baseUrl: string } {
  return { id: api().runtime.id, baseUrl: api().runtime.getURL('') };
}

/**
 * Answers runtime messages with `answer` (undefined: not mine, another listener may answer)
 * until `signal` aborts.
 */
export function answerMessages(answer: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined, signal: AbortSignal): void {
  const listener: Listener = (message, sender, sendResponse) => {
    const answered = answer(message, sender);
    if (!answered) return undefined;
    if (native) return answered;
    answered.then(sendResponse, (err: unknown) =>
      sendResponse({ __mozWebExtensionPolyfillReject__: true, message: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  };
  api().runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => api().runtime.onMessage.removeListener(listener));
}
