import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';

/**
 * Test helper: storage faults as a browser produces them, injected under Dexie (a DBCore
 * middleware), so the real transactions, rollbacks and error paths run. Writes succeed until
 * `rows` rows have been written, then every write fails with `error()`: a quota that runs out, or
 * (with a stop error) a worker stopped part way, after which nothing of it writes again.
 */
export function failWritesAfter(db: Dexie, rows: number, error: () => Error): { written: () => number } {
  let written = 0;
  const size = (req: DBCoreMutateRequest) => (req.type === 'deleteRange' ? 1 : req.type === 'delete' ? req.keys.length : req.values.length);
  db.use({
    stack: 'dbcore',
    name: 'storage-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (written + size(req) > rows) return Promise.reject(error());
            written += size(req);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return { written: () => written };
}

/** The error IndexedDB raises when the origin's quota is used up. */
export const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** What a write sees when the service worker is stopped under it. */
export const workerStopped = () => new DOMException('The transaction was aborted: the worker stopped.', 'AbortError');
