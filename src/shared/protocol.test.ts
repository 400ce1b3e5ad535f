import { describe, expect, it } from 'vitest';
import type { CrossreadDb } from '../background/db';
import { pageHandlers, tabHandlers } from '../background/handlers';
import type { NotesRepo } from '../background/notes-repo';
import type { PacksRepo } from '../background/packs-repo';
import { contentCalls, dispatch, parseRequest, parseResult, parseTags, ProtocolError, tabCalls, workerCalls } from './protocol';

const draft = { url: 'https://example.com/a', title: 'A', quote: 'Kerry said.', comment: '', entityIds: ['john-kerry'] };

describe('protocol', () => {
  it('reads a valid call, and the documented bare stats message', () => {
    const { url: _, ...pageDraft } = draft;
    expect(parseRequest(tabCalls, { type: 'saveNote', params: draft })).toEqual({ type: 'saveNote', params: { ...pageDraft, tags: [], color: 'yellow' } });
    expect(parseRequest(contentCalls, { type: 'getPageStats' })).toEqual({ type: 'getPageStats', params: undefined });
  });

  it('leaves messages that are not its calls to other listeners', () => {
    for (const message of [null, 'saveNote', { type: 'nope' }, { type: 'toString' }, { kind: 'saveNote' }]) {
      expect(parseRequest(workerCalls, message)).toBeUndefined();
    }
  });

  it('rejects a call with bad params, naming the method and the field', () => {
    expect(() => parseRequest(tabCalls, { type: 'saveNote', params: { ...draft, quote: 5 } })).toThrow(new ProtocolError('saveNote: invalid quote: Invalid type: Expected string but received 5'));
    expect(() => parseRequest(workerCalls, { type: 'listNotes', params: {} })).toThrow(/listNotes: invalid url/);
  });

  it('checks answers against the declared result', () => {
    expect(() => parseResult(workerCalls, 'deleteNote', { deleted: 'yes' })).toThrow(ProtocolError);
    expect(parseResult(workerCalls, 'deleteNote', { deleted: true })).toEqual({ deleted: true });
  });

  const effects = () => {
    const done: string[] = [];
    return { done, openTab: async (path: string) => void done.push(`open ${path}`), setBadge: async (tab: number, n: number) => void done.push(`badge ${tab} ${n}`) };
  };
  const tab = { tabId: 7, pageUrl: 'https://example.com/a' };

  it('dispatches to handlers and rejects invalid calls instead of throwing', async () => {
    const handlers = pageHandlers({} as CrossreadDb, {} as PacksRepo, { delete: async (id: string) => id === 'x' } as unknown as NotesRepo);
    await expect(dispatch(workerCalls, handlers, { type: 'deleteNote', params: { id: 'x' } })).resolves.toEqual({ deleted: true });
    await expect(dispatch(workerCalls, handlers, { type: 'deleteNote', params: {} })).rejects.toThrow(ProtocolError);
    expect(dispatch(workerCalls, handlers, { type: 'other' })).toBeUndefined();
  });

  it('has a handler for every method of each map and no other; content scripts get only their own page’s calls', () => {
    expect(Object.keys(pageHandlers({} as CrossreadDb, {} as PacksRepo)).sort()).toEqual(Object.keys(workerCalls).sort());
    expect(Object.keys(tabHandlers({} as NotesRepo, {} as PacksRepo, effects())).sort()).toEqual(Object.keys(tabCalls).sort());
    expect(Object.keys(tabCalls).sort()).toEqual(['getEntityCard', 'listNotes', 'notesPlaced', 'openComparison', 'pageScanned', 'saveNote']);
  });

  it('keys a content script’s notes by its page from the sender, never by what it says', async () => {
    const seen: string[] = [];
    const repo = {
      save: async (d: { url: string }) => void seen.push(`save ${d.url}`),
      forUrl: async (url: string) => (seen.push(`list ${url}`), []),
      placed: async (url: string) => void seen.push(`placed ${url}`),
    } as unknown as NotesRepo;
    const handlers = tabHandlers(repo, {} as PacksRepo, effects());
    await dispatch(tabCalls, handlers, { type: 'saveNote', params: { ...draft, url: 'https://elsewhere.example/' } }, tab);
    await dispatch(tabCalls, handlers, { type: 'listNotes', params: { url: 'https://elsewhere.example/' } }, tab);
    await dispatch(tabCalls, handlers, { type: 'notesPlaced', params: { url: 'https://elsewhere.example/', found: [], orphaned: ['x'] } }, tab);
    expect(seen).toEqual(['save https://example.com/a', 'list https://example.com/a', 'placed https://example.com/a']);
  });

  it('opens the compare view at a disagreement and sets the badge of the sender’s tab only', async () => {
    const fx = effects();
    const handlers = tabHandlers({} as NotesRepo, {} as PacksRepo, fx);
    await dispatch(tabCalls, handlers, { type: 'openComparison', params: { disagreementId: 'war-death-toll' } }, tab);
    await dispatch(tabCalls, handlers, { type: 'pageScanned', params: { entityCount: 12 } }, tab);
    await dispatch(tabCalls, handlers, { type: 'openComparison', params: { disagreementId: 'figures-count', packId: 'p1' } }, tab);
    await expect(dispatch(tabCalls, handlers, { type: 'pageScanned', params: { entityCount: -1 } }, tab)).rejects.toThrow(ProtocolError);
    expect(fx.done).toEqual(['open src/pages/compare.html#war-death-toll', 'badge 7 12', 'open src/pages/compare.html#p1/figures-count']);
  });

  it('reads notes stored before tags and colours as untagged and yellow', () => {
    const old = { id: 'n', url: 'https://a.example/', title: 'T', quote: 'Q', comment: '', entityIds: [], createdAt: 1 };
    expect(parseResult(workerCalls, 'listNotes', [old])).toEqual([{ ...old, tags: [], color: 'yellow' }]);
    expect(parseTags(' truce, Aleppo ,, truce ,')).toEqual(['truce', 'Aleppo']);
  });
});
