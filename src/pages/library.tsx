import { render } from 'preact';
import { callWorker } from '../platform/runtime';
import { bundledPack } from '../shared/bundled-pack';
import { LibraryView, type LibraryActions } from '../ui/LibraryView';
import '../ui/pages.css';

/** The notes library page. Downloads are made here, from a Blob: nothing leaves the machine. */
const actions: LibraryActions = {
  listAll: () => callWorker('listAllNotes', undefined),
  update: (edit) => callWorker('updateNote', edit),
  remove: async (id) => {
    await callWorker('deleteNote', { id });
  },
  importNotes: (notes) => callWorker('importNotes', { notes }),
  exportBackup: () => callWorker('exportBackup', undefined),
  restoreBackup: (text) => callWorker('restoreBackup', { text }),
  download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    // Revoked later, not at once: a large file may start downloading after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  confirm: (message) => window.confirm(message),
};

const names = new Map(bundledPack.entities.map((e) => [e.id, e.name]));
render(<LibraryView actions={actions} entityName={(id) => names.get(id) ?? id} />, document.getElementById('app')!);
