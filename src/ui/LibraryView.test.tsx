// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { CrossreadDb } from '../background/db';
import { NotesRepo } from '../background/notes-repo';
import { workerCallOver } from '../background/worker-call';
import { writeBackup } from '../shared/backup-file';
import { MAX_IMPORT_BYTES } from '../shared/note-import';
import { backupNotes, importNotes, restoreNotes, type TransferProgress } from '../shared/note-transfer';
import { NoteSchema, type Note } from '../shared/protocol';
import { translatorFor } from '../shared/locales';
import { LibraryView, type LibraryActions } from './LibraryView';
import { TranslatorContext } from './use-translator';

const note = (over: Partial<Note>): Note =>
  v.parse(NoteSchema, { id: 'x', url: 'https://a.example/1', title: 'A', quote: 'Q', comment: '', entityIds: [], createdAt: Date.UTC(2026, 10, 10, 12), ...over });
const seed = (): Note[] => [
  note({ id: 'n1', url: 'https://a.example/1', title: 'Truce', quote: 'Kerry said the truce holds', comment: 'key quote', tags: ['truce'], entityIds: ['john-kerry'], createdAt: Date.UTC(2026, 10, 1, 12) }),
  note({ id: 'n2', url: 'https://b.example/2', title: 'Deaths', quote: '290,000 killed', tags: ['casualties', 'truce'], createdAt: Date.UTC(2026, 10, 5, 12), placement: { found: false, checkedAt: Date.UTC(2026, 10, 6) } }),
  note({ id: 'n3', url: 'https://b.example/3', title: 'Aid', quote: 'aid convoys wait', entityIds: ['sergey-lavrov'], createdAt: Date.UTC(2026, 10, 9, 12) }),
];

