import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { callWorker } from '../platform/runtime';
import { bundledPack } from '../shared/bundled-pack';
import { backupNotes, importNotes, restoreNotes } from '../shared/note-transfer';
import { LibraryView, type LibraryActions } from '../ui/LibraryView';
import { TranslatorContext } from '../ui/use-translator';
import { download } from './download';
import { localizeDocument } from './localize-document';
import '../ui/pages.css';

/** The notes library page: the view with the worker's calls and downloads. */
const actions: LibraryActions = {
  listAll: () => callWorker('listAllNotes', undefined),
  update: (edit) => callWorker('updateNote', edit),
  remove: async (id) => {
    await callWorker('deleteNote', { id });
  },
  importNotes: (notes, onProgress) => importNotes(callWorker, notes, onProgress),
  backup: (onProgress) => backupNotes(callWorker, onProgress),
  restore: (file, onProgress) => restoreNotes(callWorker, file, onProgress),
  download,
  confirm: (message) => window.confirm(message),
};

const names = new Map(bundledPack.entities.map((e) => [e.id, e.name]));
const t = browserTranslator();
localizeDocument(t, t('pageTitleLibrary'));
render(
  <TranslatorContext.Provider value={t}>
    <LibraryView actions={actions} entityName={(id) => names.get(id) ?? id} />
  </TranslatorContext.Provider>,
  document.getElementById('app')!,
);
