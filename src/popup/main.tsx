import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { activeTabId, callTab, callWorker, loadSettings, openExtensionTab, openOptions, saveSettings } from '../platform/runtime';
import { errorText, ReaderError } from '../shared/i18n';
import { indexActive } from '../shared/pack-set';
import { PopupView, type PopupActions } from '../ui/PopupView';
import { TranslatorContext } from '../ui/use-translator';
import '../ui/popup.css';

/**
 * The popup page. It is about the active tab, or about the tab named by `?tab=<id>` when
 * opened in a tab of its own (larger, and what the end-to-end tests use).
 */
async function targetTab(): Promise<number> {
  const param = new URLSearchParams(location.search).get('tab');
  const id = param !== null ? Number(param) : await activeTabId();
  if (id === undefined || !Number.isInteger(id)) throw new ReaderError('No tab to read.', 'popupNoTab');
  return id;
}

const actions: PopupActions = {
  loadPage: async () => callTab(await targetTab(), 'getPageStats'),
  loadPageText: async () => callTab(await targetTab(), 'getPageText'),
  listNotes: (url) => callWorker('listNotes', { url }),
  setMarking: async (enabled) => callTab(await targetTab(), 'setMarking', { enabled }),
  loadSettings,
  saveSettings,
  openOptions,
  openLibrary: () => openExtensionTab('src/pages/library.html'),
  // Opened as the toolbar popup (no ?tab=), it can reopen itself larger, for the same tab.
  ...(new URLSearchParams(location.search).has('tab')
    ? {}
    : { openInTab: async () => openExtensionTab(`src/popup/index.html?tab=${await targetTab()}`) }),
};

const t = browserTranslator();
document.documentElement.lang = t.language;
document.title = t('extName');
const app = document.getElementById('app')!;
callWorker('getActivePacks', undefined).then(
  (active) =>
    render(
      <TranslatorContext.Provider value={t}>
        <PopupView actions={actions} knowledge={indexActive(active)} />
      </TranslatorContext.Provider>,
      app,
    ),
  (err: unknown) => {
    app.textContent = t('packsUnreadable', errorText(err, t));
  },
);
