import * as v from 'valibot';
import { MAX_COMMENT, MAX_QUOTE, MAX_TITLE, MAX_URL, MIN_TIME, NOTE_COLORS, NoteSchema, truncate, type Note } from './protocol';

/**
 * Notes as read back from storage. Older versions accepted values today's schema refuses
 * (a time of 1e300, a `javascript:` address); such a note must still show, export, edit and
 * delete, so each field that fails the schema is reset to a harmless value and named in
 * `repaired`, which the library shows.
 */

type Row = Record<string, unknown>;
const text = (max: number) => (row: Row, key: string) => (typeof row[key] === 'string' ? truncate(row[key], max) : '');

/** What a field that fails the schema becomes; `undefined` drops an optional field. */
const RESETS: Partial<Record<keyof Note, (row: Row, key: string) => unknown>> = {
  url: (row) => (typeof row.url === 'string' && row.url !== '' ? truncate(row.url, MAX_URL) : 'about:blank'),
  title: text(MAX_TITLE),
  quote: text(MAX_QUOTE),
  comment: text(MAX_COMMENT),
  entityIds: () => [],
  tags: () => [],
  color: () => NOTE_COLORS[0],
  createdAt: () => MIN_TIME,
};

/** A stored row as a valid note (fields reset and named in `repaired` where needed); `undefined` if its id is unusable. */
export function readStoredNote(row: unknown): Note | undefined {
  const parsed = v.safeParse(NoteSchema, row);
  if (parsed.success) return parsed.output;
  if (typeof row !== 'object' || row === null) return undefined;
  const raw = row as Row;
  const note: Row = {};
  const repaired = new Set<string>();
  for (const [key, schema] of Object.entries(NoteSchema.entries)) {
    const field = v.safeParse(schema, raw[key]);
    if (field.success) {
      if (field.output !== undefined) note[key] = field.output;
      continue;
    }
    if (key === 'repaired') continue;
    repaired.add(key);
    const reset = RESETS[key as keyof Note]?.(raw, key);
    if (reset !== undefined) note[key] = reset;
  }
  note.repaired = [...new Set([...((note.repaired as string[] | undefined) ?? []), ...repaired])];
  const fixed = v.safeParse(NoteSchema, note);
  return fixed.success ? fixed.output : undefined;
}
