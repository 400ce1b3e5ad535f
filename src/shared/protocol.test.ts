import { describe, expect, it } from 'vitest';
import { workerHandlers, type Backups } from '../background/handlers';
import type { NotesRepo } from '../background/notes-repo';
import { contentCalls, dispatch, parseRequest, parseResult, parseTags, ProtocolError, workerCalls } from './protocol';

const draft = { url: 'https://example.com/a', title: 'A', quote: 'Kerry said.', comment: '', entityIds: ['john-kerry'] };

describe('protocol', () => {
  it('reads a valid call, and the documented bare stats message', () => {
    expect(parseRequest(workerCalls, { type: 'saveNote', params: draft })).toEqual({ type: 'saveNote', params: { ...draft, tags: [], color: 'yellow' } });
    expect(parseRequest(contentCalls, { type: 'getPageStats' })).toEqual({ type: 'getPageStats', params: undefined });
  });

  it('leaves messages that are not its calls to other listeners', () => {
    for (const message of [null, 'saveNote', { type: 'nope' }, { type: 'toString' }, { kind: 'saveNote' }]) {
      expect(parseRequest(workerCalls, message)).toBeUndefined();
    }
  });

  it('rejects a call with bad params, naming the method and the field', () => {
    expect(() => parseRequest(workerCalls, { type: 'saveNote', params: { ...draft, url: 'not a url' } })).toThrow(
      new ProtocolError('saveNote: invalid url: Invalid URL: Received "not a url"'),
    );
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

  it('dispatches to handlers and rejects invalid calls instead of throwing', async () => {
    const handlers = workerHandlers({ delete: async (id: string) => id === 'x' } as unknown as NotesRepo, {} as Backups, effects());
    await expect(dispatch(workerCalls, handlers, { type: 'deleteNote', params: { id: 'x' } })).resolves.toEqual({ deleted: true });
    await expect(dispatch(workerCalls, handlers, { type: 'deleteNote', params: {} })).rejects.toThrow(ProtocolError);
    expect(dispatch(workerCalls, handlers, { type: 'other' })).toBeUndefined();
  });

  it('has a handler for every worker method and no other', () => {
    const handlers = workerHandlers({} as NotesRepo, {} as Backups, effects());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(workerCalls).sort());
  });

  it('opens the compare view at a disagreement and sets the badge of the sender’s tab only', async () => {
    const fx = effects();
    const handlers = workerHandlers({} as NotesRepo, {} as Backups, fx);
    await dispatch(workerCalls, handlers, { type: 'openComparison', params: { disagreementId: 'war-death-toll' } });
    await dispatch(workerCalls, handlers, { type: 'pageScanned', params: { entityCount: 12 } }, { tabId: 7 });
    await dispatch(workerCalls, handlers, { type: 'pageScanned', params: { entityCount: 3 } });
    await expect(dispatch(workerCalls, handlers, { type: 'pageScanned', params: { entityCount: -1 } }, { tabId: 7 })).rejects.toThrow(ProtocolError);
    expect(fx.done).toEqual(['open src/pages/compare.html#war-death-toll', 'badge 7 12']);
  });

  it('reads notes stored before tags and colours as untagged and yellow', () => {
    const old = { id: 'n', url: 'https://a.example/', title: 'T', quote: 'Q', comment: '', entityIds: [], createdAt: 1 };
    expect(parseResult(workerCalls, 'listNotes', [old])).toEqual([{ ...old, tags: [], color: 'yellow' }]);
    expect(parseTags(' truce, Aleppo ,, truce ,')).toEqual(['truce', 'Aleppo']);
  });
});
