import Dexie, { type EntityTable } from 'dexie';
import type { Note } from '../shared/protocol';

/** Crossread's IndexedDB database. Bump the version and add an upgrade for every schema change. */
export class CrossreadDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = 'crossread') {
    super(name);
    this.version(1).stores({ notes: 'id, url, createdAt, *entityIds' });
  }
}
