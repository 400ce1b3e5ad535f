import { exportDB, importInto } from 'dexie-export-import';
import * as v from 'valibot';
import { describeIssue } from '../shared/describe-issue';
import { MAX_IMPORT_NOTES, NoteSchema } from '../shared/protocol';
import type { CrossreadDb } from './db';

/**
 * Full backup and restore of the database with dexie-export-import (its JSON format, so other
 * Dexie tools read it too).
 *
 * The library clears tables outside its import transaction, so a restore that failed half way
 * would lose notes. A restore therefore checks the whole backup first (format, version, every
 * row against the note schema), and keeps the notes it replaces until the import has finished,
 * putting them back if it fails.
 */

/** A backup that cannot be restored; the message says why. Nothing was changed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const BackupSchema = v.object({
  formatName: v.literal('dexie'),
  formatVersion: v.literal(1),
  data: v.object({
    databaseVersion: v.number(),
    tables: v.array(v.object({ name: v.string() })),
    data: v.array(v.object({ tableName: v.string(), rows: v.array(v.unknown()) })),
  }),
});

/** The whole database as a dexie-export-import backup (JSON text). */
export async function exportBackup(db: CrossreadDb): Promise<{ text: string; notes: number }> {
  const blob = await exportDB(db);
  return { text: await blob.text(), notes: await db.notes.count() };
}

/** Checks a backup's text; answers how many notes it holds or throws a BackupError saying why not. */
export function checkBackup(text: string, databaseVersion: number): number {
  const refuse = (why: string): never => {
    throw new BackupError(`${why} Nothing was changed.`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return refuse(`This is not a Crossread backup: it is not JSON (${(err as Error).message}).`);
  }
  const parsed = v.safeParse(BackupSchema, data);
  if (!parsed.success) return refuse(`This is not a Crossread backup (${describeIssue(parsed.issues[0], 'file')}).`);
  const backup = parsed.output.data;
  if (backup.databaseVersion > databaseVersion) {
    refuse(`This backup comes from a newer Crossread (database version ${backup.databaseVersion}; this one reads up to ${databaseVersion}).`);
  }
  const rows = backup.data.filter((t) => t.tableName === 'notes').flatMap((t) => t.rows);
  if (!backup.tables.some((t) => t.name === 'notes')) refuse('This is not a Crossread backup: it has no notes table.');
  if (rows.length > MAX_IMPORT_NOTES) refuse(`This backup holds ${rows.length} notes; Crossread restores at most ${MAX_IMPORT_NOTES}.`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const note = v.safeParse(NoteSchema, row);
    if (!note.success) refuse(`The backup's note ${i + 1} is not valid: ${describeIssue(note.issues[0], 'note')}.`);
    else if (ids.has(note.output.id)) refuse(`The backup holds two notes with the id ${note.output.id}.`);
    else ids.add(note.output.id);
  });
  return rows.length;
}

/** Replaces every note with the backup's (see the module comment for why this is safe). */
export async function restoreBackup(db: CrossreadDb, text: string): Promise<{ notes: number }> {
  checkBackup(text, db.verno);
  const replaced = await db.notes.toArray();
  try {
    await importInto(db, new Blob([text], { type: 'application/json' }), {
      clearTablesBeforeImport: true,
      acceptVersionDiff: true,
      acceptNameDiff: true,
      // Rows written by an older schema get its defaults (tags, colour), as an upgrade would.
      transform: (_table, value: unknown) => ({ value: v.parse(NoteSchema, value) }),
    });
  } catch (err) {
    await db.transaction('rw', db.notes, async () => {
      await db.notes.clear();
      await db.notes.bulkAdd(replaced);
    });
    throw new BackupError(`The backup could not be restored (${(err as Error).message}). Your notes were put back as they were.`);
  }
  return { notes: await db.notes.count() };
}
