import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translator } from '../shared/i18n';

/**
 * The translator the UI receives: a page or the card provides it at its root (the browser's
 * messages), a test the real message file of one language. src/ui never reads the browser.
 */
export const TranslatorContext = createContext<Translator | undefined>(undefined);

/** The translator of the surrounding `TranslatorContext.Provider`; rendering without one is a bug. */
export function useTranslator(): Translator {
  const t = useContext(TranslatorContext);
  if (!t) throw new Error('No translator: render the UI inside a TranslatorContext.Provider.');
  return t;
}
