import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { toAnnotationCollection, toCsv, toMarkdown } from '../shared/note-export';
import { checkImportSize, parseNotesFile } from '../shared/note-import';
import type { TransferProgress } from '../shared/note-transfer';
import { siteOf } from '../shared/settings';
import { errorText, type MessageKey } from '../shared/i18n';
import { isValidTime, isWebAddress, type Note, type NoteEdit } from '../shared/protocol';
import { NoteForm } from './NoteForm';
import { NoteTime } from './NoteTime';
import { useTranslator } from './use-translator';

/** What the notes library needs; tests pass a mock or the real transfers, the page the worker calls. */
export interface LibraryActions {
  listAll(): Promise<Note[]>;
  update(edit: NoteEdit): Promise<Note>;
  remove(id: string): Promise<void>;
  /** Adds notes as they are (an import, or an undone delete): all of them or, on failure, none. */
  importNotes(notes: Note[], onProgress?: TransferProgress): Promise<{ added: number; skipped: number }>;
  /** The whole library as a backup file. */
  backup(onProgress?: TransferProgress): Promise<{ file: Blob; notes: number }>;
  /** Replaces the library with a backup file's notes: all of them or, on failure, nothing changes. */
  restore(file: Blob, onProgress?: TransferProgress): Promise<{ notes: number }>;
  /** Offers a file to the user (the page makes a download). */
  download(name: string, file: Blob): void;
  /** Asks the user to confirm something that replaces data. */
  confirm(message: string): boolean;
}

/** The export formats: what the button says, the file's extension and type, and the writer. */
const EXPORTS: { label: MessageKey; extension: string; type: string; write(notes: Note[]): string }[] = [
  { label: 'formatWebAnnotation', extension: 'jsonld', type: 'application/ld+json', write: (n) => JSON.stringify(toAnnotationCollection(n), null, 2) },
  { label: 'formatCsv', extension: 'csv', type: 'text/csv;charset=utf-8', write: toCsv },
  { label: 'formatMarkdown', extension: 'md', type: 'text/markdown;charset=utf-8', write: toMarkdown },
];

interface LibraryFilters {
  query: string;
  site: string;
  entity: string;
  tag: string;
  /** Dates as `yyyy-mm-dd` (the date input's value), inclusive, in local time; empty for open. */
  from: string;
  to: string;
  orphansOnly: boolean;
}
/** Notes rendered at first and per "Show more": a library of thousands stays quick to open and to filter. */
const LIBRARY_PAGE_SIZE = 100;
const NO_FILTERS: LibraryFilters = { query: '', site: '', entity: '', tag: '', from: '', to: '', orphansOnly: false };

