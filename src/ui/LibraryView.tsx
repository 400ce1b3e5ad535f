import { useEffect, useMemo, useState } from 'preact/hooks';
import { toAnnotationCollection, toCsv, toMarkdown } from '../shared/note-export';
import type { Note } from '../shared/protocol';

/** What the notes library needs; tests pass a mock, the page the worker calls. */
export interface LibraryActions {
  listAll(): Promise<Note[]>;
  /** Offers a file to the user (the page makes a download). */
  download(name: string, type: string, text: string): void;
}

/** The export formats: what the button says, the file's extension and type, and the writer. */
const EXPORTS: { label: string; extension: string; type: string; write(notes: Note[]): string }[] = [
  { label: 'Web Annotation (JSON-LD)', extension: 'jsonld', type: 'application/ld+json', write: (n) => JSON.stringify(toAnnotationCollection(n), null, 2) },
  { label: 'CSV', extension: 'csv', type: 'text/csv;charset=utf-8', write: toCsv },
  { label: 'Markdown', extension: 'md', type: 'text/markdown;charset=utf-8', write: toMarkdown },
];

/** True when every word of the query is in the note's quote, comment, tags, title or address. */
function matches(note: Note, query: string): boolean {
  const hay = [note.quote, note.comment, note.title, note.url, ...note.tags].join('\n').toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** The notes library (a full tab): every note, full-text search, and export in standard formats. */
export function LibraryView({ actions }: { actions: LibraryActions }) {
  const [notes, setNotes] = useState<Note[] | undefined>();
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    actions.listAll().then(setNotes, (err: unknown) => setError(`Could not read the notes: ${String(err)}`));
  }, [actions]);
  const shown = useMemo(() => (notes ?? []).filter((n) => matches(n, query)), [notes, query]);
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <main class="page library">
      <h1>Your notes</h1>
      {error && <p role="alert">{error}</p>}
      {!notes && !error && <p role="status">Loading…</p>}
      {notes && (
        <>
          <div class="toolbar">
            <label>
              Search <input type="search" value={query} placeholder="quote, comment, tag, site" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <span role="status" class="muted">
              {shown.length === notes.length ? `${notes.length} notes` : `${shown.length} of ${notes.length} notes`}
            </span>
          </div>
          <p class="exports">
            Export {shown.length === notes.length ? 'all' : 'these'}:{' '}
            {EXPORTS.map((f) => (
              <button key={f.label} type="button" onClick={() => actions.download(`crossread-notes-${stamp}.${f.extension}`, f.type, f.write(shown))}>
                {f.label}
              </button>
            ))}
          </p>
          {notes.length === 0 ? (
            <p class="muted">No notes yet. Hover a marked name, or select a passage and press Alt+Shift+S.</p>
          ) : (
            <ul class="library-notes">
              {shown.map((n) => (
                <li key={n.id} class="note-item" data-color={n.color}>
                  <blockquote>{n.quote}</blockquote>
                  {n.comment && <p class="comment">{n.comment}</p>}
                  <p class="muted">
                    <a href={n.url}>{n.title || n.url}</a> · <time dateTime={new Date(n.createdAt).toISOString()}>{new Date(n.createdAt).toLocaleString()}</time>
                    {n.tags.length > 0 && ` · ${n.tags.map((t) => `#${t}`).join(' ')}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
