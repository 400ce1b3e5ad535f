import * as v from 'valibot';
import type { KnowledgePack } from '../shared/knowledge';
import { CatalogEntitySchema } from './catalog';
import type { PackInputs } from './build-pack';

/**
 * The review file (`npm run knowledge -- --review FILE`): what the build decided, for a person
 * to check and edit, and to build with again. Entities are catalog entries (name, type, every
 * spelling: one entry per entity, so moving a spelling merges or splits; `drop` leaves one out),
 * the extracted disagreements can be kept or dropped and reworded, and the story retitled.
 */
export const ReviewSchema = v.strictObject({
  story: v.strictObject({ title: v.pipe(v.string(), v.minLength(1)) }),
  entities: v.array(v.strictObject({ ...CatalogEntitySchema.entries, drop: v.optional(v.boolean()) })),
  disagreements: v.array(
    v.strictObject({
      id: v.string(),
      topic: v.pipe(v.string(), v.minLength(1)),
      question: v.pipe(v.string(), v.minLength(1)),
      keep: v.boolean(),
    }),
  ),
});
export type Review = v.InferOutput<typeof ReviewSchema>;

/** The decisions of a built pack, as a review file (entities by name; extracted disagreements kept). */
export function reviewOf(pack: KnowledgePack, previous?: Review): Review {
  const dropped = (previous?.entities ?? []).filter((e) => e.drop);
  return {
    story: { title: pack.story.title },
    entities: [
      ...pack.entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        ...(e.roles[0] ? { role: e.roles[0].text } : {}),
        aliases: e.aliases
          .filter((a) => a.text !== e.name)
          .map((a) => {
            const flags = { ...(a.caseSensitive ? { caseSensitive: true } : {}), ...(a.generic ? { generic: true } : {}), ...(a.ambiguous ? { ambiguous: true } : {}), ...(a.outside ? { outside: true } : {}) };
            return Object.keys(flags).length > 0 ? { text: a.text, ...flags } : a.text;
          }),
      })),
      ...dropped,
    ],
    disagreements: [
      ...pack.disagreements.filter((d) => d.origin === 'extracted').map((d) => ({ id: d.id, topic: d.topic, question: d.question, keep: true })),
      ...(previous?.disagreements ?? []).filter((d) => !d.keep),
    ],
  };
}

/** Build inputs with a review applied: its entities stand for the catalog's, its title for the story's. */
export function withReview(inputs: PackInputs, review: Review): PackInputs {
  return {
    ...inputs,
    catalogEntities: review.entities.filter((e) => !e.drop).map(({ drop: _, ...e }) => e),
    story: review.story,
  };
}

/** A built pack with the review's choices on its extracted disagreements: dropped ones gone, kept ones reworded. */
export function reviewDisagreements(pack: KnowledgePack, review: Review): KnowledgePack {
  const choice = new Map(review.disagreements.map((d) => [d.id, d]));
  return {
    ...pack,
    disagreements: pack.disagreements.flatMap((d) => {
      const c = d.origin === 'extracted' ? choice.get(d.id) : undefined;
      if (!c) return [d];
      return c.keep ? [{ ...d, topic: c.topic, question: c.question }] : [];
    }),
  };
}
