import { addSelectionMenu, callTab, openExtensionTab, serve, setBadge } from '../platform/runtime';
import { workerCalls } from '../shared/protocol';
import { exportBackup, restoreBackup } from './backup';
import { CrossreadDb } from './db';
import { workerHandlers } from './handlers';
import { NotesRepo } from './notes-repo';

/**
 * The service worker. It keeps no state in memory: the browser may stop it at any time, and
 * everything lives in IndexedDB. Listeners are registered synchronously at start, as MV3 requires.
 */
const db = new CrossreadDb();
const backups = { export: () => exportBackup(db), restore: (text: string) => restoreBackup(db, text) };
serve(workerCalls, workerHandlers(new NotesRepo(db), backups, { openTab: openExtensionTab, setBadge }));
addSelectionMenu((tabId) => {
  callTab(tabId, 'noteSelection').catch((err: unknown) => console.warn('Crossread could not open a note on this page:', err));
});
