import * as v from 'valibot';
import { describeIssue } from './describe-issue';

/**
 * Crossread's message protocol: every call between content script, worker and pages is
 * declared here once, as a map per direction from method name to params and result schemas.
 * Receivers validate params at run time (`parseRequest`); callers validate results.
 * A message on the wire is `{ type: <method>, params?: <params> }`; the answer is the result
 * itself, and a failure rejects the sender's promise with the error's message.
 */
export interface CallSpec {
  params: v.GenericSchema;
  result: v.GenericSchema;
}
export type CallMap = Record<string, CallSpec>;

const MAX_QUOTE = 5_000;
const MAX_COMMENT = 20_000;

/** The colours a note can have; the first is the default. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/** Tags as typed: "a, b ,, a" → ["a", "b"] (trimmed, no empties, no repeats, at most 20). */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((t) => t.trim()).filter((t) => t.length > 0))].slice(0, 20);
}

/**
 * Where a note's quote sits in its page, as W3C Web Annotation selectors: a
 * TextQuoteSelector (exact, with some text before and after) and a TextPositionSelector
 * (offsets in the page's text content). Re-anchoring uses both (src/shared/text-anchor.ts).
 */
export const NoteSelectorSchema = v.object({
  quote: v.object({
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
    prefix: v.pipe(v.string(), v.maxLength(200)),
    suffix: v.pipe(v.string(), v.maxLength(200)),
  }),
  position: v.optional(
    v.pipe(
      v.object({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      v.check((p) => p.end >= p.start, 'a position must not end before it starts'),
    ),
  ),
});

/** A note as the content script drafts it. */
export const NoteDraftSchema = v.object({
  url: v.pipe(v.string(), v.url()),
  title: v.pipe(v.string(), v.maxLength(1_000)),
  quote: v.pipe(v.string(), v.maxLength(MAX_QUOTE)),
  comment: v.pipe(v.string(), v.maxLength(MAX_COMMENT)),
  entityIds: v.array(v.string()),
  /** Notes stored before tags and colours existed read as untagged and yellow. */
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(60))), v.maxLength(20)), []),
  color: v.optional(v.picklist(NOTE_COLORS), 'yellow'),
  /** Absent on notes saved before selectors existed: their quote alone is searched for. */
  selector: v.optional(NoteSelectorSchema),
});

/** A stored note. */
export const NoteSchema = v.object({
  ...NoteDraftSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  createdAt: v.number(),
  /** Whether the note's passage was found the last time its page was open (absent until then). */
  placement: v.optional(v.object({ found: v.boolean(), checkedAt: v.number() })),
});

/** What a user may change in a saved note. */
export const NoteEditSchema = v.object({
  id: v.string(),
  comment: NoteDraftSchema.entries.comment,
  tags: NoteDraftSchema.entries.tags,
  color: NoteDraftSchema.entries.color,
});

/** The most page text the popup analyses (a longer page is cut, and the popup says so). */
export const MAX_PAGE_TEXT = 2_000_000;

/** At most this many notes in one import or restore. */
export const MAX_IMPORT_NOTES = 100_000;

/** What the content script has found and done on its page. */
export const PageStatsSchema = v.object({
  url: v.string(),
  title: v.string(),
  /** Whether Crossread marks this page now (it can be turned off for the page). */
  enabled: v.boolean(),
  /** Marks in the page now (a name split over several elements counts once). */
  markCount: v.number(),
  /** Distinct entity ids marked. */
  entityIds: v.array(v.string()),
  /** Marks per entity id. */
  entityCounts: v.record(v.string(), v.number()),
  /** Characters of visible text scanned, over all passes. */
  textChars: v.number(),
  /** Main-thread milliseconds spent collecting text, matching and highlighting, over all passes. */
  scanMs: v.number(),
  /** Scan passes so far (the first scan plus one per batch of added content). */
  passes: v.number(),
  /** Passes that failed (each is reported in the page's console; later passes still run). */
  failedPasses: v.optional(v.number()),
  /** Ids of this page's notes placed on it again (highlighted). */
  notesAnchored: v.optional(v.array(v.string()), []),
  /** Ids of this page's notes whose passage is no longer on the page. */
  notesOrphaned: v.optional(v.array(v.string()), []),
});

/** One mark of the page, as `getPageMarks` answers it. */
export const PageMarkSchema = v.object({
  entity: v.string(),
  text: v.string(),
  /** Offsets into the root's `textContent`. */
  start: v.number(),
  end: v.number(),
});

const Empty = v.optional(v.object({}));

