import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrossreadDb } from './db';
import { NotesRepo } from './notes-repo';

const NAME = 'crossread-migration-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('CrossreadDb migrations', () => {
  it('opens notes written by schema version 1 and upgrades them in place', async () => {
    // Schema 1 exactly as the first release declared it, with a note as it wrote them.
    const v1 = new Dexie(NAME);
    v1.version(1).stores({ notes: 'id, url, createdAt, *entityIds' });
    await v1.table('notes').add({ id: 'old', url: 'https://a.example/', title: 'A', quote: 'Kerry said.', comment: 'first', entityIds: ['john-kerry'], createdAt: 5 });
    v1.close();

    const db = new CrossreadDb(NAME);
    const [note] = await new NotesRepo(db).forUrl('https://a.example/');
    expect(note).toEqual({ id: 'old', url: 'https://a.example/', title: 'A', quote: 'Kerry said.', comment: 'first', entityIds: ['john-kerry'], createdAt: 5, tags: [], color: 'yellow' });
    expect(db.verno).toBe(2);
    // The new index works on upgraded rows.
    await db.notes.update('old', { tags: ['truce'] });
    expect((await db.notes.where('tags').equals('truce').toArray()).map((n) => n.id)).toEqual(['old']);
    db.close();
  });
});
