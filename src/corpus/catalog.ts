import * as v from 'valibot';
import { LexiconCategorySchema } from '../shared/framing';
import { ENTITY_TYPES } from '../shared/knowledge';

/**
 * The curated catalog (`assets/catalog/`): data, not code. Every file is optional: a corpus
 * with no catalog still builds, from the NLP pass alone.
 */

/** A curated entity: canonical name, type, every spelling the texts use, and its role. */
export const CatalogEntitySchema = v.object({
  id: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1)),
  type: v.picklist(ENTITY_TYPES),
  /** Words of the corpus that say what the entity is; checked to occur verbatim in some text. */
  role: v.optional(v.string()),
  aliases: v.array(
    v.union([
      v.pipe(v.string(), v.minLength(1)),
      v.object({
        text: v.pipe(v.string(), v.minLength(1)),
        outside: v.optional(v.boolean()),
        caseSensitive: v.optional(v.boolean()),
        generic: v.optional(v.boolean()),
        ambiguous: v.optional(v.boolean()),
      }),
    ]),
  ),
});

/**
 * Curated presentation of a corpus text: a short label. (Reader comments, footers and other page
 * clutter are found by general rules, src/shared/clutter.ts, not listed here.)
 */
export const CatalogSourceSchema = v.strictObject({
  file: v.string(),
  label: v.pipe(v.string(), v.minLength(1)),
});

/**
 * A curated disagreement: either each source's position with verbatim evidence, or a naming
 * disagreement over one entity's aliases, or a framing one over lexicon categories (both
 * computed from the texts).
 */
export const CatalogClaimSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  topic: v.pipe(v.string(), v.minLength(1)),
  question: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(['fact', 'naming', 'framing']),
  entity: v.optional(v.string()),
  entities: v.optional(v.array(v.string())),
  categories: v.optional(v.array(v.string())),
  positions: v.optional(
    v.array(
      v.object({
        file: v.string(),
        position: v.pipe(v.string(), v.minLength(1)),
        evidence: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)),
        /** Whose position it is, where the automatic reading of the evidence's grammar would mislead: "own", or who. */
        holder: v.optional(v.pipe(v.string(), v.minLength(1))),
      }),
    ),
  ),
  /** Words of the topic: a source with no position whose sentence uses one touches the point (it is not silent). */
  terms: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))),
  /** Sources that touch the point without a position, with verbatim evidence. */
  mentions: v.optional(v.array(v.object({ file: v.string(), evidence: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)) }))),
  /** Why the difference may be only apparent (one moment in two time zones, rounding). */
  apparent: v.optional(v.pipe(v.string(), v.minLength(1))),
  note: v.optional(v.string()),
});

/** Provenance as read off each text (`sources.json` beside the corpus). */
export const ProvenanceSchema = v.object({
  file: v.string(),
  headline: v.string(),
  outlet: v.string(),
  attributed_to: v.string(),
  kind: v.string(),
  date: v.string(),
  evidence: v.string(),
  url: v.optional(v.string()),
});

export { LexiconCategorySchema };
export type CatalogEntity = v.InferOutput<typeof CatalogEntitySchema>;
export type CatalogSource = v.InferOutput<typeof CatalogSourceSchema>;
export type CatalogClaim = v.InferOutput<typeof CatalogClaimSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
