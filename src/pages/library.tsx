import { render } from 'preact';
import { callWorker } from '../platform/runtime';
import { bundledPack } from '../shared/bundled-pack';
import { backupNotes, importNotes, restoreNotes } from '../shared/note-transfer';
import { LibraryView, type LibraryActions } from '../ui/LibraryView';
import { download } from './download';
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
render(<LibraryView actions={actions} entityName={(id) => names.get(id) ?? id} />, document.getElementById('app')!);
