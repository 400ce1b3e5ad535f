import type { Handlers, WorkerCalls } from '../shared/protocol';
import type { NotesRepo } from './notes-repo';

/** What the handlers do in the browser beyond the database (the worker passes the real calls). */
export interface WorkerEffects {
  openTab(path: string): Promise<void>;
  setBadge(tabId: number, count: number): Promise<void>;
}

/** Whole-database backups (src/background/backup.ts on the worker's database). */
export interface Backups {
  export(): Promise<{ text: string; notes: number }>;
  restore(text: string): Promise<{ notes: number }>;
}

/** The compare view's path in the package; a disagreement id after `#` selects it. */
export const COMPARE_PAGE = 'src/pages/compare.html';

/** One handler per worker method (the type makes a missing or misspelt one a compile error). */
export function workerHandlers(notes: NotesRepo, backups: Backups, effects: WorkerEffects): Handlers<WorkerCalls> {
  return {
    saveNote: (draft) => notes.save(draft),
    listNotes: ({ url }) => notes.forUrl(url),
    listAllNotes: () => notes.all(),
    updateNote: (edit) => notes.update(edit),
    importNotes: ({ notes: list }) => notes.import(list),
    exportBackup: () => backups.export(),
    restoreBackup: ({ text }) => backups.restore(text),
    notesPlaced: async ({ url, found, orphaned }) => {
      await notes.placed(url, found, orphaned);
      return {};
    },
    deleteNote: async ({ id }) => ({ deleted: await notes.delete(id) }),
    openComparison: async ({ disagreementId }) => {
      await effects.openTab(`${COMPARE_PAGE}#${encodeURIComponent(disagreementId)}`);
      return { opened: true };
    },
    pageScanned: async ({ entityCount }, { tabId }) => {
      if (tabId !== undefined) await effects.setBadge(tabId, entityCount);
      return {};
    },
  };
}
