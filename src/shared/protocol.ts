import * as v from 'valibot';
import { describeIssue } from './describe-issue';
import { ENTITY_TYPES } from './entity-types';
import type { KnowledgePack } from './knowledge';

/**
 * Crossread's message protocol: every call between content script, worker and pages is
 * declared here once, as a map per direction from method name to params and result schemas.
 * Receivers validate params at run time (`parseRequest`); callers validate results.
 * A message on the wire is `{ type: <method>, params?: <params> }`; the answer is the result
 * itself, and a failure rejects the sender's promise with the error's message.
 *
 * The worker answers two maps, by who sends (src/shared/sender.ts): `workerCalls` from
 * Crossread's own pages (popup, library, compare view), and `tabCalls` from its content
 * scripts, which act only for their own tab and page: the page's address comes from the
 * browser's record of the sender, never from the script.
 */
export interface CallSpec {
  params: v.GenericSchema;
  result: v.GenericSchema;
}
export type CallMap = Record<string, CallSpec>;

export const MAX_QUOTE = 5_000;
export const MAX_COMMENT = 20_000;
/** Longer page titles are cut (with an ellipsis) rather than refused. */
export const MAX_TITLE = 1_000;
/** The longest page address a note keeps (a longer one is refused: it keys the page's notes). */
export const MAX_URL = 16_384;
const MAX_ID = 500;
const MAX_CONTEXT = 200;

/**
 * The times a note may carry: 1970-01-01 to 2200-01-01. Wider values are no use to anyone and
 * break every conversion (`new Date(1e300).toISOString()` throws), so they are refused.
 */
export const MIN_TIME = 0;
export const MAX_TIME = Date.UTC(2200, 0, 1);
export const TimeSchema = v.pipe(v.number(), v.finite(), v.minValue(MIN_TIME, 'must not be before 1970'), v.maxValue(MAX_TIME, 'must be before 2200'));

/** Whether a time can be shown and exported (notes stored by older versions may hold others). */
export const isValidTime = (t: unknown): t is number => v.is(TimeSchema, t);

/**
 * Whether an address is a web page's (http or https): the only addresses Crossread links to.
 * A note imported with another (`javascript:`, `data:`, `file:`, `urn:`…) keeps it as text.
 */
export function isWebAddress(address: string): boolean {
  try {
    const { protocol } = new URL(address);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `s` cut to at most `max` UTF-16 units (`mark` included), never inside a surrogate pair,
 * keeping its start, or its end with `keep: 'end'`.
 */
export function truncate(s: string, max: number, keep: 'start' | 'end' = 'start', mark = ''): string {
  if (s.length <= max) return s;
  const room = max - mark.length;
  if (keep === 'end') {
    const cut = s.slice(s.length - room);
    return mark + (/^[\uDC00-\uDFFF]/.test(cut) ? cut.slice(1) : cut);
  }
  const cut = s.slice(0, room);
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut) + mark;
}

/** A web page's address (http or https). */
export const WebAddressSchema = v.pipe(v.string(), v.maxLength(MAX_URL), v.url(), v.check(isWebAddress, 'must be an http or https address'));

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
    /** Context longer than Crossread keeps (other tools may write more) is cut, keeping what is nearest the quote. */
    prefix: v.pipe(v.string(), v.transform((s) => truncate(s, MAX_CONTEXT, 'end'))),
    suffix: v.pipe(v.string(), v.transform((s) => truncate(s, MAX_CONTEXT))),
  }),
  position: v.optional(
    v.pipe(
      v.object({ start: v.pipe(v.number(), v.safeInteger(), v.minValue(0)), end: v.pipe(v.number(), v.safeInteger(), v.minValue(0)) }),
      v.check((p) => p.end >= p.start, 'a position must not end before it starts'),
    ),
  ),
});

