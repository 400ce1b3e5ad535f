// @vitest-environment happy-dom
// dexie-export-import (old backups, and reading ours) reads blobs with FileReader, which browsers have and Node lacks.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { exportDB, importDB } from 'dexie-export-import';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from '../shared/backup-file';
import { toAnnotationCollection } from '../shared/note-export';
import { parseNotesFile } from '../shared/note-import';
import { backupNotes, importNotes, restoreNotes } from '../shared/note-transfer';
import type { Note } from '../shared/protocol';
import { CrossreadDb } from './db';
import { NotesRepo } from './notes-repo';
import type { PacksRepo } from './packs-repo';
import { failWritesAfter, quotaExceeded, workerStopped } from './storage-faults';
import { workerCallOver } from './worker-call';

const draft = (i: number, comment = `c${i}`) => ({ url: `https://b.example/${i % 7}`, title: 'T', quote: `Q${i}`, comment, entityIds: [], tags: ['t'], color: 'pink' as const });
let dbs: CrossreadDb[] = [];
/** A database with `count` notes, and a page's calls to its worker. */
async function library(name: string, count = 0, comment?: (i: number) => string) {
  const db = new CrossreadDb(name);
  dbs.push(db);
  const repo = new NotesRepo(db);
  for (let i = 0; i < count; i++) await repo.save(draft(i, comment?.(i)));
  return { db, repo, call: workerCallOver(db), all: () => repo.all() };
}
afterEach(async () => {
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
  dbs = [];
});
const fileOf = (text: string) => new Blob([text], { type: 'application/json' });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);

describe('backup and restore, in chunks, through staging', { timeout: 60_000 }, () => {
  it('restores a backup of several chunks into another database exactly, replacing what was there', async () => {
    const source = await library('backup-a', 2_300);
    const messages: number[] = [];
    const { file, notes } = await backupNotes(source.call, (n) => messages.push(n));
    expect(notes).toBe(2_300);
    expect(messages).toEqual([2_000, 2_300]);
    expect(JSON.parse(await file.text())).toMatchObject({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'backup-a', tables: [{ name: 'notes', rowCount: 2_300 }] } });

    const target = await library('backup-b', 3);
    expect(await restoreNotes(target.call, file)).toEqual({ notes: 2_300 });
    expect(await target.all()).toEqual(await source.all());
    expect(await target.db.staged.count()).toBe(0);
  });

  it('splits a chunk by size: a library of large notes travels in messages of a few megabytes', async () => {
    const source = await library('backup-large', 500, () => 'x'.repeat(19_000));
    let chunks = 0;
    const call = source.call;
    const counting: typeof call = (type, params) => ((chunks += type === 'backupChunk' ? 1 : 0), call(type, params));
    const { file } = await backupNotes(counting);
    expect(chunks).toBeGreaterThan(2);
    const target = await library('backup-large-b');
    expect(await restoreNotes(target.call, file)).toEqual({ notes: 500 });
  });

  it('reads backups written by dexie-export-import, and dexie-export-import reads Crossread’s', async () => {
    const source = await library('compat-a', 12);
    const old = await exportDB(source.db);
    const target = await library('compat-b', 2);
    expect(await restoreNotes(target.call, old)).toEqual({ notes: 12 });
    expect(await target.all()).toEqual(await source.all());

    const { file } = await backupNotes(source.call);
    const imported = await importDB(file, { name: 'compat-c' });
    expect(await imported.table('notes').count()).toBe(12);
    imported.close();
    await Dexie.delete('compat-c');
  });

  it('changes nothing when a backup is empty, not JSON, not a Crossread backup, newer, cut short, or has a bad row or a repeated id', async () => {
    const source = await library('backup-c', 4);
    const good = JSON.parse(await (await backupNotes(source.call)).file.text());
    const target = await library('backup-d', 3);
    const before = await target.all();

    const badRow = structuredClone(good);
    badRow.data.data[0].rows[3].url = '';
    const badDate = structuredClone(good);
    badDate.data.data[0].rows[1].createdAt = 1e300;
    const twice = structuredClone(good);
    twice.data.data[0].rows[2].id = twice.data.data[0].rows[0].id;
    const newer = structuredClone(good);
    newer.data.databaseVersion = 99;
    const noNotes = structuredClone(good);
    noNotes.data.tables = [];
    const cases: [string, RegExp][] = [
      ['', /The file is empty/],
      ['{ nope', /not a Crossread backup: it is not JSON/],
      ['{"type": "AnnotationCollection", "first": {"items": []}}', /not a Crossread backup/],
      [JSON.stringify(noNotes), /no notes table/],
      [JSON.stringify(newer), /newer Crossread/],
      [JSON.stringify(good).slice(0, -20), /cut short/],
      [JSON.stringify(badRow), /note 4 is not valid: url/],
      [JSON.stringify(badDate), /note 2 is not valid: createdAt: must be before 2200/],
      [JSON.stringify(twice), /two notes with the id/],
    ];
    for (const [text, message] of cases) {
      const err = await failure(restoreNotes(target.call, fileOf(text)));
      expect(err, text.slice(0, 40)).toBeInstanceOf(Error);
      expect(err!.message).toMatch(message);
      expect(err!.message).toMatch(/Nothing was changed/);
      expect(await target.all()).toEqual(before);
      expect(await target.db.staged.count()).toBe(0);
    }
    await expect(restoreNotes(target.call, fileOf('{'))).rejects.toBeInstanceOf(BackupError);
  });

  it('imports keep what is stored under an id (an undone delete is an import), all or nothing', async () => {
    const { repo, call, all } = await library('import-a', 3);
    const notes = await all();
    await repo.delete(notes[1]!.id);
    const changed: Note = { ...notes[0]!, comment: 'an older copy' };
    expect(await importNotes(call, [notes[1]!, changed])).toEqual({ added: 1, skipped: 1 });
    expect(await all()).toEqual(notes);
  });

  it('a staging started since makes the older one fail, changing nothing', async () => {
    const { call, all } = await library('supersede', 2);
    const before = await all();
    const first = await call('beginStaging', { kind: 'restore' });
    await call('stageNotes', { token: first.token, notes: [] });
    await call('beginStaging', { kind: 'import' });
    await expect(call('commitStaging', { token: first.token })).rejects.toThrow(/Another import or restore was started/);
    expect(await all()).toEqual(before);
  });
});

