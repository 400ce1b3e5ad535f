import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { NoteSchema } from './protocol';
import { readStoredNote } from './stored-note';

const good = v.parse(NoteSchema, { id: 'n1', url: 'https://a.example/', title: 'T', quote: 'Q', comment: 'c', entityIds: [], createdAt: 5 });

describe('readStoredNote', () => {
  it('returns a valid note as it is', () => {
    expect(readStoredNote(good)).toEqual(good);
  });

  it('resets each field an older version stored badly and names it, keeping the rest', () => {
    const bad = { ...good, createdAt: 1e300, title: 'x'.repeat(1_200), tags: 'truce', color: 'mauve', placement: { found: true, checkedAt: Infinity } };
    const note = readStoredNote(bad)!;
    expect(note).toMatchObject({ id: 'n1', url: good.url, quote: 'Q', comment: 'c', createdAt: 0, tags: [], color: 'yellow' });
    expect(note.title).toHaveLength(1_000);
    expect(note.placement).toBeUndefined();
    expect(note.repaired!.sort()).toEqual(['color', 'createdAt', 'placement', 'tags'].sort());
    expect(v.is(NoteSchema, note)).toBe(true);
  });

  it('gives up only on a row whose id cannot be used', () => {
    expect(readStoredNote({ ...good, id: 7 })).toBeUndefined();
    expect(readStoredNote(null)).toBeUndefined();
  });
});
