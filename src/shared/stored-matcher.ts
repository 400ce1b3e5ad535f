/**
 * The compiled matcher of the reader's active packs, as the worker publishes it in
 * `storage.local` for content scripts: absent while only the bundled pack is active (pages then
 * load the packaged `crossread-matcher.bin`). Chromium's storage holds JSON only, so the bytes
 * travel as base64; a content script turns them back into bytes and loads them as typed-array
 * views, compiling nothing (README "Packs").
 */
export const STORED_MATCHER_KEY = 'crossread:matcher';

export interface StoredMatcher {
  version: string;
  base64: string;
}

type Base64Array = Uint8Array & { toBase64?: () => string };
type Base64Ctor = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };

/** Bytes as base64 (the engine's own encoder where it has one: Chromium 140+, Firefox 133+). */
export function toBase64(bytes: Uint8Array): string {
  const own = (bytes as Base64Array).toBase64;
  if (own) return own.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 as bytes. */
export function fromBase64(text: string): Uint8Array {
  const own = (Uint8Array as Base64Ctor).fromBase64;
  if (own) return own(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A stored value as a StoredMatcher, or undefined for anything else (nothing stored, or a value no version wrote). */
export function readStoredMatcher(value: unknown): StoredMatcher | undefined {
  const v = value as Partial<StoredMatcher> | null | undefined;
  return typeof v?.version === 'string' && typeof v.base64 === 'string' ? { version: v.version, base64: v.base64 } : undefined;
}
