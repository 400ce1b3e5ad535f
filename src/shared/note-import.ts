import * as v from 'valibot';
import { ReaderError } from './i18n';
import { describeIssue } from './describe-issue';
import { noteIdFromIri } from './note-export';
import { NOTE_COLORS, NoteSchema, type Note, type NoteColor, type NoteSelector } from './protocol';

/**
 * Reading notes written by other tools (and by Crossread's own export) into Crossread notes.
 * Pure: the library page reads the file and shows progress, the worker stores the result in one
 * transaction. A file is taken whole or not at all: the first problem rejects it, with a message
 * that says which annotation and why, so nothing already stored changes.
 */

/** At most this many annotations in one file. */
export const MAX_IMPORT_NOTES = 100_000;

/** Files above this size are refused before they are read (backups have no limit: they are read as a stream). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file that cannot be imported; the message says what was rejected and why. */
export class ImportError extends ReaderError {
  override name = 'ImportError';
}

export type ImportFormat = 'web-annotation' | 'hypothesis';

/** What a file holds, ready to store: its notes and what was left out on purpose. */
export interface ParsedImport {
  format: ImportFormat;
  notes: Note[];
  /** Hypothesis replies: they answer another annotation and quote nothing of the page. */
  repliesSkipped: number;
}

export interface ImportOptions {
  /** For annotations without a creation time. */
  now?: () => number;
  /** For annotations without an id. */
  newId?: () => string;
  /** Called every 500 annotations with how many are done; the conversion then yields so a page can paint it. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks a file's size before reading it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const [size, limit] = [bytes / 1024 / 1024, MAX_IMPORT_BYTES / 1024 / 1024];
    const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    throw new ImportError(`The file is ${size.toFixed(1)} MB; Crossread imports files up to ${limit} MB. Nothing was imported.`, 'importTooLarge', [[size, oneDecimal], limit]);
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const typesOf = (x: Json): unknown[] => asArray(x.type);

/** Reads an import file's text: a Web Annotation collection, page, list or single annotation, or a Hypothesis export. */
export async function parseNotesFile(text: string, options: ImportOptions = {}): Promise<ParsedImport> {
  // Every character is at least a byte: a text this long was a file over the limit (the page
  // checks the file's real size before reading it; this keeps other callers from encoding it).
  checkImportSize(text.length);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`The file is not JSON (${(err as Error).message}). Nothing was imported.`, 'importNotJson', [(err as Error).message]);
  }
  const found = locate(data);
  if (!found) {
    throw new ImportError(
      'The file is JSON but not annotations Crossread can read: expected a W3C Web Annotation collection (as Crossread exports) or a Hypothesis export with an "annotations" list. Nothing was imported.',
      'importNotAnnotations',
    );
  }
  if (found.items.length > MAX_IMPORT_NOTES) {
    throw new ImportError(
      `The file holds ${found.items.length.toLocaleString('en')} annotations; Crossread imports at most ${MAX_IMPORT_NOTES.toLocaleString('en')} at once. Nothing was imported.`,
      'importTooMany',
      [found.items.length, MAX_IMPORT_NOTES],
    );
  }
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const notes: Note[] = [];
  const seen = new Map<string, number>();
  let repliesSkipped = 0;
  for (const [index, item] of found.items.entries()) {
    if (index % 500 === 0 && options.onProgress) {
      options.onProgress(index, found.items.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const where = `Annotation ${index + 1} of ${found.items.length}`;
    if (!isObject(item)) throw new ImportError(`${where} is not an object. Nothing was imported.`, 'importNotObject', [index + 1, found.items.length]);
    if (found.format === 'hypothesis' && asArray(item.references).length > 0) {
      repliesSkipped++;
      continue;
    }
    let note: Note;
    try {
      note = found.format === 'hypothesis' ? fromHypothesis(item, now, newId) : fromWebAnnotation(item, now, newId);
    } catch (err) {
      // Why is the validator's own wording, technical: it stays as it is in every language.
      const why = (err as Error).message;
      throw typeof item.id === 'string'
        ? new ImportError(`${where} (${item.id}) was rejected: ${why}. Nothing was imported.`, 'importRejectedWithId', [index + 1, found.items.length, item.id, why])
        : new ImportError(`${where} was rejected: ${why}. Nothing was imported.`, 'importRejected', [index + 1, found.items.length, why]);
    }
    const first = seen.get(note.id);
    if (first !== undefined) {
      throw new ImportError(`Annotations ${first + 1} and ${index + 1} share the id ${String(item.id)}; ids must be unique. Nothing was imported.`, 'importSharedId', [first + 1, index + 1, String(item.id)]);
    }
    seen.set(note.id, index);
    notes.push(note);
  }
  options.onProgress?.(found.items.length, found.items.length);
  return { format: found.format, notes, repliesSkipped };
}

/** Finds the list of annotations in a parsed file, and its format. */
function locate(data: unknown): { format: ImportFormat; items: unknown[] } | undefined {
  if (Array.isArray(data)) {
    if (data.every((x) => isObject(x) && typesOf(x).includes('Annotation'))) return { format: 'web-annotation', items: data };
    return undefined;
  }
  if (!isObject(data)) return undefined;
  const types = typesOf(data);
  if (types.includes('Annotation')) return { format: 'web-annotation', items: [data] };
  if (types.includes('AnnotationPage')) return { format: 'web-annotation', items: asArray(data.items) };
  if (types.includes('AnnotationCollection')) {
    if (data.first === undefined) return { format: 'web-annotation', items: [] };
    if (!isObject(data.first)) return undefined; // a page by reference only: its annotations are not in the file
    const items: unknown[] = [];
    for (let page: unknown = data.first; isObject(page); page = page.next) items.push(...asArray(page.items));
    return { format: 'web-annotation', items };
  }
  // Hypothesis: the client's export ({ export_date, annotations }) or an API search answer ({ total, rows }).
  const list = Array.isArray(data.annotations) ? data.annotations : Array.isArray(data.rows) ? data.rows : undefined;
  if (list && list.every((x) => isObject(x) && typeof x.uri === 'string')) return { format: 'hypothesis', items: list };
  return undefined;
}

/** Validates a converted note with the schema the worker uses, in words a person can act on. */
function checked(note: unknown): Note {
  const parsed = v.safeParse(NoteSchema, note);
  if (!parsed.success) throw new Error(describeIssue(parsed.issues[0], 'note'));
  return parsed.output;
}

function timeOf(value: unknown, fallback: () => number): number {
  if (value === undefined) return fallback();
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new Error(`its time ${JSON.stringify(value)} is not a date`);
  return t;
}

/** Quote and position selectors from a selector list (other kinds are ignored: Crossread anchors on text). */
function selectorFrom(selectors: unknown[]): { quote: string; selector?: NoteSelector } {
  let quote: Json | undefined;
  let position: Json | undefined;
  for (const s of selectors) {
    if (!isObject(s)) continue;
    if (s.type === 'TextQuoteSelector') quote ??= s;
    if (s.type === 'TextPositionSelector') position ??= s;
  }
  if (!quote) return { quote: '' };
  const exact = quote.exact;
  if (typeof exact !== 'string') throw new Error('its TextQuoteSelector has no exact text');
  // A quote with no context and no position carries nothing beyond the quote itself.
  if (quote.prefix === undefined && quote.suffix === undefined && !position) return { quote: exact };
  const selector = {
    quote: { exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    ...(position ? { position: { start: position.start, end: position.end } } : {}),
  };
  return { quote: exact, selector: selector as NoteSelector };
}

/** One W3C Web Annotation as a note; Crossread's own fields come back from its `crossread` member. */
function fromWebAnnotation(a: Json, now: () => number, newId: () => string): Note {
  const target = asArray(a.target)[0];
  const source = typeof target === 'string' ? target : isObject(target) ? target.source ?? target.id : undefined;
  if (typeof source !== 'string') throw new Error('it has no target page address');
  const { quote, selector } = selectorFrom(isObject(target) ? asArray(target.selector) : []);
  const bodies = asArray(a.body).filter(isObject);
  const textual = (b: Json) => typesOf(b).includes('TextualBody') || typeof b.value === 'string';
  const comment = bodies
    .filter((b) => textual(b) && b.purpose !== 'tagging')
    .map((b) => String(b.value))
    .join('\n\n');
  const tags = bodies.filter((b) => textual(b) && b.purpose === 'tagging').map((b) => String(b.value));
  const own = isObject(a.crossread) ? a.crossread : {};
  return checked({
    id: typeof a.id === 'string' ? noteIdFromIri(a.id) : newId(),
    url: source,
    title: typeof own.title === 'string' ? own.title : '',
    quote,
    comment,
    entityIds: Array.isArray(own.entityIds) ? own.entityIds : [],
    tags,
    color: NOTE_COLORS.includes(own.color as NoteColor) ? own.color : NOTE_COLORS[0],
    ...(selector ? { selector } : {}),
    ...(own.placement !== undefined ? { placement: own.placement } : {}),
    createdAt: timeOf(a.created, now),
  });
}

/** One annotation of a Hypothesis export as a note. */
function fromHypothesis(a: Json, now: () => number, newId: () => string): Note {
  const target = asArray(a.target).find(isObject);
  const { quote, selector } = selectorFrom(target ? asArray(target.selector) : []);
  const title = isObject(a.document) ? asArray(a.document.title).find((t) => typeof t === 'string') : undefined;
  return checked({
    id: typeof a.id === 'string' && a.id ? `hypothesis:${a.id}` : newId(),
    url: a.uri,
    title: title ?? '',
    quote,
    comment: typeof a.text === 'string' ? a.text : '',
    entityIds: [],
    tags: asArray(a.tags).filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()),
    color: NOTE_COLORS[0],
    ...(selector ? { selector } : {}),
    createdAt: timeOf(a.created, now),
  });
}
