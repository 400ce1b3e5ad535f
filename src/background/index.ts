import { addSelectionMenu, callTab, openExtensionTab, serveWorker, setBadge } from '../platform/runtime';
import { CrossreadDb } from './db';
import { pageHandlers, tabHandlers } from './handlers';
import { NotesRepo } from './notes-repo';

/**
 * The service worker. It keeps no state in memory: the browser may stop it at any time, and
 * everything lives in IndexedDB (an import or restore in progress too: src/background/staging.ts).
 * Listeners are registered synchronously at start, as MV3 requires.
 */
const db = new CrossreadDb();
const notes = new NotesRepo(db);
serveWorker(pageHandlers(db, notes), tabHandlers(notes, { openTab: openExtensionTab, setBadge }));
// The frame the selection is in (a same-origin frame keeps its own notes).
addSelectionMenu((tabId, frameId) => {
  callTab(tabId, 'noteSelection', undefined, frameId).catch((err: unknown) => console.warn('Crossread could not open a note on this page:', err));
});
