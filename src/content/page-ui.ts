import { parseResult, tabCalls, type Note, type Params, type Result, type TabCalls } from '../shared/protocol';
import { sendRaw } from '../platform/extension-lite';
import type { Highlighter } from './highlighter';
import { NoteAnchors } from './note-anchors';
import { installTooltips, type TooltipActions, type Tooltips } from './tooltips';
import { UiHost } from './ui-host';

/**
 * Crossread's UI on a page, loaded on first use (the first mark, a saved note, a note on a
 * selection): its one element, hover and keyboard for the cards, and the drawn notes. A page
 * without names or notes never loads this module (README "Start-up cost"); the card's view
 * itself loads later still, when a card first opens.
 */
export interface PageUi {
  host: UiHost;
  tooltips: Tooltips;
  notes: NoteAnchors;
}

/** Calls a method of the worker for this tab and page, and validates its answer. */
export async function callWorker<K extends keyof TabCalls>(type: K, params: Params<TabCalls, K>): Promise<Result<TabCalls, K>> {
  return parseResult(tabCalls, type, await sendRaw({ type, params }));
}

/** The page's notes from a raw `listNotes` answer, validated. */
export function parseNotes(answer: unknown): Note[] {
  return parseResult(tabCalls, 'listNotes', answer);
}

/**
 * Builds the UI. Without `actions`, the card's buttons call the worker: a saved note is
 * placed on the page at once.
 */
export function createPageUi(doc: Document, marks: Highlighter, actions: TooltipActions | undefined, signal: AbortSignal): PageUi {
  const host = new UiHost(doc, signal);
  const notes = new NoteAnchors(doc, host, signal);
  const worker: TooltipActions = actions ?? {
    saveNote: async (draft) => notes.add(await callWorker('saveNote', { title: doc.title, ...draft })),
    openComparison: async (disagreementId, packId) => void (await callWorker('openComparison', { disagreementId, packId })),
  };
  return { host, notes, tooltips: installTooltips(doc, marks, host, worker, signal) };
}