/** A note as a content script drafts it: its page's address is added by the worker, from the sender. */
export const PageNoteDraftSchema = v.object({
  /** The page's title, cut at MAX_TITLE characters. */
  title: v.pipe(v.string(), v.transform((s) => truncate(s, MAX_TITLE, 'start', '…'))),
  quote: v.pipe(v.string(), v.maxLength(MAX_QUOTE)),
  comment: v.pipe(v.string(), v.maxLength(MAX_COMMENT)),
  entityIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_ID))), v.maxLength(500)),
  /** Notes stored before tags and colours existed read as untagged and yellow. */
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(60))), v.maxLength(20)), []),
  color: v.optional(v.picklist(NOTE_COLORS), 'yellow'),
  /** Absent on notes saved before selectors existed: their quote alone is searched for. */
  selector: v.optional(NoteSelectorSchema),
});

/** A draft with its page's address: what the worker stores as a new note. */
export const NoteDraftSchema = v.object({ url: WebAddressSchema, ...PageNoteDraftSchema.entries });

const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

/** A stored note. */
export const NoteSchema = v.object({
  ...NoteDraftSchema.entries,
  /**
   * The page's address: http(s) for every note Crossread saves. An imported note may carry
   * another address (a PDF's `urn:`, a `file:`), kept as text: never linked, and flagged.
   */
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL)),
  id: IdSchema,
  createdAt: TimeSchema,
  /** Whether the note's passage was found the last time its page was open (absent until then). */
  placement: v.optional(v.object({ found: v.boolean(), checkedAt: TimeSchema })),
  /**
   * Fields that held values no version of Crossread should have stored (an impossible date, a
   * field of the wrong type), reset so that the note can be shown, exported, edited and deleted.
   */
  repaired: v.optional(v.array(v.pipe(v.string(), v.maxLength(40)))),
});

/** What a user may change in a saved note. */
export const NoteEditSchema = v.object({
  id: v.string(),
  comment: NoteDraftSchema.entries.comment,
  tags: NoteDraftSchema.entries.tags,
  color: NoteDraftSchema.entries.color,
});

/**
 * Notes travel between the library and the worker in chunks of at most this many notes and
 * about CHUNK_CHARS characters of JSON: no message grows with the library (browsers cap a
 * message's size, 64 MiB in Chromium).
 */
export const CHUNK_NOTES = 2_000;
export const CHUNK_CHARS = 4 * 1024 * 1024;

const NoteChunkSchema = v.pipe(v.array(NoteSchema), v.maxLength(CHUNK_NOTES));
const TokenSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

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
  /** Why Crossread does no work on this page (src/content/skip-rule.ts); absent when it reads it. */
  skipped: v.optional(v.picklist(['editor', 'application', 'little-text'])),
  /** Main-thread milliseconds the content script spent loading the compiled matcher (views over its bytes). */
  matcherLoadMs: v.optional(v.number()),
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

/**
 * A knowledge pack as the worker sends it to Crossread's pages and content scripts: validated
 * against PackSchema once, when it was built or installed (src/background/packs-repo.ts), so
 * not again on every message.
 */
const TrustedPackSchema = v.custom<KnowledgePack>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'must be a pack');
const PackIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** One installed pack, as the options page lists it. */
export const PackSummarySchema = v.object({
  id: PackIdSchema,
  name: v.string(),
  /** `bundled`: shipped with Crossread; `imported`: a pack file; `built`: built in the browser from articles. */
  origin: v.picklist(['bundled', 'imported', 'built']),
  enabled: v.boolean(),
  installedAt: v.number(),
  story: v.string(),
  /** The sources' labels. */
  sources: v.array(v.string()),
  entityCount: v.number(),
  disagreementCount: v.number(),
});

/** The entities of the active packs, merged (src/shared/pack-set.ts): one id per person or body, and where each pack holds it. */
const EntityGroupSchema = v.object({
  id: v.string(),
  name: v.string(),
  type: v.picklist(ENTITY_TYPES),
  members: v.array(v.object({ packId: v.string(), entityId: v.string() })),
});

