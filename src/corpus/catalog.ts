import * as v from 'valibot';
import { ENTITY_TYPES } from '../shared/knowledge';

/** A curated entity: canonical name, type, every spelling the texts use, and its role. */
export const CatalogEntitySchema = v.object({
  id: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1)),
  type: v.picklist(ENTITY_TYPES),
  role: v.optional(v.string()),
  aliases: v.array(
    v.union([
      v.pipe(v.string(), v.minLength(1)),
      v.object({
        text: v.pipe(v.string(), v.minLength(1)),
        outside: v.optional(v.boolean()),
        caseSensitive: v.optional(v.boolean()),
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
});

/** Provenance as read off each text (`assets/corpus/sources.json`). */
export const ProvenanceSchema = v.object({
  file: v.string(),
  headline: v.string(),
  outlet: v.string(),
  attributed_to: v.string(),
  kind: v.string(),
  date: v.string(),
  evidence: v.string(),
});

export type CatalogEntity = v.InferOutput<typeof CatalogEntitySchema>;
export type CatalogSource = v.InferOutput<typeof CatalogSourceSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
