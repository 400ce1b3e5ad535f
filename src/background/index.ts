import { addSelectionMenu, callTab, onInstalledOrUpdated, openExtensionTab, publishStoredMatcher, serveWorker, setBadge } from '../platform/runtime';
import { CrossreadDb } from './db';
import { pageHandlers, tabHandlers } from './handlers';
import { NotesRepo } from './notes-repo';
import { bundledPack } from '../shared/bundled-pack';
import { PacksRepo } from './packs-repo';

/**
 * The service worker. It keeps no state in memory: the browser may stop it at any time, and
 * everything lives in IndexedDB (an import or restore in progress too: src/background/staging.ts).
 * Listeners are registered synchronously at start, as MV3 requires.
 */
const db = new CrossreadDb();
const notes = new NotesRepo(db);
const packs = new PacksRepo(db, {
  // Imported statically: a service worker may not use import() (the HTML spec forbids it there).
  bundledPack: async () => bundledPack,
  publishMatcher: publishStoredMatcher,
});
serveWorker(pageHandlers(db, packs, notes), tabHandlers(notes, packs, { openTab: openExtensionTab, setBadge }));
// An update may bring a new bundled pack: what the enabled packs make together is computed again.
onInstalledOrUpdated(() => {
  packs.refresh().catch((err: unknown) => console.warn('Crossread could not prepare its packs:', err));
});
// The frame the selection is in (a same-origin frame keeps its own notes).
addSelectionMenu((tabId, frameId) => {
  callTab(tabId, 'noteSelection', undefined, frameId).catch((err: unknown) => console.warn('Crossread could not open a note on this page:', err));
});
