import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrossreadDb } from './db';
import { NotesRepo } from './notes-repo';

const draft = (url: string, comment: string) => ({ url, title: 'T', quote: 'Q', comment, entityIds: ['john-kerry'], tags: ['truce'], color: 'blue' as const });
let dbs: CrossreadDb[] = [];
const open = (name: string) => {
  const db = new CrossreadDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
  dbs = [];
});

describe('NotesRepo', () => {
  it('stores notes and lists a page’s notes newest first', async () => {
    let t = 1000;
    const repo = new NotesRepo(open('a'), () => t++);
    await repo.save(draft('https://a.example/1', 'first'));
    await repo.save(draft('https://a.example/2', 'elsewhere'));
    await repo.save(draft('https://a.example/1', 'second'));
    const notes = await repo.forUrl('https://a.example/1');
    expect(notes.map((n) => n.comment)).toEqual(['second', 'first']);
    expect(notes[0]).toMatchObject({ url: 'https://a.example/1', title: 'T', quote: 'Q', entityIds: ['john-kerry'], tags: ['truce'], color: 'blue', createdAt: 1002 });
    expect(notes[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps notes in the database, not in memory', async () => {
    await new NotesRepo(open('b')).save(draft('https://b.example/', 'kept'));
    dbs[0]!.close();
    const reopened = new NotesRepo(open('b'));
    expect((await reopened.forUrl('https://b.example/')).map((n) => n.comment)).toEqual(['kept']);
  });

  it('deletes a note and says whether it existed', async () => {
    const repo = new NotesRepo(open('c'));
    const note = await repo.save(draft('https://c.example/', 'x'));
    expect(await repo.delete(note.id)).toBe(true);
    expect(await repo.delete(note.id)).toBe(false);
    expect(await repo.forUrl('https://c.example/')).toEqual([]);
  });
});

describe('NotesRepo edits, imports and backups', () => {
  const seed = async (repo: NotesRepo, n: number) => {
    for (let i = 0; i < n; i++) await repo.save(draft(`https://s.example/${i % 2}`, `note ${i}`));
    return repo.all();
  };

  it('edits a note’s comment, tags and colour, and refuses a deleted one', async () => {
    const repo = new NotesRepo(open('e'));
    const [note] = await seed(repo, 1);
    const edited = await repo.update({ id: note!.id, comment: 'changed', tags: ['a', 'b'], color: 'green' });
    expect(edited).toEqual({ ...note, comment: 'changed', tags: ['a', 'b'], color: 'green' });
    expect(await repo.all()).toEqual([edited]);
    await repo.delete(note!.id);
    await expect(repo.update({ id: note!.id, comment: 'x', tags: [], color: 'yellow' })).rejects.toThrow(/No note with id/);
  });

  it('records which of a page’s notes were found and which are orphans', async () => {
    const repo = new NotesRepo(open('g'));
    const notes = await seed(repo, 4);
    const onPage = notes.filter((n) => n.url === 'https://s.example/0');
    await repo.placed('https://s.example/0', [onPage[0]!.id], [onPage[1]!.id], 42);
    const after = await repo.forUrl('https://s.example/0');
    expect(after.map((n) => n.placement)).toEqual([{ found: true, checkedAt: 42 }, { found: false, checkedAt: 42 }]);
    expect((await repo.forUrl('https://s.example/1')).every((n) => n.placement === undefined)).toBe(true);
  });
});
