// @vitest-environment happy-dom
// dexie-export-import reads blobs with FileReader, which browsers (and their service workers) have and Node lacks.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrossreadDb } from './db';
import { BackupError, exportBackup, restoreBackup } from './backup';
import { NotesRepo } from './notes-repo';

const draft = (i: number) => ({ url: `https://b.example/${i}`, title: 'T', quote: `Q${i}`, comment: `c${i}`, entityIds: [], tags: ['t'], color: 'pink' as const });
let dbs: CrossreadDb[] = [];
const repoOn = (name: string) => {
  const db = new CrossreadDb(name);
  dbs.push(db);
  const repo = new NotesRepo(db);
  return Object.assign(repo, { backup: () => exportBackup(db), restore: (text: string) => restoreBackup(db, text) });
};
afterEach(async () => {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
  dbs = [];
});

describe('backup and restore (dexie-export-import)', () => {
  it('restores a backup into another database exactly, replacing what was there', async () => {
    const source = repoOn('backup-a');
    for (let i = 0; i < 5; i++) await source.save(draft(i));
    const { text, notes } = await source.backup();
    expect(notes).toBe(5);
    expect(JSON.parse(text)).toMatchObject({ formatName: 'dexie', data: { databaseName: 'backup-a' } });

    const target = repoOn('backup-b');
    await target.save(draft(99));
    expect(await target.restore(text)).toEqual({ notes: 5 });
    expect(await target.all()).toEqual(await source.all());
  });

  it('changes nothing when a backup is not JSON, not a Crossread backup, from a newer version, or has a bad row', async () => {
    const source = repoOn('backup-c');
    for (let i = 0; i < 4; i++) await source.save(draft(i));
    const good = JSON.parse((await source.backup()).text);

    const target = repoOn('backup-d');
    for (let i = 10; i < 13; i++) await target.save(draft(i));
    const before = await target.all();

    const badRow = structuredClone(good);
    badRow.data.data[0].rows[3].url = 'not an address';
    const newer = structuredClone(good);
    newer.data.databaseVersion = 99;
    const noNotes = structuredClone(good);
    noNotes.data.tables = [];
    const cases: [string, RegExp][] = [
      ['{ nope', /not a Crossread backup/],
      [JSON.stringify(noNotes), /no notes table/],
      [JSON.stringify(newer), /newer Crossread/],
      [JSON.stringify(badRow), /note 4 is not valid: url/],
    ];
    for (const [text, message] of cases) {
      const err = await target.restore(text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect(String(err)).toMatch(message);
      expect(String(err)).toMatch(/Nothing was changed/);
      expect(await target.all()).toEqual(before);
    }
  });
});

describe('issue 16 findings: restore', () => {
  it('a worker stopped at any point of a restore leaves either the old library or the new one', async () => {
    const source = repoOn('backup-crash-src');
    for (let i = 0; i < 30; i++) await source.save(draft(i));
    const { text } = await source.backup();
    const fresh = await source.all();

    const { failWritesAfter, workerStopped } = await import('./storage-faults');
    for (const stopAt of [0, 1, 2, 5, 17, 29, 31, 40]) {
      const name = `backup-crash-${stopAt}`;
      const seedDb = new CrossreadDb(name);
      const seedRepo = new NotesRepo(seedDb);
      for (let i = 100; i < 110; i++) await seedRepo.save(draft(i));
      const old = await seedRepo.all();
      seedDb.close();

      const db = new CrossreadDb(name);
      dbs.push(db);
      failWritesAfter(db, stopAt, workerStopped);
      await restoreBackup(db, text).catch(() => undefined);
      db.close();

      const after = new CrossreadDb(name);
      dbs.push(after);
      const notes = await new NotesRepo(after).all();
      expect([old, fresh]).toContainEqual(notes);
    }
  });
});
