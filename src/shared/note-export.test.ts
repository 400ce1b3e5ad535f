import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryNote } from './arbitrary-note';
import { toAnnotationCollection, toCsv, toMarkdown, toWebAnnotation } from './note-export';
import { NoteSchema, type Note } from './protocol';
import * as v from 'valibot';

const note: Note = v.parse(NoteSchema, {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  url: 'https://news.example/a?x=1',
  title: 'Truce [draft]',
  quote: 'Kerry said, "the truce holds".',
  comment: 'Check\nthis, please',
  tags: ['truce', 'a,b'],
  color: 'blue',
  entityIds: ['john-kerry'],
  createdAt: Date.UTC(2016, 8, 10, 12),
  selector: { quote: { exact: 'Kerry said, "the truce holds".', prefix: 'In Geneva ', suffix: ' Lavrov' }, position: { start: 10, end: 40 } },
});
const bare: Note = v.parse(NoteSchema, { id: 'n2', url: 'https://news.example/b', title: '', quote: 'Aid waited.', comment: '', entityIds: [], createdAt: 0 });

describe('note export', () => {
  it('writes W3C Web Annotations with quote and position selectors, comment and tags as bodies', () => {
    expect(toWebAnnotation(note)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:6f1c2a4e-0000-4000-8000-000000000001',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2016-09-10T12:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Check\nthis, please', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'truce', purpose: 'tagging' },
        { type: 'TextualBody', value: 'a,b', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example/a?x=1',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Kerry said, "the truce holds".', prefix: 'In Geneva ', suffix: ' Lavrov' },
          { type: 'TextPositionSelector', start: 10, end: 40 },
        ],
      },
      crossread: { title: 'Truce [draft]', color: 'blue', entityIds: ['john-kerry'] },
    });
    // A note without comment, tags or selectors (saved before they existed) is a highlight of its quote.
    const plain = toWebAnnotation(bare);
    expect(plain).toMatchObject({ motivation: 'highlighting', target: { selector: [{ type: 'TextQuoteSelector', exact: 'Aid waited.' }] } });
    expect(plain).not.toHaveProperty('body');
    expect(toAnnotationCollection([note, bare])).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage', startIndex: 0 } });
  });

  it('writes RFC 4180 CSV: header row, CRLF, fields with commas, quotes or line breaks quoted', () => {
    const csv = toCsv([note, bare]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,created,url,title,quote,comment,tags,color,entities');
    expect(csv).toContain(',"Kerry said, ""the truce holds"".","Check\nthis, please","truce; a,b",blue,john-kerry\r\n');
    expect(lines.at(-1)).toBe('');
    expect(csv.endsWith('n2,1970-01-01T00:00:00.000Z,https://news.example/b,,Aid waited.,,,yellow,\r\n')).toBe(true);
  });

  it('writes Markdown grouped by page, with page text escaped', () => {
    const md = toMarkdown([bare, note]);
    expect(md).toContain('## [Truce \\[draft\\]](<https://news.example/a?x=1>)');
    expect(md).toContain('> Kerry said, "the truce holds"\\.');
    expect(md).toContain('*2016-09-10 · blue · #truce · #a,b*');
    // The newest note's page comes first.
    expect(md.indexOf('news.example/a')).toBeLessThan(md.indexOf('news.example/b'));
  });
});

/** RFC 4180 CSV read back (quoted fields, doubled quotes, CRLF rows), to check what a spreadsheet gets. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

/** Strings a hostile page or file could put in a note: formulas, markup, line breaks, any code unit. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '<', '&', '#', '>', '[', '\r\n', '\n===\n', '    '), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
);
const hostileNote = fc.record({ note: arbitraryNote, title: hostile, quote: hostile, comment: hostile, tag: hostile }).map(({ note, title, quote, comment, tag }) => ({
  ...note,
  title,
  quote: quote || 'q',
  comment,
  tags: tag ? [tag] : [],
}));
const FORMULA_START = /^[=+\-@\t\r]/;

describe('exporters under fuzzing', () => {
  it('CSV: every cell reads back as written, with an apostrophe before a formula start, and no cell starts a formula', () => {
    fc.assert(
      fc.property(fc.array(hostileNote, { maxLength: 5 }), (notes) => {
        const rows = readCsv(toCsv(notes));
        expect(rows).toHaveLength(notes.length + 1);
        notes.forEach((n, i) => {
          const cells = rows[i + 1]!;
          expect(cells).toHaveLength(9);
          for (const [cell, value] of [[cells[3], n.title], [cells[4], n.quote], [cells[5], n.comment], [cells[6], n.tags.join('; ')]] as const) {
            expect(cell).toBe(FORMULA_START.test(value) ? `'${value}` : value);
            expect(FORMULA_START.test(cell!)).toBe(false);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('Markdown: page text never becomes a heading, HTML, an entity, a link or a line outside its block', () => {
    fc.assert(
      fc.property(fc.array(hostileNote, { minLength: 1, maxLength: 5 }), (notes) => {
        const md = toMarkdown(notes);
        const pages = new Set(notes.map((n) => n.url)).size;
        const lines = md.split('\n');
        expect(md).not.toContain('\r');
        expect(lines.filter((l) => /^#/.test(l))).toHaveLength(pages + 1);
        expect(md.replace(/\]\(<[^>]*>\)/g, '')).not.toMatch(/(^|[^\\])[<&]/m);
        // Links only in page headings, to http(s) addresses.
        for (const line of lines) {
          const links = [...line.matchAll(/(?<!\\)\]\(<([^>]*)>\)/g)].map((m) => m[1]!);
          if (!line.startsWith('## ')) expect(links).toEqual([]);
          for (const href of links) expect(href).toMatch(/^https?:\/\/[^\s<>\\]*$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('Web Annotations: every note exports, whatever its strings', () => {
    fc.assert(
      fc.property(fc.array(hostileNote, { maxLength: 5 }), (notes) => {
        const collection = toAnnotationCollection(notes) as { total: number };
        expect(collection.total).toBe(notes.length);
        expect(() => JSON.parse(JSON.stringify(collection))).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
