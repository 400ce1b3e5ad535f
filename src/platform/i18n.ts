import { createTranslator, ReaderError, type Translator } from '../shared/i18n';

/** The part of the browser's `i18n` API Crossread uses (the same in Chromium and Firefox, pages and content scripts). */
interface BrowserI18n {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * The translator of Crossread's pages and card: messages from the browser's `i18n` API (the
 * `_locales` file of the browser's language, else English, the manifest's `default_locale`),
 * numbers and dates in the browser's UI language. It reads the global `chrome.i18n` rather
 * than the polyfill: the call is synchronous in both browsers, and the card's module stays small.
 */
export function browserTranslator(): Translator {
  const i18n = (globalThis as unknown as { chrome: { i18n: BrowserI18n } }).chrome.i18n;
  // The message file picked says which language it is in: plural rules follow the messages, not the UI.
  const language = i18n.getMessage('messagesLanguage') || 'en';
  return createTranslator((key, substitutions) => i18n.getMessage(key, substitutions), language, i18n.getUILanguage());
}

let translator: Translator | undefined;

/**
 * An error about to be answered to another context, where only its message arrives: a
 * ReaderError becomes an error with its message in the reader's language; others stay as they are.
 */
export function inReadersLanguage(err: unknown): unknown {
  if (!(err instanceof ReaderError)) return err;
  translator ??= browserTranslator();
  const worded = new Error(translator(err.key, ...err.substitutions));
  worded.name = err.name;
  return worded;
}
