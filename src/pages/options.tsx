import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { callWorker, loadSettings, saveSettings } from '../platform/runtime';
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
    <OptionsView
      actions={{
        load: loadSettings,
        save: saveSettings,
        packs: {
          list: () => callWorker('listPacks', undefined),
          install: (name, pack, origin) => callWorker('installPack', { name, pack, origin }),
          setEnabled: async (id, enabled) => void (await callWorker('setPackEnabled', { id, enabled })),
          remove: async (id) => void (await callWorker('deletePack', { id })),
        },
        buildPack: buildPackAction,
      }}
    />
  </TranslatorContext.Provider>,
  document.getElementById('app')!,
);
