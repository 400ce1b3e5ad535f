import { JSONParser } from '@streamparser/json';
import * as v from 'valibot';
import { chunksOf } from './chunks';
import { describeIssue } from './describe-issue';
import { ReaderError, type MessageKey, type Substitution } from './i18n';
import { CHUNK_CHARS, CHUNK_NOTES, NoteSchema, type Note } from './protocol';

/**
 * Crossread's backup file: dexie-export-import's JSON format (so Dexie's own tools read it),
 * with the `notes` table. Both directions work a piece at a time, so a backup of any size that
 * Crossread writes, it can read back: the writer takes notes chunk by chunk into a Blob, and
 * the reader parses the file as a stream (@streamparser/json), handing notes on in chunks.
 */

/** A backup that cannot be restored; the message says why. */
export class BackupError extends ReaderError {
  override name = 'BackupError';
}

/** A chunk of the library as the worker hands it out (`backupChunk`). */
export interface BackupChunk {
  notes: Note[];
  done: boolean;
  databaseName: string;
  databaseVersion: number;
  notesSchema: string;
}

/** Writes a backup from the chunks `next(after)` gives (after the last note's id), as a Blob built from parts. */
export async function writeBackup(next: (after: string | undefined) => Promise<BackupChunk>, onProgress?: (notes: number) => void): Promise<{ file: Blob; notes: number }> {
  const rows: Blob[] = [];
  let count = 0;
  let chunk: BackupChunk;
  let after: string | undefined;
  do {
    chunk = await next(after);
    if (chunk.notes.length > 0) {
      rows.push(new Blob([(count > 0 ? ',' : '') + chunk.notes.map((n) => JSON.stringify(n)).join(',')]));
      count += chunk.notes.length;
      after = chunk.notes.at(-1)!.id;
    }
    onProgress?.(count);
  } while (!chunk.done);
  const head = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: chunk.databaseName,
      databaseVersion: chunk.databaseVersion,
      tables: [{ name: 'notes', schema: chunk.notesSchema, rowCount: count }],
      data: [{ tableName: 'notes', inbound: true, rows: [] }],
    },
  };
  // The rows go where the empty list is: the head's JSON up to it, the rows, then its end.
  const [before, end] = JSON.stringify(head).split('"rows":[]');
  return { file: new Blob([`${before}"rows":[`, ...rows, `]${end}`], { type: 'application/json' }), notes: count };
}

/** How much of a file is read and parsed at a time. */
const SLICE_BYTES = 1024 * 1024;

export interface ReadBackupOptions {
  /** The database version this Crossread reads up to: a backup from a newer one is refused. */
  databaseVersion: number;
  /** Takes each chunk of valid notes (the caller stages them); a rejection stops the reading. */
  onNotes(notes: Note[]): Promise<void>;
  onProgress?(bytesRead: number, bytes: number): void;
}

/**
 * Reads a backup file as a stream, checking as it goes: the format and version first (a file
 * that does not say it is a Dexie backup in its first megabyte is refused), every note against
 * the note schema, and at the end that it was whole and had a notes table. Answers how many
 * notes it held; throws a BackupError saying why not (what was handed on must then be dropped).
 */
export async function readBackup(file: Blob, options: ReadBackupOptions): Promise<{ notes: number }> {
  const refuse = (why: string, key: MessageKey, substitutions: Substitution[] = []): never => {
    throw new BackupError(`${why} Nothing was changed.`, key, substitutions);
  };
  if (file.size === 0) refuse('The file is empty.', 'backupEmpty');
  const parser = new JSONParser({
    paths: ['$.formatName', '$.formatVersion', '$.data.databaseVersion', '$.data.tables', '$.data.data.*.tableName', '$.data.data.*.rows.*'],
    keepStack: false,
  });
  let format: unknown;
  let formatVersion: unknown;
  let hasNotesTable = false;
  let ended = false;
  let count = 0;
  let pending: Note[] = [];
  const tableNames = new Map<unknown, unknown>();
  parser.onEnd = () => {
    ended = true;
  };
  parser.onValue = ({ value, key, stack }) => {
    const depth = stack.length;
    if (depth === 1 && key === 'formatName') format = value;
    else if (depth === 1 && key === 'formatVersion') formatVersion = value;
    else if (depth === 2 && key === 'databaseVersion') {
      if (typeof value !== 'number') refuse('This is not a Crossread backup (its database version is not a number).', 'backupVersionNotNumber');
      else if (value > options.databaseVersion) {
        refuse(`This backup comes from a newer Crossread (database version ${value}; this one reads up to ${options.databaseVersion}).`, 'backupNewer', [String(value), String(options.databaseVersion)]);
      }
    } else if (depth === 2 && key === 'tables') {
      hasNotesTable = Array.isArray(value) && value.some((t) => typeof t === 'object' && t !== null && (t as { name?: unknown }).name === 'notes');
    } else if (key === 'tableName') tableNames.set(stack[3]?.key, value);
    else if (depth === 5 && stack[4]?.key === 'rows') {
      const table = tableNames.get(stack[3]?.key);
      if (table === undefined) refuse('This is not a Crossread backup (a table’s rows come before its name).', 'backupRowsBeforeName');
      if (table !== 'notes') return;
      count++;
      const note = v.safeParse(NoteSchema, value);
      if (!note.success) refuse(`The backup's note ${count} is not valid: ${describeIssue(note.issues[0], 'note')}.`, 'backupNoteInvalid', [count, describeIssue(note.issues[0], 'note')]);
      else pending.push(note.output);
    }
  };
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + SLICE_BYTES).arrayBuffer());
    try {
      if (ended) refuse('This is not a Crossread backup: there is more after its end.', 'backupMoreAfterEnd');
      parser.write(bytes);
    } catch (err) {
      if (err instanceof BackupError) throw err;
      refuse(`This is not a Crossread backup: it is not JSON (${(err as Error).message}).`, 'backupNotJson', [(err as Error).message]);
    }
    if (offset === 0 && format === undefined) refuse('This is not a Crossread backup (it does not begin as a Dexie export).', 'backupNotDexieStart');
    if (format !== undefined && format !== 'dexie') refuse('This is not a Crossread backup (its format is not a Dexie export).', 'backupNotDexieFormat');
    if (formatVersion !== undefined && formatVersion !== 1) refuse(`This backup has format version ${String(formatVersion)}; Crossread reads version 1.`, 'backupFormatVersion', [String(formatVersion), 1]);
    for (const chunk of chunksOf(pending, CHUNK_NOTES, CHUNK_CHARS)) await options.onNotes(chunk);
    pending = [];
    options.onProgress?.(Math.min(offset + SLICE_BYTES, file.size), file.size);
  }
  if (!ended) refuse('This backup is cut short: the file ends before its data does.', 'backupCutShort');
  if (format === undefined || formatVersion === undefined) refuse('This is not a Crossread backup (it does not say it is a Dexie export).', 'backupNoDexieSay');
  if (!hasNotesTable) refuse('This is not a Crossread backup: it has no notes table.', 'backupNoNotesTable');
  return { notes: count };
}
