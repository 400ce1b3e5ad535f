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
    expect(db.verno).toBe(5);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(['createdAt', 'url']);
    db.close();
  });

  it('opens notes written by schema version 2 (tags, colour, selectors) unchanged', async () => {
    const v2 = new Dexie(NAME);
    v2.version(1).stores({ notes: 'id, url, createdAt, *entityIds' });
    v2.version(2).stores({ notes: 'id, url, createdAt, *entityIds, *tags' });
    const written = {
      id: 'n2', url: 'https://b.example/', title: 'B', quote: 'Aid waited.', comment: '', entityIds: [], createdAt: 9, tags: ['aid'], color: 'pink',
      selector: { quote: { exact: 'Aid waited.', prefix: 'x', suffix: 'y' }, position: { start: 1, end: 12 } },
    };
    await v2.table('notes').add(written);
    v2.close();

    const db = new CrossreadDb(NAME);
    expect(await new NotesRepo(db).all()).toEqual([written]);
    expect(db.verno).toBe(5);
    db.close();
  });
});
