import type { Translator } from '../shared/i18n';

/** Gives a page its title and its `lang` in the reader's language (HTML pages cannot hold messages themselves). */
export function localizeDocument(t: Translator, title: string): void {
  document.documentElement.lang = t.language;
  document.title = title;
}