describe('storage faults', { timeout: 60_000 }, () => {
  it('issue 16 finding: a worker stopped at any point of a restore leaves either the old library or the new one', async () => {
    const source = await library('crash-src', 30);
    const { file } = await backupNotes(source.call);
    const fresh = await source.all();
    for (const stopAt of [0, 1, 2, 5, 17, 29, 31, 40, 61, 70]) {
      const name = `crash-${stopAt}`;
      const seeded = await library(name, 10);
      const old = await seeded.all();
      seeded.db.close();

      const db = new CrossreadDb(name);
      dbs.push(db);
      failWritesAfter(db, stopAt, workerStopped);
      await failure(restoreNotes(workerCallOver(db), file));
      db.close();

      const after = await library(name);
      expect([old, fresh]).toContainEqual(await after.all());
    }
  });

  it('quota exceeded while staging or committing an import or a restore keeps the library as it was and says so', async () => {
    const source = await library('quota-src', 40);
    const { file } = await backupNotes(source.call);
    const notes = await source.all();
    for (const [kind, run] of [
      ['restore', (call: ReturnType<typeof workerCallOver>) => restoreNotes(call, file)],
      ['import', (call: ReturnType<typeof workerCallOver>) => importNotes(call, notes)],
    ] as const) {
      for (const room of [0, 3, 20, 45]) {
        const name = `quota-${kind}-${room}`;
        const seeded = await library(name, 5);
        const old = await seeded.all();
        seeded.db.close();
        const db = new CrossreadDb(name);
        dbs.push(db);
        failWritesAfter(db, room, quotaExceeded);
        const err = await failure(run(workerCallOver(db)));
        expect(err?.message).toMatch(/no more room for Crossread’s data .* your notes are as they were/);
        db.close();
        const after = await library(name);
        expect(await after.all()).toEqual(old);
      }
    }
  });

  it('quota exceeded during a save stores nothing and says so', async () => {
    const seeded = await library('quota-save', 1);
    seeded.db.close();
    const db = new CrossreadDb('quota-save');
    dbs.push(db);
    failWritesAfter(db, 0, quotaExceeded);
    const repo = new NotesRepo(db);
    const { tabHandlers } = await import('./handlers');
    const handlers = tabHandlers(repo, {} as PacksRepo, { openTab: async () => {}, setBadge: async () => {} });
    await expect(handlers.saveNote({ ...draft(2), selector: undefined }, { tabId: 1, pageUrl: 'https://b.example/2' })).rejects.toThrow(/no more room/);
    expect(await repo.all()).toHaveLength(1);
  });
});

describe('restore and import under fuzzing: random and mutated files', { timeout: 60_000 }, () => {
  /** A file's text changed the ways files get damaged: bytes replaced, cut, spliced, a value swapped for any JSON. */
  const mutated = (text: string) =>
    fc.oneof(
      fc.tuple(fc.nat(text.length - 1), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at + s.length)),
      fc.nat(text.length - 1).map((at) => text.slice(0, at)),
      fc.tuple(fc.nat(text.length - 1), fc.nat(200)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
      fc.tuple(fc.nat(text.length - 1), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => {
        // Replace the value after some `":` with any JSON value: keeps the file JSON more often.
        const key = text.indexOf('":', at);
        if (key < 0) return text;
        const end = text.slice(key + 2).search(/[,}\]]/);
        return `${text.slice(0, key + 2)}${JSON.stringify(value)}${end < 0 ? '' : text.slice(key + 2 + end)}`;
      }),
    );
  const KNOWN = /^(BackupError|StagingError|ImportError)$/;

  it('restore: a clear error or the file’s notes, never a crash; a refused file changes nothing', async () => {
    const source = await library('fuzz-src', 6);
    const good = await (await backupNotes(source.call)).file.text();
    const target = await library('fuzz-restore', 3);
    let before = await target.all();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(good), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: 'binary' })), async (text) => {
        const err = await failure(restoreNotes(target.call, fileOf(text)));
        if (err) {
          refused++;
          expect(err.name, `${err.name}: ${err.message}`).toMatch(KNOWN);
          expect(err.message).toMatch(/Nothing was changed/);
          expect(await target.all()).toEqual(before);
        } else {
          before = await target.all();
        }
        expect(await target.db.staged.count()).toBe(0);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('import: a clear error or the file’s notes, never a crash; a refused file changes nothing', async () => {
    const source = await library('fuzz-import-src', 5);
    const good = JSON.stringify(toAnnotationCollection(await source.all()));
    const target = await library('fuzz-import', 2);
    let before = await target.all();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(good), fc.jsonValue().map((v) => JSON.stringify(v))), async (text) => {
        try {
          const { notes } = await parseNotesFile(text);
          await importNotes(target.call, notes);
          before = await target.all();
        } catch (err) {
          expect((err as Error).name, String(err)).toMatch(KNOWN);
          expect(await target.all()).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