const localDay = (t: number) => {
  if (!isValidTime(t)) return '';
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** True when every word of the query is in the note's quote, comment, tags, title or address, and every filter holds. */
function matchesFilters(note: Note, f: LibraryFilters): boolean {
  if (f.site && siteOf(note.url) !== f.site) return false;
  if (f.entity && !note.entityIds.includes(f.entity)) return false;
  if (f.tag && !note.tags.includes(f.tag)) return false;
  if (f.orphansOnly && note.placement?.found !== false) return false;
  if (f.from || f.to) {
    const day = localDay(note.createdAt);
    if ((f.from && day < f.from) || (f.to && day > f.to)) return false;
  }
  const hay = [note.quote, note.comment, note.title, note.url, ...note.tags].join('\n').toLocaleLowerCase();
  return f.query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Distinct values with how many notes have each, most frequent first. */
function counted(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

type Task = { label: string; done?: number; total?: number };
type Message = { kind: 'ok' | 'error'; text: string; undo?: Note };

/**
 * The notes library (a full tab): every note with search and filters, edit, delete with undo,
 * export in standard formats, imports, and a whole-database backup and restore.
 */
export function LibraryView({ actions, entityName = (id) => id }: { actions: LibraryActions; entityName?: (id: string) => string }) {
  const [notes, setNotes] = useState<Note[] | undefined>();
  const [loadError, setLoadError] = useState('');
  const [filters, setFilters] = useState(NO_FILTERS);
  const [limit, setLimit] = useState(LIBRARY_PAGE_SIZE);
  const [editing, setEditing] = useState<string | undefined>();
  const [task, setTask] = useState<Task | undefined>();
  const [message, setMessage] = useState<Message | undefined>();
  const t = useTranslator();

  const reload = useCallback(
    () => actions.listAll().then(setNotes, (err: unknown) => setLoadError(t('notesUnreadable', errorText(err, t)))),
    [actions, t],
  );
  useEffect(() => void reload(), [reload]);

  const all = notes ?? [];
  const shown = useMemo(() => all.filter((n) => matchesFilters(n, filters)), [all, filters]);
  const sites = useMemo(() => counted(all.map((n) => siteOf(n.url))), [all]);
  const entities = useMemo(() => counted(all.flatMap((n) => n.entityIds)), [all]);
  const tags = useMemo(() => counted(all.flatMap((n) => n.tags)), [all]);
  const orphans = all.filter((n) => n.placement?.found === false).length;
  const stamp = new Date().toISOString().slice(0, 10);
  const set = (patch: Partial<LibraryFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(LIBRARY_PAGE_SIZE);
  };

  /** Runs one long job at a time, with its progress and its outcome in the status line. */
  const run = async (label: string, job: (progress: (t: Task) => void) => Promise<string | Omit<Message, 'kind'>>) => {
    setMessage(undefined);
    setTask({ label });
    try {
      const outcome = await job(setTask);
      setMessage({ kind: 'ok', ...(typeof outcome === 'string' ? { text: outcome } : outcome) });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    } finally {
      setTask(undefined);
      await reload();
    }
  };

  const importFile = (file: File) =>
    run(t('readingFile', file.name), async (progress) => {
      checkImportSize(file.size);
      const parsed = await parseNotesFile(await file.text(), { onProgress: (done, total) => progress({ label: t('checkingAnnotations'), done, total }) });
      progress({ label: t.plural('savingNotes', parsed.notes.length) });
      const { added, skipped } = await actions.importNotes(parsed.notes, (done, total) => progress({ label: t('saving'), done, total }));
      const notWeb = parsed.notes.filter((n) => !isWebAddress(n.url)).length;
      const extra = [
        skipped > 0 && t.plural('importSkipped', skipped),
        parsed.repliesSkipped > 0 && t.plural('importRepliesSkipped', parsed.repliesSkipped),
        notWeb > 0 && t.plural('importNotWeb', notWeb),
      ].filter((x): x is string => typeof x === 'string');
      const imported = t.plural(parsed.format === 'hypothesis' ? 'importedFromHypothesis' : 'importedFromWebAnnotations', added);
      return extra.length > 0 ? t('importedWithDetails', imported, extra.join(t('listSeparator'))) : t('importedPlain', imported);
    });

  const restoreFile = (file: File) => {
    const replaces = t.plural('confirmRestore', all.length, file.name);
    if (all.length > 0 && !actions.confirm(replaces)) return;
    void run(t('restoringFile', file.name), async (progress) => {
      const { notes: restored } = await actions.restore(file, (done, total) => progress({ label: t('restoringFile', file.name), done, total }));
      return t.plural('restored', restored, file.name);
    });
  };

  const backup = () =>
    run(t('preparingBackup'), async (progress) => {
      const { file, notes: count } = await actions.backup((done) => progress({ label: t.plural('preparingBackupCount', done) }));
      actions.download(`crossread-backup-${stamp}.json`, file);
      return t.plural('backupDone', count);
    });

  const remove = (note: Note) =>
    run(t('deleting'), async () => {
      await actions.remove(note.id);
      return { text: t('deletedNote', note.title || note.url), undo: note };
    });

  const undo = (note: Note) =>
    run(t('restoringNote'), async () => {
      await actions.importNotes([note]);
      return t('noteIsBack');
    });

  const fileInput = (label: string, name: string, onFile: (file: File) => unknown) => (
    <label class="file">
      {label}
      <input
        type="file"
        name={name}
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={task !== undefined}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) void onFile(file);
        }}
      />
    </label>
  );

  return (
    <main class="page library">
      <h1>{t('libraryTitle')}</h1>
      {loadError && <p role="alert">{loadError}</p>}
      {!notes && !loadError && <p role="status">{t('loading')}</p>}
      {notes && (
        <>
          <section class="toolbar" aria-label={t('filters')}>
            <label>
              {t('search')} <input type="search" value={filters.query} placeholder={t('searchPlaceholder')} onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <Select label={t('site')} value={filters.site} options={sites} onChange={(site) => set({ site })} />
            <Select label={t('entity')} value={filters.entity} options={entities} name={entityName} onChange={(entity) => set({ entity })} />
            <Select label={t('tag')} value={filters.tag} options={tags} name={(t) => `#${t}`} onChange={(tag) => set({ tag })} />
            <label>
              {t('dateFrom')} <input type="date" value={filters.from} onInput={(e) => set({ from: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label>
              {t('dateTo')} <input type="date" value={filters.to} onInput={(e) => set({ to: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label class="inline">
              <input type="checkbox" checked={filters.orphansOnly} onChange={(e) => set({ orphansOnly: (e.currentTarget as HTMLInputElement).checked })} /> {t('onlyOrphans', orphans)}
            </label>
            {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) && (
              <button type="button" class="link" onClick={() => set(NO_FILTERS)}>
                {t('clearFilters')}
              </button>
            )}
          </section>
          <p class="count muted" aria-live="polite">
            {shown.length === all.length ? t.plural('noteCount', all.length) : t.plural('shownOfNotes', all.length, shown.length)} · {t.plural('siteCount', sites.length)} · {t.plural('tagCount', tags.length)}
          </p>
          <section class="exports" aria-label={t('exportsLabel')}>
            <div class="group">
              <h2>{shown.length === all.length ? t('exportAll') : t('exportThese', shown.length)}</h2>
              {EXPORTS.map((f) => (
                <button key={f.label} type="button" onClick={() => actions.download(`crossread-notes-${stamp}.${f.extension}`, new Blob([f.write(shown)], { type: f.type }))}>
                  {t(f.label)}
                </button>
              ))}
            </div>
            <div class="group">
              <h2>{t('importHeading')}</h2>
              {fileInput(t('importLabel'), 'import', importFile)}
            </div>
            <div class="group">
              <h2>{t('backupHeading')}</h2>
              <button type="button" onClick={() => void backup()} disabled={task !== undefined}>
                {t('backUpEverything')}
              </button>
              {fileInput(t('restoreBackup'), 'restore', restoreFile)}
            </div>
          </section>
          <div class="task" role="status">
            {task && (
              <>
                {task.label} <progress max={task.total} value={task.done} />
                {task.total !== undefined && ` ${t('doneOfTotal', task.done ?? 0, task.total)}`}
              </>
            )}
            {message && (
              <span class={`status ${message.kind}`}>
                {message.text}{' '}
                {message.undo && (
                  <button type="button" class="link undo" onClick={() => void undo(message.undo!)}>
                    {t('undo')}
                  </button>
                )}
              </span>
            )}
          </div>
          {all.length === 0 ? (
            <p class="muted">{t('noNotesYet')}</p>
          ) : (
            <ul class="library-notes">
              {shown.slice(0, limit).map((n) => (
                <li key={n.id} class={`note-item${n.placement?.found === false ? ' orphan' : ''}`} data-color={n.color}>
                  {n.quote && <blockquote>{n.quote}</blockquote>}
                  {editing === n.id ? (
                    <NoteForm
                      quote={n.quote}
                      initial={n}
                      onSave={async (fields) => {
                        await actions.update({ id: n.id, ...fields });
                        setEditing(undefined);
                        await reload();
                      }}
                    />
                  ) : (
                    n.comment && <p class="comment">{n.comment}</p>
                  )}
                  {n.placement?.found === false && (
                    <p class="orphan-note">{t('orphanSince', t.date(n.placement.checkedAt))}</p>
                  )}
                  {n.repaired && n.repaired.length > 0 && (
                    <p class="repaired-note">{t('repairedNote', n.repaired.join(', '))}</p>
                  )}
                  <p class="muted">
                    {isWebAddress(n.url) ? (
                      <a href={n.url}>{n.title || n.url}</a>
                    ) : (
                      <span class="not-web" title={t('notWebTitle')}>
                        {n.title ? `${n.title} · ` : ''}
                        {t('notWebAddress', n.url)}
                      </span>
                    )}{' '}
                    · <NoteTime time={n.createdAt} />
                    {n.tags.length > 0 && ` · ${n.tags.map((t) => `#${t}`).join(' ')}`}
                    {n.entityIds.length > 0 && ` · ${n.entityIds.map(entityName).join(', ')}`}
                  </p>
                  <p class="note-actions">
                    <button type="button" class="link" onClick={() => setEditing(editing === n.id ? undefined : n.id)}>
                      {editing === n.id ? t('cancel') : t('edit')}
                    </button>
                    <button type="button" class="link delete" onClick={() => void remove(n)} disabled={task !== undefined}>
                      {t('delete')}
                    </button>
                  </p>
                </li>
              ))}
            </ul>
          )}
          {shown.length > limit && (
            <button type="button" class="more" onClick={() => setLimit((l) => l + LIBRARY_PAGE_SIZE)}>
              {t('showMore', Math.min(LIBRARY_PAGE_SIZE, shown.length - limit), shown.length - limit)}
            </button>
          )}
        </>
      )}
    </main>
  );
}

/** A filter select: "All" plus each value with its count. */
function Select({ label, value, options, name = (v) => v, onChange }: { label: string; value: string; options: [string, number][]; name?: (value: string) => string; onChange(value: string): void }) {
  const t = useTranslator();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('all')}</option>
        {options.map(([v, n]) => (
          <option key={v} value={v}>
            {name(v)} ({t.number(n)})
          </option>
        ))}
      </select>
    </label>
  );
}
