import en from '../../_locales/en/messages.json';
import fr from '../../_locales/fr/messages.json';
import { fileTranslator, type MessageFile, type Translator } from './i18n';

/**
 * The message files themselves, for tests and Node tools (the extension reads them through the
 * browser's `i18n` API instead, so this module is never bundled).
 */
export const MESSAGE_FILES: Record<string, MessageFile> = { en, fr };

/** The languages Crossread is translated into. */
export const LANGUAGES = Object.keys(MESSAGE_FILES);

/** A translator over the real message file of `language`, numbers and dates in `locale` (default: the language). */
export function translatorFor(language: string, locale: string = language): Translator {
  const file = MESSAGE_FILES[language];
  if (!file) throw new Error(`No messages for ${language}: add _locales/${language}/messages.json.`);
  return fileTranslator(file, language, locale);
}
