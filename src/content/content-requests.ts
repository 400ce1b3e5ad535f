/**
 * The calls Crossread's pages make of the content script (`contentCalls` in
 * src/shared/protocol.ts), read and checked by hand: the content script's entry runs on every
 * page and must stay a few kilobytes, so it does not carry the protocol's schema library.
 * A test checks that this reads every message exactly as the protocol's schemas do.
 */
export type ContentRequest =
  | { type: 'getPageStats' | 'getPageText' | 'noteSelection'; params?: undefined }
  | { type: 'setMarking'; params: { enabled: boolean } }
  | { type: 'getPageMarks'; params: { root?: string } | undefined };

const TYPES = new Set(['getPageStats', 'getPageText', 'noteSelection', 'setMarking', 'getPageMarks']);
/** The protocol's limit on a selector's length. */
const MAX_SELECTOR = 1_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The request in `message`, or undefined when it is not a content call (another listener's).
 * Throws when it is one with invalid params.
 */
export function readContentRequest(message: unknown): ContentRequest | undefined {
  if (!isObject(message)) return undefined;
  const { type, params } = message;
  if (typeof type !== 'string' || !TYPES.has(type)) return undefined;
  const invalid = () => new Error(`${type}: invalid params`);
  switch (type) {
    case 'setMarking':
      if (!isObject(params) || typeof params.enabled !== 'boolean') throw invalid();
      return { type, params: { enabled: params.enabled } };
    case 'getPageMarks': {
      if (params === undefined) return { type, params: undefined };
      if (!isObject(params)) throw invalid();
      const root = params.root;
      if (root === undefined) return { type, params: {} };
      if (typeof root !== 'string' || root.length < 1 || root.length > MAX_SELECTOR) throw invalid();
      return { type, params: { root } };
    }
    default:
      if (params !== undefined && !isObject(params)) throw invalid();
      return { type: type as 'getPageStats' | 'getPageText' | 'noteSelection' };
  }
}
