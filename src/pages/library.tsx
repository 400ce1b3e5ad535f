import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { callWorker } from '../platform/runtime';
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

const t = browserTranslator();
localizeDocument(t, t('pageTitleLibrary'));
// Notes name entities by the active packs' merged ids; a pack no longer in use leaves its ids as they are.
callWorker('getActivePacks', undefined)
  .then(({ groups }) => new Map(groups.map((g) => [g.id, g.name])))
  .catch((err: unknown) => {
    console.warn('Crossread could not read its packs:', err);
    return new Map<string, string>();
  })
  .then((names) =>
    render(
      <TranslatorContext.Provider value={t}>
        <LibraryView actions={actions} entityName={(id) => names.get(id) ?? id} />
      </TranslatorContext.Provider>,
      document.getElementById('app')!,
    ),
  );
