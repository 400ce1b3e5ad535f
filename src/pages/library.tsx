import { render } from 'preact';
import { callWorker } from '../platform/runtime';
import { LibraryView, type LibraryActions } from '../ui/LibraryView';
import '../ui/pages.css';

/** The notes library page. Downloads are made here, from a Blob: nothing leaves the machine. */
const actions: LibraryActions = {
  listAll: () => callWorker('listAllNotes', undefined),
  download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  },
};

render(<LibraryView actions={actions} />, document.getElementById('app')!);
