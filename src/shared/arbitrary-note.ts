import fc from 'fast-check';
import * as v from 'valibot';
import { NOTE_COLORS, NoteSchema, type Note } from './protocol';

/** Test helper: random notes for property tests of the exporters and importers. */

/** Random notes as the worker stores them: every field a user or the page can set. */
export const arbitraryNote: fc.Arbitrary<Note> = fc
  .record({
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 30 })),
    url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
    title: fc.string({ maxLength: 40 }),
    quote: fc.string({ minLength: 1, maxLength: 60 }),
    prefix: fc.string({ maxLength: 32 }),
    suffix: fc.string({ maxLength: 32 }),
    withSelector: fc.boolean(),
    withPosition: fc.boolean(),
    start: fc.nat(100_000),
    comment: fc.string({ maxLength: 60 }),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 4 }),
    color: fc.constantFrom(...NOTE_COLORS),
    entityIds: fc.array(fc.constantFrom('maria-lopez', 'omar-haddad', 'city-council'), { maxLength: 3 }),
    createdAt: fc.integer({ min: 0, max: Date.UTC(2100, 0) }),
    placement: fc.option(fc.record({ found: fc.boolean(), checkedAt: fc.nat() }), { nil: undefined }),
  })
  .map((r) =>
    v.parse(NoteSchema, {
      id: r.id,
      url: r.url,
      title: r.title,
      quote: r.quote,
      comment: r.comment,
      tags: r.tags,
      color: r.color,
      entityIds: r.entityIds,
      createdAt: r.createdAt,
      ...(r.withSelector
        ? { selector: { quote: { exact: r.quote, prefix: r.prefix, suffix: r.suffix }, ...(r.withPosition ? { position: { start: r.start, end: r.start + r.quote.length } } : {}) } }
        : {}),
      ...(r.placement ? { placement: r.placement } : {}),
    }),
  );

