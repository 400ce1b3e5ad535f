import { describe, expect, it } from 'vitest';
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
