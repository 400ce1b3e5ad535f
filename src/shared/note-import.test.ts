import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { arbitraryNote } from './arbitrary-note';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toAnnotationCollection } from './note-export';
import { ImportError, MAX_IMPORT_BYTES, checkImportSize, parseNotesFile } from './note-import';
import { NoteSchema, type Note } from './protocol';

const note = (over: Partial<Note> = {}): Note =>
  v.parse(NoteSchema, {
    id: '6f1c2a4e-0000-4000-8000-000000000001',
    url: 'https://news.example/a',
    title: 'Truce',
    quote: 'the truce holds',
    comment: 'Check this',
    tags: ['truce'],
    color: 'blue',
    entityIds: ['john-kerry'],
    createdAt: Date.UTC(2016, 8, 10, 12),
    selector: { quote: { exact: 'the truce holds', prefix: 'Kerry said ', suffix: '.' }, position: { start: 10, end: 25 } },
    ...over,
  });

const rejected = async (text: string): Promise<string> => {
  try {
    await parseNotesFile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/Nothing was imported\.$/);
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('importing notes', () => {
  it('reads back its own Web Annotation export without loss (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(arbitraryNote, { selector: (n) => n.id, maxLength: 8 }), async (notes) => {
        const text = JSON.stringify(toAnnotationCollection(notes));
        const back = await parseNotesFile(text, { now: () => -1, newId: () => 'new' });
        expect(back.format).toBe('web-annotation');
        expect(back.notes).toEqual(notes);
      }),
      { numRuns: 300 },
    );
  });

  it('reads single annotations, pages and plain lists, and comments and tags from bodies', async () => {
    const one = toAnnotationCollection([note()]) as { first: { items: unknown[] } };
    const annotation = one.first.items[0];
    expect((await parseNotesFile(JSON.stringify(annotation))).notes).toEqual([note()]);
    expect((await parseNotesFile(JSON.stringify([annotation]))).notes).toEqual([note()]);
    expect((await parseNotesFile(JSON.stringify({ type: 'AnnotationPage', items: [annotation] }))).notes).toEqual([note()]);
    // Another tool's annotation: a bare string target, one body without purpose, no Crossread fields.
    const foreign = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', body: { type: 'TextualBody', value: 'Nice' }, target: 'https://x.example/' };
    expect((await parseNotesFile(JSON.stringify(foreign), { now: () => 7 })).notes).toEqual([
      { id: 'http://example.org/anno1', url: 'https://x.example/', title: '', quote: '', comment: 'Nice', tags: [], color: 'yellow', entityIds: [], createdAt: 7 },
    ]);
  });

  it('reads a Hypothesis export: quote, position, comment, tags, title; replies are skipped', async () => {
    const parsed = await parseNotesFile(readFileSync('e2e/fixtures/hypothesis-export.json', 'utf8'));
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.repliesSkipped).toBe(1);
    expect(parsed.notes).toEqual([
      {
        id: 'hypothesis:Xq3Lb0ahEe-aD0fT2p1Rzw',
        url: 'https://news.example/syria-truce',
        title: 'Syria truce talks resume',
        quote: 'The war has killed more than 290,000 people',
        comment: 'Compare with the AFP figure.',
        tags: ['casualties', 'truce'],
        color: 'yellow',
        entityIds: [],
        createdAt: Date.parse('2026-11-19T14:02:11.408Z'),
        selector: { quote: { exact: 'The war has killed more than 290,000 people', prefix: 'since 2011. ', suffix: ' and displaced' }, position: { start: 812, end: 864 } },
      },
      expect.objectContaining({ id: 'hypothesis:Yr4Mc1biEe-bE1gU3q2Sax', quote: '', comment: 'A page note: the headline says "regime".' }),
    ]);
  });

  it('rejects bad files whole, saying what and why', async () => {
    expect(await rejected('{"type": "AnnotationCollection", ')).toMatch(/^The file is not JSON \(/);
    expect(await rejected('{"hello": "world"}')).toMatch(/not annotations Crossread can read/);
    expect(await rejected('[1, 2]')).toMatch(/not annotations Crossread can read/);
    const two = JSON.stringify([note(), note({ id: 'other' }), note()].map((n) => (toAnnotationCollection([n]) as { first: { items: unknown[] } }).first.items[0]));
    expect(await rejected(two)).toMatch(/Annotations 1 and 3 share the id urn:uuid:6f1c2a4e-0000-4000-8000-000000000001/);
    const noTarget = JSON.stringify({ type: 'Annotation', id: 'urn:x:1', body: [] });
    expect(await rejected(noTarget)).toMatch(/Annotation 1 of 1 \(urn:x:1\) was rejected: it has no target page address/);
    const badDate = JSON.stringify({ type: 'Annotation', target: 'https://x.example/', created: 'yesterday' });
    expect(await rejected(badDate)).toMatch(/its time "yesterday" is not a date/);
    const badUrl = JSON.stringify({ annotations: [{ uri: '', target: [] }] });
    expect(await rejected(badUrl)).toMatch(/Annotation 1 of 1 was rejected: url: /);
    const future = JSON.stringify({ type: 'Annotation', target: 'https://x.example/', created: '+275760-09-13T00:00:00.000Z' });
    expect(await rejected(future)).toMatch(/createdAt: must be before 2200/);
  });

  it('keeps an address that is not a web page’s as text (a PDF’s urn:, a file:, a javascript: one) and a long title cut', async () => {
    const items = ['urn:x-pdf:0a1b2c', 'file:///home/me/a.pdf', 'javascript:alert(1)'].map((uri, i) => ({ id: `h${i}`, uri, text: 'c', document: { title: ['T'.repeat(1_500)] } }));
    const { notes } = await parseNotesFile(JSON.stringify({ annotations: items }));
    expect(notes.map((n) => n.url)).toEqual(['urn:x-pdf:0a1b2c', 'file:///home/me/a.pdf', 'javascript:alert(1)']);
    expect(notes.every((n) => n.title.length === 1_000 && n.title.endsWith('…'))).toBe(true);
  });

  it('refuses files above the size limit before reading them', () => {
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => checkImportSize(MAX_IMPORT_BYTES + 1)).toThrow(/The file is 50\.0 MB; Crossread imports files up to 50 MB/);
  });

  it('reports progress while converting', async () => {
    const notes = Array.from({ length: 1200 }, (_, i) => note({ id: `n${i}` }));
    const seen: number[] = [];
    await parseNotesFile(JSON.stringify(toAnnotationCollection(notes)), { onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([0, 500 / 1200, 1000 / 1200, 1]);
  });
});
