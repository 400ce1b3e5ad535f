import type { Handlers, WorkerCalls } from '../shared/protocol';
import type { NotesRepo } from './notes-repo';

/** One handler per worker method (the type makes a missing or misspelt one a compile error). */
export function workerHandlers(notes: NotesRepo): Handlers<WorkerCalls> {
  return {
    saveNote: (draft) => notes.save(draft),
    listNotes: ({ url }) => notes.forUrl(url),
    deleteNote: async ({ id }) => ({ deleted: await notes.delete(id) }),
  };
}
