import { dispatch, parseResult, workerCalls } from '../shared/protocol';
import type { WorkerCall } from '../shared/note-transfer';
import type { CrossreadDb } from './db';
import { pageHandlers } from './handlers';
import { PacksRepo } from './packs-repo';

/**
 * Test helper: a page's `callWorker` wired to the real handlers over `db` (matchers the packs
 * publish are kept in `published`), through the
 * protocol's run-time checks, with each message and answer serialised as JSON as Chromium
 * carries them.
 */
export function workerCallOver(db: CrossreadDb, published: ({ version: string; bytes: Uint8Array } | undefined)[] = []): WorkerCall {
  const packs = new PacksRepo(db, {
    bundledPack: async () => (await import('../shared/bundled-pack')).bundledPack,
    publishMatcher: async (m) => void published.push(m),
  });
  const handlers = pageHandlers(db, packs);
  const wire = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));
  return async (type, params) => parseResult(workerCalls, type, wire(await dispatch(workerCalls, handlers, wire({ type, params }))));
}
