import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toAnnotationCollection, toWebAnnotation } from './note-export';
import { arbitraryNote } from './arbitrary-note';
import { NoteSchema } from './protocol';

/**
 * Crossread's Web Annotation export against a JSON Schema of the W3C Web Annotation Data
 * Model's requirements (schema/web-annotation.schema.json, written from the Recommendation's
 * MUSTs: the web-platform-tests suite's own schemas cannot be fetched or vendored here).
 */
const schema = JSON.parse(readFileSync('schema/web-annotation.schema.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const errorsOf = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('Web Annotation export against the W3C model', () => {
  it('every exported collection and annotation is valid (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryNote, { maxLength: 6 }), (notes) => {
        expect(errorsOf(toAnnotationCollection(notes))).toEqual([]);
        for (const note of notes) expect(errorsOf(toWebAnnotation(note))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the schema rejects what the model forbids', () => {
    const good = toWebAnnotation(
      v.parse(NoteSchema, { id: 'a', url: 'https://x.example/', title: '', quote: 'q', comment: 'c', entityIds: [], createdAt: 0, selector: { quote: { exact: 'q', prefix: '', suffix: '' } } }),
    );
    expect(errorsOf(good)).toEqual([]);
    const broken: [string, Record<string, unknown>][] = [
      ['no context', { ...good, '@context': undefined }],
      ['another context', { ...good, '@context': 'http://schema.org/' }],
      ['no target', { ...good, target: undefined }],
      ['a target that is not an IRI', { ...good, target: 'not an iri' }],
      ['a local time', { ...good, created: '2016-09-10T12:00:00+02:00' }],
      ['a body without value', { ...good, body: [{ type: 'TextualBody' }] }],
      ['a quote selector without exact', { ...good, target: { source: 'https://x.example/', selector: [{ type: 'TextQuoteSelector', prefix: 'a' }] } }],
      ['a negative position', { ...good, target: { source: 'https://x.example/', selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } }],
      ['no id', { ...good, id: undefined }],
    ];
    for (const [what, data] of broken) expect(errorsOf(JSON.parse(JSON.stringify(data))), what).not.toEqual([]);
  });
});