/** What a card shows for a marked entity: each active pack's facts about it, kept apart. */
export const EntityCardSchema = v.object({
  id: v.string(),
  name: v.string(),
  type: v.picklist(ENTITY_TYPES),
  parts: v.array(v.object({ packId: v.string(), packName: v.string(), entityId: v.string(), pack: TrustedPackSchema })),
});

/** Calls the worker answers from Crossread's own pages: the popup, the library, the compare view. */
export const workerCalls = {
  /** The notes saved on one page (by URL), newest first. */
  listNotes: { params: v.object({ url: v.pipe(v.string(), v.maxLength(MAX_URL)) }), result: v.array(NoteSchema) },
  /** Every note, newest first (the notes library). */
  listAllNotes: { params: Empty, result: v.array(NoteSchema) },
  /** Changes a note's comment, tags and colour; answers with the note as stored. */
  updateNote: { params: NoteEditSchema, result: NoteSchema },
  /**
   * One chunk of a backup: the notes whose id sorts after `after` (all, from the first, without
   * it), in id order. The library writes them into a dexie-export-import file as they come.
   */
  backupChunk: {
    params: v.object({ after: v.optional(IdSchema) }),
    result: v.object({ notes: NoteChunkSchema, done: v.boolean(), databaseName: v.string(), databaseVersion: v.number(), notesSchema: v.string() }),
  },
  /**
   * Starts staging an import or a restore: notes are added in chunks to tables of their own,
   * and only `commitStaging` touches the library, in one transaction. A new staging ends any
   * other one still open (its commit then fails, changing nothing).
   */
  beginStaging: { params: v.object({ kind: v.picklist(['import', 'restore']) }), result: v.object({ token: TokenSchema, databaseVersion: v.number() }) },
  /** Adds a chunk of notes to a staging; an id staged twice is refused. */
  stageNotes: { params: v.object({ token: TokenSchema, notes: NoteChunkSchema }), result: v.object({ staged: v.number() }) },
  /**
   * Puts what was staged into the library in one transaction: an import adds the notes whose
   * id is not stored yet; a restore replaces every note. Either all of it happens or nothing.
   */
  commitStaging: { params: v.object({ token: TokenSchema }), result: v.object({ added: v.number(), skipped: v.number(), notes: v.number() }) },
  /** Drops a staging (an import or restore that failed or was cancelled). */
  abortStaging: { params: v.object({ token: TokenSchema }), result: v.object({}) },
  /** Deletes one note; answers whether it existed. */
  deleteNote: { params: v.object({ id: v.pipe(v.string(), v.maxLength(MAX_ID)) }), result: v.object({ deleted: v.boolean() }) },
  /** Every installed pack (the bundled one first, then in the order installed). */
  listPacks: { params: Empty, result: v.array(PackSummarySchema) },
  /**
   * Installs a pack, enabled, after validating it against the pack schema (a pack that does not
   * validate is refused with its first problem; nothing changes). `name` may be empty: the
   * pack's story title is used.
   */
  installPack: { params: v.object({ name: v.pipe(v.string(), v.maxLength(1_000)), pack: v.unknown(), origin: v.picklist(['imported', 'built']) }), result: PackSummarySchema },
  /** Turns a pack on or off for every page (pages opened afterwards mark with the new set). */
  setPackEnabled: { params: v.object({ id: PackIdSchema, enabled: v.boolean() }), result: v.object({}) },
  /** Deletes an installed pack; the bundled one can only be turned off. */
  deletePack: { params: v.object({ id: PackIdSchema }), result: v.object({ deleted: v.boolean() }) },
  /** The enabled packs, whole, in their order, with their entities merged (popup, compare view, library). */
  getActivePacks: {
    params: Empty,
    result: v.object({ packs: v.array(v.object({ id: v.string(), name: v.string(), pack: TrustedPackSchema })), groups: v.array(EntityGroupSchema) }),
  },
} satisfies CallMap;

