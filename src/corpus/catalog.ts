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

/** Curated presentation of a corpus text: a short label and where reader comments begin. */
export const CatalogSourceSchema = v.object({
  file: v.string(),
  label: v.pipe(v.string(), v.minLength(1)),
  /** Text that starts the reader-comment section; sentences after it are marked as comments. */
  commentsFrom: v.optional(v.string()),
  /** Text that starts page boilerplate (a publisher's footer), left out of framing and claims like comments. */
  boilerplateFrom: v.optional(v.string()),
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
      }),
    ),
  ),
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
});

export { LexiconCategorySchema };
export type CatalogEntity = v.InferOutput<typeof CatalogEntitySchema>;
export type CatalogSource = v.InferOutput<typeof CatalogSourceSchema>;
export type CatalogClaim = v.InferOutput<typeof CatalogClaimSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
