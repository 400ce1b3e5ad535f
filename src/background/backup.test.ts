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
