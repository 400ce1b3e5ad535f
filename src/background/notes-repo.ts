import * as v from 'valibot';
import { ReaderError } from '../shared/i18n';
import { NoteSchema, type Note, type NoteDraft, type NoteEdit } from '../shared/protocol';
import { readStoredNote } from '../shared/stored-note';
import type { CrossreadDb } from './db';

/** Stored rows as valid notes (see src/shared/stored-note.ts), newest first. */
const newestFirst = (rows: readonly unknown[]): Note[] =>
  rows
    .map(readStoredNote)
    .filter((n): n is Note => n !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));

/** Notes stored in the database; every write runs in a transaction. */
export class NotesRepo {
  constructor(
    private readonly db: CrossreadDb,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Stores a draft as a new note. */
  async save(draft: NoteDraft): Promise<Note> {
    const note: Note = { ...draft, id: this.newId(), createdAt: this.now() };
    await this.db.transaction('rw', this.db.notes, () => this.db.notes.add(note));
    return note;
  }

  /** The notes of one page, newest first. */
  async forUrl(url: string): Promise<Note[]> {
    return newestFirst(await this.db.notes.where('url').equals(url).toArray());
  }

  /** Every note, newest first; a note stored with impossible values comes repaired, so it can be shown and deleted. */
  async all(): Promise<Note[]> {
    return newestFirst(await this.db.notes.toArray());
  }

  /** Changes a note's comment, tags and colour. */
  async update({ id, ...edit }: NoteEdit): Promise<Note> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const note = readStoredNote(await this.db.notes.get(id));
      if (!note) throw new ReaderError(`No note with id ${id}: it may have been deleted.`, 'noteGone', [id]);
      const updated = v.parse(NoteSchema, { ...note, ...edit });
      await this.db.notes.put(updated);
      return updated;
    });
  }

  /** Records whether a page's notes were found on it when it was last open. */
  async placed(url: string, found: readonly string[], orphaned: readonly string[], now = this.now()): Promise<void> {
    const state = new Map([...found.map((id) => [id, true] as const), ...orphaned.map((id) => [id, false] as const)]);
    await this.db.transaction('rw', this.db.notes, () =>
      this.db.notes
        .where('url')
        .equals(url)
        .modify((note) => {
          const isFound = state.get(note.id);
          if (isFound !== undefined) note.placement = { found: isFound, checkedAt: now };
        }),
    );
  }

  /** Deletes a note; answers whether it existed. */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const existed = (await this.db.notes.get(id)) !== undefined;
      await this.db.notes.delete(id);
      return existed;
    });
  }
}