let dbs: CrossreadDb[] = [];
/** The library's real actions: the protocol, the worker's handlers and staging, over a fresh IndexedDB (fake-indexeddb). */
async function memoryActions(initial: Note[] = seed()) {
  const db = new CrossreadDb(`library-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  const call = workerCallOver(db);
  if (initial.length > 0) await importNotes(call, initial);
  const actions = {
    listAll: () => call('listAllNotes', undefined),
    update: (edit) => call('updateNote', edit),
    remove: async (id) => void (await call('deleteNote', { id })),
    importNotes: vi.fn((notes: Note[], onProgress?: TransferProgress) => importNotes(call, notes, onProgress)),
    backup: (onProgress) => backupNotes(call, onProgress),
    restore: vi.fn((file: Blob, onProgress?: TransferProgress) => restoreNotes(call, file, onProgress)),
    download: vi.fn(),
    confirm: vi.fn(() => true),
  } satisfies LibraryActions;
  return { actions, db, store: () => new NotesRepo(db).all() };
}

let root: HTMLElement;
const mount = async (actions: LibraryActions) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(
      <TranslatorContext.Provider value={translatorFor('en')}>
        <LibraryView actions={actions} entityName={(id) => (id === 'john-kerry' ? 'John Kerry' : id)} />
      </TranslatorContext.Provider>,
      root,
    ),
  );
  await idle();
};
const settle = () => act(async () => new Promise((r) => setTimeout(r, 5)));
/** Waits until the library has no job running and the database has answered (real IndexedDB calls take a few ticks). */
const idle = async () => {
  for (let i = 0; i < 400 && root.querySelector('.task progress'); i++) await settle();
  for (let i = 0; i < 4; i++) await settle();
};
afterEach(async () => {
  render(null, root);
  root.remove();
  for (const db of dbs) db.close();
  await Promise.all(dbs.map((db) => Dexie.delete(db.name)));
  dbs = [];
});
const shownIds = () => [...root.querySelectorAll('.note-item blockquote')].map((b) => b.textContent);
const selectIn = async (label: string, value: string) => {
  const select = [...root.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector('select')!;
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change'));
  });
};
const typeIn = async (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  });
};
const click = async (el: Element) => {
  await act(() => (el as HTMLElement).click());
  await idle();
};
const chooseFile = async (name: string, file: File) => {
  const input = root.querySelector<HTMLInputElement>(`input[type=file][name=${name}]`)!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change')));
  await idle();
};
const status = () => root.querySelector('.task')!.textContent!.trim();

describe('LibraryView', { timeout: 30_000 }, () => {
  it('filters by site, entity, tag, date and orphans, with counts in each filter', async () => {
    await mount((await memoryActions()).actions);
    expect(shownIds()).toEqual(['aid convoys wait', '290,000 killed', 'Kerry said the truce holds']);
    expect(root.querySelector('.count')!.textContent).toBe('3 notes · 2 sites · 2 tags');
    expect([...root.querySelectorAll('label')].find((l) => l.textContent!.startsWith('Site'))!.textContent).toContain('b.example (2)');

    await selectIn('Site', 'b.example');
    expect(shownIds()).toEqual(['aid convoys wait', '290,000 killed']);
    await selectIn('Tag', 'truce');
    expect(shownIds()).toEqual(['290,000 killed']);
    expect(root.querySelector('.count')!.textContent).toContain('1 of 3 notes');
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!);
    await selectIn('Entity', 'john-kerry');
    expect(shownIds()).toEqual(['Kerry said the truce holds']);
    expect(root.querySelector('.note-item')!.textContent).toContain('John Kerry');
    await selectIn('Entity', '');

    const [from, to] = [...root.querySelectorAll<HTMLInputElement>('input[type=date]')];
    await typeIn(from!, '2026-11-02');
    await typeIn(to!, '2026-11-08');
    expect(shownIds()).toEqual(['290,000 killed']);
    await typeIn(from!, '');
    await typeIn(to!, '');

    await click(root.querySelector('input[type=checkbox]')!);
    expect(shownIds()).toEqual(['290,000 killed']);
    expect(root.querySelector('.note-item.orphan .orphan-note')!.textContent).toContain('Not found on its page');
  });

  it('edits a note’s comment, tags and colour in place', async () => {
    const { actions, store } = await memoryActions();
    await mount(actions);
    const item = () => [...root.querySelectorAll('.note-item')].find((li) => li.textContent!.includes('Kerry said'))!;
    await click([...item().querySelectorAll('button')].find((b) => b.textContent === 'Edit')!);
    expect(item().querySelector<HTMLTextAreaElement>('textarea')!.value).toBe('key quote');
    await typeIn(item().querySelector('textarea')!, 'the key quote');
    await typeIn(item().querySelector('input[name=tags]')!, 'truce, geneva');
    await click(item().querySelector('input[value=purple]')!);
    await act(() => void item().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await idle();
    expect((await store()).find((n) => n.id === 'n1')).toMatchObject({ comment: 'the key quote', tags: ['truce', 'geneva'], color: 'purple' });
    expect(item().querySelector('form')).toBeNull();
    expect(item().getAttribute('data-color')).toBe('purple');
    expect(item().textContent).toContain('#geneva');
  });

  it('deletes with undo, bringing the same note back', async () => {
    const { actions, store } = await memoryActions();
    await mount(actions);
    const before = (await store()).find((n) => n.id === 'n3');
    await click(root.querySelector('.note-item .delete')!);
    expect(shownIds()).toEqual(['290,000 killed', 'Kerry said the truce holds']);
    expect(status()).toContain('Deleted the note on “Aid”.');
    await click(root.querySelector('.undo')!);
    expect((await store()).find((n) => n.id === 'n3')).toEqual(before);
    expect(shownIds()).toHaveLength(3);
    expect(status()).toBe('The note is back.');
  });

  it('imports a Hypothesis export with a summary, and rejects a bad file leaving everything as it was', async () => {
    const { actions, store } = await memoryActions();
    await mount(actions);
    const hypothesis = readFileSync('e2e/fixtures/hypothesis-export.json', 'utf8');
    await chooseFile('import', new File([hypothesis], 'hypothesis.json', { type: 'application/json' }));
    expect(status()).toBe('Imported 2 notes from a Hypothesis export (1 reply skipped).');
    expect(shownIds()).toHaveLength(4);
    const after = await store();

    await chooseFile('import', new File(['{"annotations": [{"uri": "x"}], '], 'broken.json'));
    expect(status()).toMatch(/^The file is not JSON .*Nothing was imported\.$/);
    expect(await store()).toEqual(after);
    expect(actions.importNotes).toHaveBeenCalledTimes(1);

    await chooseFile('import', new File([hypothesis], 'again.json'));
    expect(status()).toBe('Imported 0 notes from a Hypothesis export (2 notes already in your library, kept as they were; 1 reply skipped).');
  });

  it('backs up everything and restores only after the user confirms', async () => {
    const { actions, store } = await memoryActions();
    await mount(actions);
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Back up everything')!);
    const [name, file] = actions.download.mock.calls[0]! as [string, Blob];
    expect(name).toMatch(/^crossread-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.type).toBe('application/json');
    const text = await file.text();
    expect(status()).toBe('Backup of 3 notes downloaded.');

    actions.confirm.mockReturnValueOnce(false);
    await chooseFile('restore', new File(['[]'], 'backup.json'));
    expect(actions.confirm).toHaveBeenCalledWith(expect.stringContaining('Replace all 3 notes'));
    expect(actions.restore).not.toHaveBeenCalled();
    expect(await store()).toHaveLength(3);

    const one = JSON.parse(text);
    one.data.data[0].rows = one.data.data[0].rows.slice(0, 1);
    await chooseFile('restore', new File([JSON.stringify(one)], 'backup.json'));
    expect(status()).toBe('Restored 1 note from backup.json.');
    expect(shownIds()).toHaveLength(1);
  });
});

describe('LibraryView with many notes', { timeout: 30_000 }, () => {
  it('renders the first notes and more on request; search and exports still cover them all', async () => {
    const many = Array.from({ length: 250 }, (_, i) => note({ id: `m${i}`, quote: `quote ${i}`, createdAt: i }));
    const { actions } = await memoryActions(many);
    await mount(actions);
    expect(root.querySelectorAll('.note-item')).toHaveLength(100);
    expect(root.querySelector('.count')!.textContent).toContain('250 notes');
    await click(root.querySelector('.more')!);
    expect(root.querySelectorAll('.note-item')).toHaveLength(200);
    expect(root.querySelector('.more')!.textContent).toBe('Show 50 more (50 not shown)');
    await click(root.querySelector('.more')!);
    expect(root.querySelector('.more')).toBeNull();
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'CSV')!);
    expect((await (actions.download.mock.calls[0]![1] as Blob).text()).trim().split('\r\n')).toHaveLength(251);
    await typeIn(root.querySelector('input[type=search]')!, '249');
    expect(shownIds()).toEqual(['quote 249']);
  });
});

describe('issue 16 findings: the library', { timeout: 30_000 }, () => {
  it('shows and deletes a note stored with an impossible date or a non-web address, and exports still work', async () => {
    const broken = [
      { ...note({ id: 'inf', quote: 'infinite time' }), createdAt: Infinity },
      { ...note({ id: 'huge', quote: 'far future' }), createdAt: 1e300, placement: { found: false, checkedAt: Number.NaN } },
      { ...note({ id: 'js', quote: 'script address' }), url: 'javascript:alert(1)' },
    ] as Note[];
    const { actions, store, db } = await memoryActions(seed());
    await db.notes.bulkPut(broken); // as an older version could store them
    await mount(actions);
    expect(shownIds()).toEqual(expect.arrayContaining(['infinite time', 'far future', 'script address']));
    expect([...root.querySelectorAll('.note-item a')].some((a) => a.getAttribute('href')!.startsWith('javascript:'))).toBe(false);
    for (const label of ['CSV', 'Markdown', 'Web Annotation (JSON-LD)']) {
      await click([...root.querySelectorAll('button')].find((b) => b.textContent === label)!);
    }
    expect(actions.download).toHaveBeenCalledTimes(3);
    for (const quote of ['infinite time', 'far future', 'script address']) {
      const item = [...root.querySelectorAll('.note-item')].find((li) => li.textContent!.includes(quote))!;
      await click(item.querySelector('.delete')!);
    }
    expect((await store()).map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3']);
  });

  it('restores a backup larger than the import limit (any backup Crossread writes, it can restore)', async () => {
    const { actions } = await memoryActions();
    await mount(actions);
    const big = Array.from({ length: 2_700 }, (_, i) => note({ id: `b${String(i).padStart(4, '0')}`, quote: `quote ${i}`, comment: 'c'.repeat(19_990) }));
    // The file as Crossread's backup writer makes it, from chunks as the worker hands them out.
    const chunks = [big.slice(0, 1_000), big.slice(1_000, 2_000), big.slice(2_000)];
    const { file } = await writeBackup(async () => {
      const notes = chunks.shift()!;
      return { notes, done: chunks.length === 0, databaseName: 'crossread', databaseVersion: 4, notesSchema: 'id,url,createdAt' };
    });
    expect(file.size).toBeGreaterThan(MAX_IMPORT_BYTES);
    await chooseFile('restore', new File([file], 'backup.json'));
    for (let i = 0; i < 600 && !status().startsWith('Restored'); i++) await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(status()).toBe('Restored 2,700 notes from backup.json.');
  }, 120_000);
});
