import { dispatch, parseResult, workerCalls } from '../shared/protocol';
import type { WorkerCall } from '../shared/note-transfer';
import type { CrossreadDb } from './db';
import { pageHandlers } from './handlers';

/**
 * Test helper: a page's `callWorker` wired to the real handlers over `db`, through the
 * protocol's run-time checks, with each message and answer serialised as JSON as Chromium
 * carries them.
 */
export function workerCallOver(db: CrossreadDb): WorkerCall {
  const handlers = pageHandlers(db);
  const wire = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));
  return async (type, params) => parseResult(workerCalls, type, wire(await dispatch(workerCalls, handlers, wire({ type, params }))));
}
