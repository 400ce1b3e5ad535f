import { readBackup, writeBackup } from './backup-file';
import { chunksOf } from './chunks';
import { CHUNK_CHARS, CHUNK_NOTES, type Note, type Params, type Result, type WorkerCalls } from './protocol';

/**
 * Moving many notes between a page and the worker: backups, restores and imports, in chunks
 * that each fit a message, through staging (src/background/staging.ts), so that the library
 * changes in one transaction or not at all. Pure of browser APIs: the page passes its
 * `callWorker`, tests the real handlers behind the protocol.
 */

/** A call of the worker, as `callWorker` in src/platform makes it. */
export type WorkerCall = <K extends keyof WorkerCalls>(type: K, params: Params<WorkerCalls, K>) => Promise<Result<WorkerCalls, K>>;

/** Progress of a long transfer: a count of notes, or bytes of a file read. */
export type TransferProgress = (done: number, total?: number) => void;

/** The whole library as a backup file, a chunk at a time. */
export function backupNotes(call: WorkerCall, onProgress?: TransferProgress): Promise<{ file: Blob; notes: number }> {
  return writeBackup((after) => call('backupChunk', after === undefined ? {} : { after }), onProgress);
}

/**
 * Stages notes with `feed` and commits them, or drops the staging if anything fails (the
 * error is passed on): the library has all of them or none.
 */
async function staged(
  call: WorkerCall,
  kind: 'import' | 'restore',
  feed: (stage: (notes: Note[]) => Promise<void>, databaseVersion: number) => Promise<void>,
): Promise<Result<WorkerCalls, 'commitStaging'>> {
  const { token, databaseVersion } = await call('beginStaging', { kind });
  try {
    await feed(async (notes) => void (await call('stageNotes', { token, notes })), databaseVersion);
    return await call('commitStaging', { token });
  } catch (err) {
    await call('abortStaging', { token }).catch(() => undefined);
    throw err;
  }
}

/** Adds notes to the library (an import or an undone delete); ids already stored keep what is stored. */
export async function importNotes(call: WorkerCall, notes: readonly Note[], onProgress?: TransferProgress): Promise<{ added: number; skipped: number }> {
  const { added, skipped } = await staged(call, 'import', async (stage) => {
    let done = 0;
    for (const chunk of chunksOf(notes, CHUNK_NOTES, CHUNK_CHARS)) {
      await stage(chunk);
      onProgress?.((done += chunk.length), notes.length);
    }
  });
  return { added, skipped };
}

/** Replaces the library with a backup file's notes, read as a stream; a bad file changes nothing. */
export async function restoreNotes(call: WorkerCall, file: Blob, onProgress?: TransferProgress): Promise<{ notes: number }> {
  const { notes } = await staged(call, 'restore', async (stage, databaseVersion) => {
    await readBackup(file, { databaseVersion, onNotes: stage, onProgress });
  });
  return { notes };
}
