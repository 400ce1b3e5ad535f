import { ReaderError } from '../shared/i18n';
import type { Handlers, TabCalls, TabContext, WorkerCalls } from '../shared/protocol';
import { backupChunk } from './backup';
import type { CrossreadDb } from './db';
import { NotesRepo } from './notes-repo';
import type { PacksRepo } from './packs-repo';
import { Staging } from './staging';

/** What the handlers do in the browser beyond the database (the worker passes the real calls). */
export interface WorkerEffects {
  openTab(path: string): Promise<void>;
  setBadge(tabId: number, count: number): Promise<void>;
}

/** The compare view's path in the package; a disagreement id after `#` selects it. */
export const COMPARE_PAGE = 'src/pages/compare.html';

/**
 * A storage error in words a person can act on. IndexedDB's QuotaExceededError (Dexie keeps
 * the name) says nothing of what happened to the data: the transaction was rolled back.
 */
export function explainStorageError(err: unknown): unknown {
  const names = [err, (err as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown } | null)?.name);
  if (!names.includes('QuotaExceededError')) return err;
  return new ReaderError(
    'The browser has no more room for Crossread’s data (its storage quota is used up), so nothing of this was stored and your notes are as they were. Free some disk space or delete notes, then try again.',
    'storageFull',
  );
}

/** Each handler with storage errors explained (the wrapper keeps the map's types). */
function explained<H extends Record<string, (...args: never[]) => Promise<unknown>>>(handlers: H): H {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (...args: never[]) => handler(...args).catch((err: unknown) => Promise.reject(explainStorageError(err)));
  }
  return wrapped as H;
}

/** The calls of Crossread's own pages: everything (the type makes a missing or misspelt method a compile error). */
export function pageHandlers(db: CrossreadDb, packs: PacksRepo, notes = new NotesRepo(db), staging = new Staging(db)): Handlers<WorkerCalls> {
  return explained<Handlers<WorkerCalls>>({
    listNotes: ({ url }) => notes.forUrl(url),
    listAllNotes: () => notes.all(),
    updateNote: (edit) => notes.update(edit),
    backupChunk: ({ after }) => backupChunk(db, after),
    beginStaging: ({ kind }) => staging.begin(kind),
    stageNotes: ({ token, notes: list }) => staging.add(token, list),
    commitStaging: ({ token }) => staging.commit(token),
    abortStaging: async ({ token }) => {
      await staging.abort(token);
      return {};
    },
    deleteNote: async ({ id }) => ({ deleted: await notes.delete(id) }),
    listPacks: () => packs.list(),
    installPack: ({ name, pack, origin }) => packs.install(name, pack, origin),
    setPackEnabled: async ({ id, enabled }) => {
      await packs.setEnabled(id, enabled);
      return {};
    },
    deletePack: async ({ id }) => ({ deleted: await packs.remove(id) }),
    getActivePacks: () => packs.active(),
  });
}

/** The calls of content scripts, each for the sender's own tab and page (`context`, from the browser). */
export function tabHandlers(notes: NotesRepo, packs: PacksRepo, effects: WorkerEffects): Handlers<TabCalls, TabContext> {
  return explained<Handlers<TabCalls, TabContext>>({
    saveNote: (draft, { pageUrl }) => notes.save({ ...draft, url: pageUrl }),
    listNotes: (_, { pageUrl }) => notes.forUrl(pageUrl),
    notesPlaced: async ({ found, orphaned }, { pageUrl }) => {
      await notes.placed(pageUrl, found, orphaned);
      return {};
    },
    openComparison: async ({ disagreementId, packId }) => {
      // `#<pack>/<id>`: a disagreement id is its pack's own, and two packs may use the same one.
      await effects.openTab(`${COMPARE_PAGE}#${packId ? `${encodeURIComponent(packId)}/` : ''}${encodeURIComponent(disagreementId)}`);
      return { opened: true };
    },
    pageScanned: async ({ entityCount }, { tabId }) => {
      await effects.setBadge(tabId, entityCount);
      return {};
    },
    getEntityCard: async ({ entityId }) => (await packs.card(entityId)) ?? null,
  });
}