/** Calls the background service worker answers (sent with `runtime.sendMessage`). */
export const workerCalls = {
  /** Stores a new note and answers with it as stored. */
  saveNote: { params: NoteDraftSchema, result: NoteSchema },
  /** The notes saved on one page (by URL), newest first. */
  listNotes: { params: v.object({ url: v.string() }), result: v.array(NoteSchema) },
  /** Every note, newest first (the notes library). */
  listAllNotes: { params: Empty, result: v.array(NoteSchema) },
  /** Changes a note's comment, tags and colour; answers with the note as stored. */
  updateNote: { params: NoteEditSchema, result: NoteSchema },
  /**
   * Adds notes as they are (ids and times kept; an import or an undone delete), all in one
   * transaction. Notes whose id is already stored are left as stored and counted as skipped.
   */
  importNotes: {
    params: v.object({ notes: v.pipe(v.array(NoteSchema), v.maxLength(MAX_IMPORT_NOTES)) }),
    result: v.object({ added: v.number(), skipped: v.number() }),
  },
  /** The whole database as a dexie-export-import backup (JSON text). */
  exportBackup: { params: Empty, result: v.object({ text: v.string(), notes: v.number() }) },
  /** Replaces the whole database with a backup, after checking every row; a bad backup changes nothing. */
  restoreBackup: { params: v.object({ text: v.string() }), result: v.object({ notes: v.number() }) },
  /** A content script found (or could not find) its page's notes; the library shows the orphans. */
  notesPlaced: {
    params: v.object({ url: v.string(), found: v.array(v.string()), orphaned: v.array(v.string()) }),
    result: v.object({}),
  },
  /** Deletes one note; answers whether it existed. */
  deleteNote: { params: v.object({ id: v.string() }), result: v.object({ deleted: v.boolean() }) },
  /** Opens the full comparison of one disagreement of the pack in a new tab. */
  openComparison: { params: v.object({ disagreementId: v.string() }), result: v.object({ opened: v.boolean() }) },
  /** A content script's count of distinct entities on its page, shown on the toolbar badge of the sender's tab. */
  pageScanned: { params: v.object({ entityCount: v.pipe(v.number(), v.integer(), v.minValue(0)) }), result: v.object({}) },
} satisfies CallMap;

/** Calls a content script answers (sent with `tabs.sendMessage` to its tab). */
export const contentCalls = {
  /** What has been scanned and marked on the page. */
  getPageStats: { params: Empty, result: PageStatsSchema },
  /** Turns marking on or off for this page: off removes every mark (the page's DOM is never changed). */
  setMarking: { params: v.object({ enabled: v.boolean() }), result: PageStatsSchema },
  /**
   * The page's visible text as the reader sees it (`innerText`), at most MAX_PAGE_TEXT characters;
   * the popup compares it with the corpus (src/shared/page-analysis.ts).
   */
  getPageText: { params: Empty, result: v.object({ text: v.string(), truncated: v.boolean() }) },
  /**
   * The marks in the text under `root` (a CSS selector; the body by default), in reading order:
   * each mark's entity, its text, and its offsets into `root.textContent` (for tests and tools).
   */
  getPageMarks: {
    params: v.optional(v.object({ root: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1_000))) })),
    result: v.object({ marks: v.array(PageMarkSchema) }),
  },
  /** Opens the note card for the passage selected in the page (the context menu's "Save to Crossread"). */
  noteSelection: { params: Empty, result: v.object({ opened: v.boolean() }) },
} satisfies CallMap;

export type WorkerCalls = typeof workerCalls;
export type ContentCalls = typeof contentCalls;
export type NoteDraft = v.InferOutput<typeof NoteDraftSchema>;
export type NoteSelector = v.InferOutput<typeof NoteSelectorSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type NoteEdit = v.InferInput<typeof NoteEditSchema>;
export type PageStats = v.InferOutput<typeof PageStatsSchema>;
export type PageMark = v.InferOutput<typeof PageMarkSchema>;

export type Params<M extends CallMap, K extends keyof M> = v.InferInput<M[K]['params']>;
export type Result<M extends CallMap, K extends keyof M> = v.InferOutput<M[K]['result']>;

/** Who sent a call, as far as a handler may need it. */
export interface CallContext {
  /** The sender's tab, for calls from content scripts. */
  tabId?: number;
}

/** One handler per method of a call map, checked against it at compile time. */
export type Handlers<M extends CallMap> = {
  [K in keyof M]: (params: v.InferOutput<M[K]['params']>, context: CallContext) => Promise<Result<M, K>>;
};

/** A message that names a method of the map but whose params do not fit its schema. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/**
 * Reads a raw message as a call of `calls`. Answers `undefined` when the message is not a
 * call of this map (so another listener may answer it); throws ProtocolError when it is one
 * but its params are invalid.
 */
export function parseRequest<M extends CallMap>(
  calls: M,
  message: unknown,
): { type: keyof M & string; params: unknown } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, params } = message as { type?: unknown; params?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(calls, type)) return undefined;
  const parsed = v.safeParse(calls[type]!.params, params);
  if (!parsed.success) throw new ProtocolError(`${type}: invalid ${describeIssue(parsed.issues[0], 'params')}`);
  return { type, params: parsed.output };
}

/** Validates a call's result against its schema (callers use it on every answer). */
export function parseResult<M extends CallMap, K extends keyof M>(calls: M, type: K, result: unknown): Result<M, K> {
  const parsed = v.safeParse(calls[type]!.result, result);
  if (!parsed.success) throw new ProtocolError(`${String(type)}: unexpected answer: ${parsed.issues[0].message}`);
  return parsed.output as Result<M, K>;
}

/** Dispatches a raw message to its handler; `undefined` when the message is not for this map. */
export function dispatch<M extends CallMap>(calls: M, handlers: Handlers<M>, message: unknown, context: CallContext = {}): Promise<unknown> | undefined {
  let request;
  try {
    request = parseRequest(calls, message);
  } catch (err) {
    return Promise.reject(err);
  }
  if (!request) return undefined;
  const handler = handlers[request.type] as (params: unknown, context: CallContext) => Promise<unknown>;
  return handler(request.params, context);
}
