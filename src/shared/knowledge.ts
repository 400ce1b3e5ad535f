import * as v from 'valibot';

/**
 * The knowledge pack: what Crossread knows, built from the corpus by `npm run knowledge`.
 * These schemas are the one source of truth: the TypeScript types are inferred from them
 * and the build and the extension both validate against them at run time.
 */
export const PACK_SCHEMA_VERSION = 1;

export const ENTITY_TYPES = ['person', 'organization', 'armed group', 'place', 'institution', 'event'] as const;

/** One corpus text and what is known of its provenance (never more than the text shows). */
export const SourceSchema = v.object({
  id: v.string(),
  file: v.string(),
  /** Short name shown to readers, e.g. "AFP wire story (republished)". */
  label: v.string(),
  headline: v.string(),
  outlet: v.string(),
  attributedTo: v.string(),
  date: v.string(),
});

export const AliasSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1)),
  caseSensitive: v.boolean(),
  /** A spelling readers meet elsewhere that no corpus text uses (exempt from the coverage check). */
  outside: v.optional(v.boolean()),
});

/** What one source says about one entity. */
export const MentionSchema = v.object({
  sourceId: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The aliases this source uses, as the pack spells them (naming is framing). */
  aliases: v.array(v.string()),
  /** A verbatim sentence of the source that names the entity. */
  sentence: v.string(),
  /** True when that sentence is in a reader comment below the article, not the article. */
  inComment: v.boolean(),
});

export const EntitySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  name: v.string(),
  type: v.picklist(ENTITY_TYPES),
  /** One line, as the corpus states it ("U.S. Secretary of State"). */
  role: v.optional(v.string()),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  mentions: v.array(MentionSchema),
});

export const PackSchema = v.object({
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Mention = v.InferOutput<typeof MentionSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type KnowledgePack = v.InferOutput<typeof PackSchema>;
