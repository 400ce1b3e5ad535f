import type { BackupChunk } from '../shared/backup-file';
import { chunksOf } from '../shared/chunks';
import { CHUNK_CHARS, CHUNK_NOTES, type Note } from '../shared/protocol';
import { readStoredNote } from '../shared/stored-note';
import type { CrossreadDb } from './db';

/**
 * Backups, a chunk at a time: the library asks for the notes after the last id it has and
 * writes them into a dexie-export-import file (src/shared/backup-file.ts) as they come, so no
 * message and no string in the worker grows with the library. Each note is read whole; a note
 * saved or deleted while a backup runs may or may not be in it.
 */
export async function backupChunk(db: CrossreadDb, after: string | undefined): Promise<BackupChunk> {
  const rows = await (after === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(after)).limit(CHUNK_NOTES).toArray();
  const notes = rows.map(readStoredNote).filter((n): n is Note => n !== undefined);
  const first = chunksOf(notes, CHUNK_NOTES, CHUNK_CHARS).next().value ?? [];
  // A chunk cut short by size is continued after its last note (the next call starts there).
  const done = (rows.length < CHUNK_NOTES && first.length === notes.length) || first.length === 0;
  const { primKey, indexes } = db.notes.schema;
  return { notes: first, done, databaseName: db.name, databaseVersion: db.verno, notesSchema: [primKey, ...indexes].map((i) => i.src).join(',') };
}
