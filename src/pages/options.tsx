import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { loadSettings, saveSettings } from '../platform/runtime';
import { OptionsView } from '../ui/OptionsView';
import { buildPackAction } from './pack-build-client';
import { TranslatorContext } from '../ui/use-translator';
import { localizeDocument } from './localize-document';
import '../ui/marks.css';
import '../ui/pages.css';

/** The options page (manifest `options_ui`). */
const t = browserTranslator();
localizeDocument(t, t('optionsTitle'));
render(
  <TranslatorContext.Provider value={t}>
    <OptionsView actions={{ load: loadSettings, save: saveSettings, buildPack: buildPackAction }} />
  </TranslatorContext.Provider>,
  document.getElementById('app')!,
);
