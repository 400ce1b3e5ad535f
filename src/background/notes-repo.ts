import type { CrossreadDb } from './db';
import type { Note, NoteDraft } from '../shared/protocol';

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
    const notes = await this.db.notes.where('url').equals(url).toArray();
    return notes.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  /** Every note, newest first. */
  async all(): Promise<Note[]> {
    return (await this.db.notes.orderBy('createdAt').reverse().toArray()).sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
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