const IdListSchema = v.pipe(v.array(IdSchema), v.maxLength(10_000));

/**
 * Calls the worker answers from a content script, always for the sender's own tab and page
 * (the address the browser gives for the sender; anything a script says about it is ignored).
 */
export const tabCalls = {
  /** Stores a new note on the sender's page and answers with it as stored. */
  saveNote: { params: PageNoteDraftSchema, result: NoteSchema },
  /** The notes saved on the sender's page, newest first. */
  listNotes: { params: Empty, result: v.array(NoteSchema) },
  /** The sender found (or could not find) its page's notes; the library shows the orphans. */
  notesPlaced: { params: v.object({ found: IdListSchema, orphaned: IdListSchema }), result: v.object({}) },
  /** Opens the full comparison of one disagreement of the pack in a new tab. */
  openComparison: {
    params: v.object({ disagreementId: v.pipe(v.string(), v.maxLength(MAX_ID)), packId: v.optional(PackIdSchema) }),
    result: v.object({ opened: v.boolean() }),
  },
  /** The sender's count of distinct entities on its page, shown on the toolbar badge of its tab. */
  pageScanned: { params: v.object({ entityCount: v.pipe(v.number(), v.integer(), v.minValue(0)) }), result: v.object({}) },
  /** What the card of a marked entity shows, from every active pack that holds it; null for an entity no active pack holds. */
  getEntityCard: { params: v.object({ entityId: v.pipe(v.string(), v.maxLength(MAX_ID)) }), result: v.nullable(EntityCardSchema) },
} satisfies CallMap;

/** Calls a content script answers (sent with `tabs.sendMessage` to its tab). */
export const contentCalls = {
  /** What has been scanned and marked on the page. */
  getPageStats: { params: Empty, result: PageStatsSchema },
  /** Turns marking on or off for this page: off removes every mark (the page's DOM is never changed). */
  setMarking: { params: v.object({ enabled: v.boolean() }), result: PageStatsSchema },
  /**
   * The page's visible text as the reader sees it (`innerText`), at most MAX_PAGE_TEXT characters (settings.ts);
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
export type TabCalls = typeof tabCalls;
export type ContentCalls = typeof contentCalls;
export type NoteDraft = v.InferOutput<typeof NoteDraftSchema>;
export type NoteSelector = v.InferOutput<typeof NoteSelectorSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type NoteEdit = v.InferInput<typeof NoteEditSchema>;
export type PageStats = v.InferOutput<typeof PageStatsSchema>;
export type PageMark = v.InferOutput<typeof PageMarkSchema>;
export type PackSummary = v.InferOutput<typeof PackSummarySchema>;
export type EntityCard = v.InferOutput<typeof EntityCardSchema>;

export type Params<M extends CallMap, K extends keyof M> = v.InferInput<M[K]['params']>;
export type Result<M extends CallMap, K extends keyof M> = v.InferOutput<M[K]['result']>;

/** A content script's call: its tab, and its page's address as notes key it (from the browser, not the script). */
export interface TabContext {
  tabId: number;
  pageUrl: string;
}

/**
 * One handler per method of a call map, checked against it at compile time; `C` is what the
 * receiver knows of the sender (TabContext for content scripts' calls, nothing for pages').
 */
export type Handlers<M extends CallMap, C = undefined> = {
  [K in keyof M]: (params: v.InferOutput<M[K]['params']>, context: C) => Promise<Result<M, K>>;
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
export function dispatch<M extends CallMap, C = undefined>(
  calls: M,
  handlers: Handlers<M, C>,
  message: unknown,
  ...[context]: C extends undefined ? [] : [C]
): Promise<unknown> | undefined {
  let request;
  try {
    request = parseRequest(calls, message);
  } catch (err) {
    return Promise.reject(err);
  }
  if (!request) return undefined;
  const handler = handlers[request.type] as (params: unknown, context: C | undefined) => Promise<unknown>;
  return handler(request.params, context);
}
